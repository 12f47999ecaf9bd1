package org.yaraguard.review;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the bounded hex views of a quarantined object: its head and a window around each match offset. Reads only
 * those windows, so a 4 GiB object costs a few kilobytes.
 */
final class HexViews {

    static final int HEAD_BYTES = 132;
    static final int WINDOW_BYTES = 64;
    static final int WINDOW_LEAD = 16;
    static final int MAX_WINDOWS = 16;

    private HexViews() {
    }

    static EntryDetail detail(ReviewEntry entry) throws IOException {
        if (!entry.quarantined()) {
            return new EntryDetail(entry, null, List.of(), List.of("stored by the archive: no bytes are held here"));
        }
        List<String> notes = new ArrayList<>();
        List<ByteWindow> windows = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(entry.objectFile(), StandardOpenOption.READ)) {
            long size = channel.size();
            ByteWindow head = new ByteWindow(entry.part10() ? "preamble and DICM prefix" : "first bytes (no preamble)",
                    0, read(channel, 0, (int) Math.min(HEAD_BYTES, size)));
            int left = 0;
            for (MatchView match : entry.matches()) {
                for (long offset : match.offsets()) {
                    long absolute = absolute(match.region(), offset);
                    if (absolute < 0 || absolute >= size) {
                        notes.add(String.format("%s: offset %d in region %s is not an offset in the object file",
                                match.rule(), offset, match.region()));
                    } else if (windows.size() >= MAX_WINDOWS) {
                        left++;
                    } else {
                        long start = Math.max(0, absolute - WINDOW_LEAD);
                        windows.add(new ByteWindow(String.format("%s at 0x%x (region %s)", match.rule(), absolute,
                                match.region()), start, read(channel, start, (int) Math.min(WINDOW_BYTES,
                                size - start))));
                    }
                }
            }
            if (left > 0) {
                notes.add(left + " further match offsets not shown");
            }
            return new EntryDetail(entry, head, windows, notes);
        }
    }

    /**
     * The scanner reports match offsets as offsets in the object for the whole object and for every region that lies
     * in it (preamble, encapsulated document, private values, trailing data). Only the inflated dataset of a
     * deflated object is derived bytes, whose offsets cannot be placed in the file: -1.
     */
    private static long absolute(String region, long offset) {
        return "inflated_dataset".equals(region) ? -1 : offset;
    }

    private static byte[] read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.max(0, length));
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                break;
            }
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }
}

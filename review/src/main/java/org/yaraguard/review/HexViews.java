package org.yaraguard.review;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the bounded hex views of an object file: its head and a window around each match offset. Reads only those
 * windows, so a 4 GiB object costs a few kilobytes. The quarantine's entries and the console's view of an object a
 * retro-hunt found in the archive's storage share it.
 */
public final class HexViews {

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
        Windows windows = of(entry.objectFile(), entry.part10(), entry.matches());
        return new EntryDetail(entry, windows.head(), windows.matched(), windows.notes());
    }

    /**
     * The head of {@code file} and a window around each offset of {@code matches} (offsets as the scanner reports
     * them), at most {@link #MAX_WINDOWS}. The caller decides that the file may be read; it is opened read-only.
     */
    public static Windows of(Path file, boolean part10, List<MatchView> matches) throws IOException {
        List<String> notes = new ArrayList<>();
        List<ByteWindow> windows = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteWindow head = new ByteWindow(part10 ? "preamble and DICM prefix" : "first bytes (no preamble)",
                    0, read(channel, 0, (int) Math.min(HEAD_BYTES, size)));
            int left = 0;
            for (MatchView match : matches) {
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
            return new Windows(head, windows, notes);
        }
    }

    /** The head window, the match windows and remarks (offsets that could not be placed, windows left out). */
    public record Windows(ByteWindow head, List<ByteWindow> matched, List<String> notes) {

        /** Defensive copies. */
        public Windows {
            matched = List.copyOf(matched);
            notes = List.copyOf(notes);
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

package org.yaraguard.engine.tagging;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.yaraguard.engine.dicom.PrivateGroupLayout;
import org.yaraguard.engine.dicom.PrivateGroupLayout.Element;

/**
 * Where a {@link PrivateBlock} goes in one object's top-level dataset, and the stream of the object with it there.
 * The block takes the slot our creator already holds (replacing whatever that slot holds, which only a sender can
 * have put there) or else the lowest free creator slot of group 0077; the creator element and the values each go
 * before the first top-level element with a greater tag, so the dataset stays in ascending tag order. Everything
 * else, the preamble and file meta included, stays byte for byte as received; a deflated dataset is inflated,
 * edited and deflated again on the fly.
 *
 * @param datasetStart where the dataset starts in the object
 * @param deflated     whether the edits apply to the inflated dataset
 * @param edits        ascending, non-overlapping; offsets in the object, or in the inflated dataset when deflated
 */
public record BlockPlacement(long datasetStart, boolean deflated, List<Edit> edits) {

    private static final int FIRST_SLOT = 0x10;
    private static final int LAST_SLOT = 0xFF;

    public BlockPlacement {
        edits = List.copyOf(edits);
    }

    /** The placement in the dataset that layout describes, or empty when the walk left no safe place for it. */
    public static Optional<BlockPlacement> of(PrivateGroupLayout layout, PrivateBlock block) {
        if (layout.datasetStart() < 0) {
            return Optional.empty();
        }
        List<Element> elements = layout.elements();
        Element ours = null;
        BitSet taken = new BitSet();
        for (Element element : elements) {
            int low = element.tag() & 0xFFFF;
            if (low >= FIRST_SLOT && low <= LAST_SLOT) {
                taken.set(low);
                if (ours == null && PrivateBlock.CREATOR.equals(element.creator())) {
                    ours = element;
                }
            }
        }
        int slot = ours != null ? ours.tag() & 0xFF : taken.nextClearBit(FIRST_SLOT);
        if (slot > LAST_SLOT) {
            return Optional.empty();
        }
        int blockFirst = tag(slot << 8);
        int blockLast = tag(slot << 8 | 0xFF);
        TreeMap<Long, Edit> edits = new TreeMap<>();
        List<Element> kept = new ArrayList<>();
        for (Element element : elements) {
            if (ours != null && inRange(element.tag(), blockFirst, blockLast)) {
                if (element.end() < 0) {
                    return Optional.empty();
                }
                edits.put(element.offset(), new Edit(element.offset(), element.end() - element.offset(),
                        new byte[0]));
            } else {
                kept.add(element);
            }
        }
        ElementEncoding encoding = new ElementEncoding(layout.explicitVr(), layout.bigEndian());
        if (ours == null) {
            int creatorTag = tag(slot);
            long at = placeAfter(creatorTag, kept, layout);
            if (at < 0) {
                return Optional.empty();
            }
            insert(edits, at, encoding.encode(creatorTag, "LO", List.of(PrivateBlock.CREATOR)));
        }
        long at = placeAfter(tag(slot << 8 | PrivateBlock.ACTION), kept, layout);
        if (at < 0) {
            return Optional.empty();
        }
        for (PrivateBlock.Value value : block.values()) {
            insert(edits, at, encoding.encode(tag(slot << 8 | value.element()), value.vr(), value.values()));
        }
        return Optional.of(new BlockPlacement(layout.datasetStart(), layout.deflated(),
                new ArrayList<>(edits.values())));
    }

    /** The object with the block in place; reading it reads object once, front to back. */
    public InputStream apply(InputStream object) {
        return deflated ? DeflatedEdit.stream(object, datasetStart, edits) : new EditedStream(object, edits);
    }

    /** Offset of the first kept top-level element with a tag above tag (the place before it), or -1. */
    private static long placeAfter(int tag, List<Element> kept, PrivateGroupLayout layout) {
        long at = layout.next();
        for (Element element : kept) {
            if (Integer.compareUnsigned(element.tag(), tag) > 0 && (at < 0 || element.offset() < at)) {
                at = element.offset();
            }
        }
        return at >= 0 ? at : layout.end();
    }

    private static void insert(TreeMap<Long, Edit> edits, long at, byte[] element) {
        Edit there = edits.get(at);
        byte[] before = there == null ? new byte[0] : there.insert();
        byte[] joined = new byte[before.length + element.length];
        System.arraycopy(before, 0, joined, 0, before.length);
        System.arraycopy(element, 0, joined, before.length, element.length);
        edits.put(at, new Edit(at, there == null ? 0 : there.remove(), joined));
    }

    private static boolean inRange(int tag, int first, int last) {
        return Integer.compareUnsigned(tag, first) >= 0 && Integer.compareUnsigned(tag, last) <= 0;
    }

    private static int tag(int element) {
        return PrivateBlock.GROUP << 16 | element;
    }
}

package org.yaraguard.engine.dicom;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * One iterative walk over the elements of a file meta group or a dataset, with an explicit stack of open
 * sequences and items (no recursion, so hostile nesting cannot overflow the thread stack).
 *
 * <p>Every loop turn either reads a header (advancing at least 8 bytes), closes a container (the stack is bounded
 * by {@code 2 * maxDepth + 1}), or returns; lengths are checked against the enclosing container before use.
 *
 * <p>The walk stops at the first structural problem. From there to the end of the buffer the bytes are reported
 * as a "trailing_data" region with a TRAILING_DATA anomaly: at top level such bytes are what follows the last
 * element that parses (e.g. an appended payload), deeper down they are bytes we could not account for. A
 * length that runs past its container adds LENGTH_PAST_END, a malformed element inside a sequence adds
 * MALFORMED. Limits (depth, element count) stop the walk without a trailing region.
 *
 * <p>Implicit VR needs no dictionary: undefined length means a sequence (fragments for Pixel Data), and a
 * defined-length value is walked as a sequence when it starts with a well-formed item header (probing works for
 * private sequences too, which no dictionary would know). Tags must ascend within a dataset or item; a tag that
 * does not ends the dataset there.
 */
final class DatasetWalk {

    private static final long UNDEFINED = 0xFFFFFFFFL;

    private enum Kind { DATASET, SEQUENCE, ITEM, FRAGMENTS }

    /** An open container; end is -1 for undefined length, limit is the nearest defined end around it. */
    private static final class Level {
        final Kind kind;
        final long end;
        final long limit;
        final Syntax syntax;
        final int tag;
        long lastTag = -1;

        Level(Kind kind, long end, long limit, Syntax syntax, int tag) {
            this.kind = kind;
            this.end = end;
            this.limit = limit;
            this.syntax = syntax;
            this.tag = tag;
        }
    }

    private final ByteBuffer bytes;
    private final long size;
    private final boolean derived;
    private final boolean meta;
    private final InspectionLimits limits;
    private final Observations observations;
    private final ArrayDeque<Level> stack = new ArrayDeque<>();
    private int sequenceDepth;
    private long start;
    /** End of the file meta group as its (0002,0000) group length declares it, or -1. */
    private long declaredMetaEnd = -1;

    private int tag;
    private int vr;
    private long length;
    private long valueStart;

    private DatasetWalk(ByteBuffer bytes, boolean derived, boolean meta, InspectionLimits limits,
            Observations observations) {
        this.bytes = bytes;
        this.size = bytes.limit();
        this.derived = derived;
        this.meta = meta;
        this.limits = limits;
        this.observations = observations;
    }

    /**
     * Walks the file meta group (explicit VR little endian, group 0002) from start.
     *
     * @return where the dataset begins, or -1 when the meta group is broken (already reported)
     */
    static long fileMeta(ByteBuffer bytes, int start, InspectionLimits limits, Observations observations) {
        return new DatasetWalk(bytes, false, true, limits, observations).run(start, Syntax.EXPLICIT_LE);
    }

    /**
     * Walks a dataset from start to the end of bytes.
     *
     * @param derived true when bytes are not the object itself (inflated): offsets are then reported as -1
     */
    static void dataset(ByteBuffer bytes, int start, Syntax syntax, boolean derived, InspectionLimits limits,
            Observations observations) {
        new DatasetWalk(bytes, derived, false, limits, observations).run(start, syntax);
    }

    private long run(long start, Syntax syntax) {
        this.start = start;
        stack.push(new Level(Kind.DATASET, size, size, syntax, -1));
        long pos = start;
        while (pos >= 0) {
            Level top = stack.peek();
            if (pos == top.end) {
                if (top.kind == Kind.DATASET) {
                    if (!meta) {
                        observations.datasetEnd(pos);
                    }
                    return pos;
                }
                close();
                continue;
            }
            if (pos >= top.limit) {
                return stop(pos, Anomaly.Kind.LENGTH_PAST_END, "undefined-length " + describe(top)
                        + " is not closed before " + (top.limit == size ? "the end of the input" : "its container")
                        + " at " + where(pos));
            }
            if (meta && top.kind == Kind.DATASET && (pos == declaredMetaEnd || !fileMetaGroupAt(pos))) {
                // The declared group length matters for deflated files: the deflate stream right after the meta
                // may start with the bytes 02 00 and would otherwise be taken for one more meta element.
                return pos;
            }
            if (!readHeader(pos, top)) {
                return -1;
            }
            if (!observations.countElement(limits.maxElements())) {
                observations.anomaly(Anomaly.Kind.TOO_MANY_ELEMENTS, "more than " + limits.maxElements()
                        + " elements; inspection stopped at " + where(pos), reported(pos));
                return -1;
            }
            pos = switch (top.kind) {
                case DATASET, ITEM -> element(pos, top);
                case SEQUENCE -> item(pos, top);
                case FRAGMENTS -> fragment(pos, top);
            };
        }
        return -1;
    }

    private boolean fileMetaGroupAt(long pos) {
        return size - pos >= 2 && u16(pos, false) == Tags.FILE_META_GROUP;
    }

    /** Reads the element header at pos into tag, vr, length, valueStart; false (reported) when it is unusable. */
    private boolean readHeader(long pos, Level top) {
        long available = top.limit - pos;
        boolean bigEndian = top.syntax.bigEndian();
        if (available < 8) {
            garbage(pos, top, "element header at " + where(pos) + " is cut off (" + available + " bytes left)");
            return false;
        }
        tag = u16(pos, bigEndian) << 16 | u16(pos + 2, bigEndian);
        if (Tags.group(tag) == Tags.ITEM_GROUP || !top.syntax.explicitVr()) {
            vr = Vr.NONE;
            length = u32(pos + 4, bigEndian);
            valueStart = pos + 8;
        } else {
            vr = Vr.code(bytes.get((int) pos + 4), bytes.get((int) pos + 5));
            if (!Vr.known(vr)) {
                garbage(pos, top, "element " + Tags.format(tag) + " at " + where(pos) + " has no valid VR");
                return false;
            }
            if (Vr.longLength(vr)) {
                if (available < 12) {
                    garbage(pos, top, "element header at " + where(pos) + " is cut off (" + available
                            + " bytes left)");
                    return false;
                }
                length = u32(pos + 8, bigEndian);
                valueStart = pos + 12;
            } else {
                length = u16(pos + 6, bigEndian);
                valueStart = pos + 8;
            }
        }
        if (length != UNDEFINED && length > top.limit - valueStart) {
            stop(pos, Anomaly.Kind.LENGTH_PAST_END, "length " + length + " of " + Tags.format(tag) + " at "
                    + where(pos) + " runs past the end of " + (top.limit == size ? "the input" : describe(top)));
            return false;
        }
        return true;
    }

    /** A data element inside a dataset or item. */
    private long element(long pos, Level top) {
        if (tag == Tags.ITEM_DELIMITATION && top.kind == Kind.ITEM && top.end < 0) {
            close();
            return valueStart;
        }
        if (Tags.group(tag) == Tags.ITEM_GROUP) {
            return garbage(pos, top, "item or delimiter " + Tags.format(tag) + " at " + where(pos)
                    + " where a data element was expected");
        }
        if (stack.size() == 1 && !meta) {
            observations.topLevelElement(tag, pos);
        }
        long unsignedTag = tag & 0xFFFFFFFFL;
        if (unsignedTag <= top.lastTag) {
            return garbage(pos, top, "element " + Tags.format(tag) + " at " + where(pos) + " is out of order");
        }
        top.lastTag = unsignedTag;
        if (length == UNDEFINED) {
            if (tag == Tags.PIXEL_DATA || vr == Vr.OB || vr == Vr.OW) {
                return open(Kind.FRAGMENTS, pos, top, -1, top.syntax);
            }
            if (vr == Vr.SQ || vr == Vr.NONE) {
                return open(Kind.SEQUENCE, pos, top, -1, top.syntax);
            }
            if (vr == Vr.UN) {
                // PS3.5 6.2.2: a UN sequence of undefined length is encoded in implicit VR little endian.
                return open(Kind.SEQUENCE, pos, top, -1, Syntax.IMPLICIT_LE);
            }
            return garbage(pos, top, "element " + Tags.format(tag) + " at " + where(pos)
                    + " has undefined length with VR " + Vr.name(vr));
        }
        long valueEnd = valueStart + length;
        if (vr == Vr.SQ) {
            return open(Kind.SEQUENCE, pos, top, valueEnd, top.syntax);
        }
        if ((vr == Vr.NONE || vr == Vr.UN) && mayBeSequence(tag) && startsWithItem(valueStart, length)) {
            return open(Kind.SEQUENCE, pos, top, valueEnd, vr == Vr.UN ? Syntax.IMPLICIT_LE : top.syntax);
        }
        value(tag, valueStart, length);
        if (stack.size() == 1) {
            if (meta && tag == Tags.FILE_META_GROUP_LENGTH && length == 4) {
                declaredMetaEnd = valueEnd + u32(valueStart, false);
            }
            if (meta) {
                observations.metaElement(tag, bytes, (int) valueStart, length);
            } else {
                observations.datasetElement(tag, bytes, (int) valueStart, length);
            }
        }
        return valueEnd;
    }

    /** An item (or the delimiter) inside a sequence. */
    private long item(long pos, Level top) {
        if (tag == Tags.ITEM) {
            if (length == UNDEFINED) {
                stack.push(new Level(Kind.ITEM, -1, top.limit, top.syntax, tag));
            } else {
                long end = valueStart + length;
                stack.push(new Level(Kind.ITEM, end, end, top.syntax, tag));
            }
            return valueStart;
        }
        if (tag == Tags.SEQUENCE_DELIMITATION && top.end < 0) {
            close();
            return valueStart;
        }
        return garbage(pos, top, Tags.format(tag) + " at " + where(pos) + " where an item of "
                + describe(top) + " was expected");
    }

    /** A fragment (or the delimiter) of an encapsulated value. */
    private long fragment(long pos, Level top) {
        if (tag == Tags.ITEM && length != UNDEFINED) {
            value(top.tag, valueStart, length);
            return valueStart + length;
        }
        if (tag == Tags.SEQUENCE_DELIMITATION) {
            close();
            return valueStart;
        }
        return garbage(pos, top, Tags.format(tag) + " at " + where(pos) + " where a fragment of "
                + describe(top) + " was expected");
    }

    /** Reports the value of a (non-sequence) element as a region when it is one worth scanning on its own. */
    private void value(int valueTag, long start, long valueLength) {
        if (valueLength == 0) {
            return;
        }
        if (valueTag == Tags.ENCAPSULATED_DOCUMENT) {
            region(Region.ENCAPSULATED_DOCUMENT, start, valueLength, valueTag);
        } else if (Tags.isPrivate(valueTag) && valueLength >= limits.privateValueMinBytes()) {
            region(Region.PRIVATE_VALUE, start, valueLength, valueTag);
        }
    }

    private long open(Kind kind, long pos, Level parent, long end, Syntax syntax) {
        if (sequenceDepth >= limits.maxDepth()) {
            observations.anomaly(Anomaly.Kind.NESTING_TOO_DEEP, "sequence " + Tags.format(tag) + " at "
                    + where(pos) + " is nested deeper than " + limits.maxDepth() + "; inspection stopped",
                    reported(pos));
            return -1;
        }
        sequenceDepth++;
        stack.push(new Level(kind, end, end < 0 ? parent.limit : end, syntax, tag));
        return valueStart;
    }

    private void close() {
        Level closed = stack.pop();
        if (closed.kind == Kind.SEQUENCE || closed.kind == Kind.FRAGMENTS) {
            sequenceDepth--;
        }
    }

    /**
     * An element that does not parse where one was expected: at top level the dataset simply ends there, deeper
     * down the structure is malformed.
     */
    private long garbage(long pos, Level top, String detail) {
        return stop(pos, stack.size() == 1 && top.kind == Kind.DATASET ? null : Anomaly.Kind.MALFORMED, detail);
    }

    /** Stops the walk: reports the cause (if any), then the bytes from pos to the end as trailing data. */
    private long stop(long pos, Anomaly.Kind cause, String detail) {
        if (!meta && !derived && start == 0 && pos == 0 && stack.size() == 1) {
            // A bare input whose very first element does not parse is not a DICOM object at all (a file handed to
            // the command line): calling the whole of it "trailing data" would only mislead rules and reviewers.
            observations.anomaly(Anomaly.Kind.MALFORMED, "not a DICOM object: no data element parses at offset 0"
                    + (cause == null ? " (" + detail + ")" : ""), 0);
            return -1;
        }
        if (cause != null) {
            observations.anomaly(cause, detail, reported(pos));
        }
        if (pos < size) {
            observations.anomaly(Anomaly.Kind.TRAILING_DATA, (size - pos) + " bytes from " + where(pos)
                    + " are not part of the dataset" + (cause == null ? ": " + detail : ""), reported(pos));
            region(Region.TRAILING_DATA, pos, size - pos, -1);
        }
        return -1;
    }

    private void region(String name, long start, long regionLength, int regionTag) {
        observations.region(name, bytes.slice((int) start, (int) regionLength), reported(start), regionTag);
    }

    private boolean startsWithItem(long start, long valueLength) {
        if (valueLength < 8 || u16(start, false) != Tags.ITEM_GROUP || u16(start + 2, false) != (Tags.ITEM & 0xFFFF)) {
            return false;
        }
        long itemLength = u32(start + 4, false);
        return itemLength == UNDEFINED || itemLength <= valueLength - 8;
    }

    /** Values that are never sequences, so a crafted item header at their start cannot hide them. */
    private static boolean mayBeSequence(int valueTag) {
        return valueTag != Tags.PIXEL_DATA && valueTag != Tags.ENCAPSULATED_DOCUMENT;
    }

    private String describe(Level level) {
        return switch (level.kind) {
            case DATASET -> "the dataset";
            case SEQUENCE -> "sequence " + Tags.format(level.tag);
            case ITEM -> "an item";
            case FRAGMENTS -> "encapsulated " + Tags.format(level.tag);
        };
    }

    private long reported(long pos) {
        return derived ? -1 : pos;
    }

    private String where(long pos) {
        return (derived ? "inflated offset " : "offset ") + pos;
    }

    private int u16(long pos, boolean bigEndian) {
        int a = bytes.get((int) pos) & 0xFF;
        int b = bytes.get((int) pos + 1) & 0xFF;
        return bigEndian ? a << 8 | b : b << 8 | a;
    }

    private long u32(long pos, boolean bigEndian) {
        long first = u16(pos, bigEndian);
        long second = u16(pos + 2, bigEndian);
        return bigEndian ? first << 16 | second : second << 16 | first;
    }
}

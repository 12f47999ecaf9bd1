package org.yaraguard.engine.dicom;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One iterative walk over the elements of a file meta group or a dataset, with an explicit stack of open
 * sequences and items (no recursion, so hostile nesting cannot overflow the thread stack).
 *
 * <p>Every loop turn either reads a header (advancing at least 8 bytes), skips a stray item tag, closes a container
 * (the stack is bounded by {@code 2 * maxDepth + 1}), or returns; lengths are checked against the enclosing
 * container before use.
 *
 * <p>The walk reads on wherever dcm4che's DicomInputStream reads on (docs/dicom-reading.md): tags out of order,
 * stray items and delimiters (skipped by their length), unknown VR codes of private and group-length tags (taken as
 * the standard dictionary does: UN, LO or UL). Where dcm4che would read on and we cannot follow (an unknown VR of
 * a standard tag), or where dcm4che would fail too (a length past the end), the walk stops with an incomplete
 * anomaly and the bytes from there to the end become a "trailing_data" region. All-zero bytes at the end of the
 * top-level dataset are padding (ZERO_PADDING, benign): they cannot hide anything.
 *
 * <p>Implicit VR needs no dictionary: undefined length means a sequence (fragments for the standard bulk values),
 * and a defined-length value is walked as a sequence when it starts with a well-formed item header (probing works
 * for private sequences too, which no dictionary would know). Such a probed sequence is a guess: if its content
 * does not parse, the walk unwinds to it and takes it as a plain value, as dcm4che would without a dictionary entry.
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
        /** Where the value of a probed (guessed) sequence starts, or -1 for a container known to be one. */
        final long guessedValueStart;
        /** How many regions were reported before a guessed sequence opened (-1 for a known container). */
        int regionsBefore = -1;
        /** Start and length of each fragment so far (FRAGMENTS only), in pairs. */
        long[] fragments = new long[0];
        int fragmentCount;

        Level(Kind kind, long end, long limit, Syntax syntax, int tag, long guessedValueStart) {
            this.kind = kind;
            this.end = end;
            this.limit = limit;
            this.syntax = syntax;
            this.tag = tag;
            this.guessedValueStart = guessedValueStart;
        }
    }

    private final ByteBuffer bytes;
    private final long size;
    private final boolean derived;
    private final boolean meta;
    private final InspectionLimits limits;
    private final Observations observations;
    private final ArrayDeque<Level> stack = new ArrayDeque<>();
    /** Top-level Pixel Data with as many fragments as frames so far, decided once Number of Frames is final. */
    private final List<Level> framedPixelData = new ArrayList<>();
    private int sequenceDepth;
    private int guesses;
    private long start;
    /** End of the file meta group as its (0002,0000) group length declares it, or -1. */
    private long declaredMetaEnd = -1;
    /** First non-zero byte at or after a zero tag seen at top level, so zero runs are checked only once. */
    private long nonZeroFrom = -1;

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

    /** Where the file meta group ends, and where its group length says it ends (-1 when it has none). */
    record MetaEnd(long end, long declaredEnd) {
    }

    /**
     * Walks the file meta group (explicit VR little endian, group 0002) from start. Like dcm4che's
     * readFileMetaInformation it ends at the declared group length or at the first element of another group,
     * whichever comes first.
     *
     * @return where the dataset begins (end -1 when the meta group is broken, already reported)
     */
    static MetaEnd fileMeta(ByteBuffer bytes, int start, InspectionLimits limits, Observations observations) {
        DatasetWalk walk = new DatasetWalk(bytes, false, true, limits, observations);
        long end = walk.run(start, Syntax.EXPLICIT_LE);
        return new MetaEnd(end, walk.declaredMetaEnd);
    }

    /**
     * Walks a dataset from start to the end of bytes.
     *
     * @param derived true when bytes are not the object itself (inflated): offsets are then reported as -1
     */
    static void dataset(ByteBuffer bytes, int start, Syntax syntax, boolean derived, InspectionLimits limits,
            Observations observations) {
        DatasetWalk walk = new DatasetWalk(bytes, derived, false, limits, observations);
        walk.run(start, syntax);
        walk.framedPixelData();
    }

    private long run(long start, Syntax syntax) {
        this.start = start;
        stack.push(new Level(Kind.DATASET, size, size, syntax, -1, -1));
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
                pos = stop(pos, Anomaly.Kind.LENGTH_PAST_END, "undefined-length " + describe(top)
                        + " is not closed before " + (top.limit == size ? "the end of the input" : "its container")
                        + " at " + where(pos));
                continue;
            }
            if (meta && top.kind == Kind.DATASET && (pos == declaredMetaEnd || !fileMetaGroupAt(pos))) {
                // The declared group length matters for deflated files: the deflate stream right after the meta
                // may start with the bytes 02 00 and would otherwise be taken for one more meta element.
                return pos;
            }
            if (!meta && stack.size() == 1 && isZeroPadding(pos)) {
                observations.anomaly(Anomaly.Kind.ZERO_PADDING, (size - pos) + " zero bytes from " + where(pos)
                        + " pad the dataset", reported(pos));
                observations.datasetEnd(pos);
                return size;
            }
            long next = readHeader(pos, top);
            if (next != pos) {
                pos = next;
                continue;
            }
            if (!observations.countElement(limits.maxElements())) {
                observations.anomaly(Anomaly.Kind.TOO_MANY_ELEMENTS, "more than " + limits.maxElements()
                        + " elements; inspection stopped at " + where(pos), reported(pos));
                trailing(pos);
                return -1;
            }
            pos = switch (top.kind) {
                case DATASET, ITEM -> element(pos, top);
                case SEQUENCE, FRAGMENTS -> item(pos, top);
            };
        }
        return -1;
    }

    private boolean fileMetaGroupAt(long pos) {
        return size - pos >= 2 && u16(pos, false) == Tags.FILE_META_GROUP;
    }

    /**
     * Reads the element header at pos into tag, vr, length, valueStart.
     *
     * @return pos when the header is usable, else where the walk goes on (already reported; -1 to end it)
     */
    private long readHeader(long pos, Level top) {
        long available = top.limit - pos;
        boolean bigEndian = top.syntax.bigEndian();
        if (available < 8) {
            return stop(pos, Anomaly.Kind.LENGTH_PAST_END, "element header at " + where(pos) + " is cut off ("
                    + available + " bytes left)");
        }
        tag = u16(pos, bigEndian) << 16 | u16(pos + 2, bigEndian);
        if (Tags.group(tag) == Tags.ITEM_GROUP || !top.syntax.explicitVr()) {
            vr = Vr.NONE;
            length = u32(pos + 4, bigEndian);
            valueStart = pos + 8;
        } else {
            vr = Vr.code(bytes.get((int) pos + 4), bytes.get((int) pos + 5));
            if (!Vr.known(vr)) {
                // dcm4che's readHeader takes the VR of its standard dictionary, which we know only for these tags.
                vr = Vr.standardDictionaryFallback(tag);
                if (vr == Vr.NONE) {
                    return stop(pos, Anomaly.Kind.UNKNOWN_VR, "element " + Tags.format(tag) + " at " + where(pos)
                            + " has an unknown VR code; dcm4che would read it with its dictionary's VR");
                }
            }
            if (Vr.longLength(vr)) {
                if (available < 12) {
                    return stop(pos, Anomaly.Kind.LENGTH_PAST_END, "element header at " + where(pos)
                            + " is cut off (" + available + " bytes left)");
                }
                length = u32(pos + 8, bigEndian);
                valueStart = pos + 12;
            } else {
                length = u16(pos + 6, bigEndian);
                valueStart = pos + 8;
            }
        }
        if (length != UNDEFINED && length > top.limit - valueStart) {
            return stop(pos, Anomaly.Kind.LENGTH_PAST_END, "length " + length + " of " + Tags.format(tag) + " at "
                    + where(pos) + " runs past the end of " + (top.limit == size ? "the input" : describe(top)));
        }
        return pos;
    }

    /** A data element inside a dataset or item. */
    private long element(long pos, Level top) {
        if (tag == Tags.ITEM_DELIMITATION && top.kind == Kind.ITEM) {
            if (top.end < 0) {
                close();
                return pastDelimiter(pos);
            }
            // dcm4che ends a defined-length item at this delimiter and reads on where we would not.
            return stop(pos, Anomaly.Kind.MALFORMED, "item delimiter at " + where(pos)
                    + " inside an item of defined length");
        }
        if (Tags.group(tag) == Tags.ITEM_GROUP) {
            return skip();
        }
        if (stack.size() == 1 && !meta) {
            observations.topLevelElement(tag, pos);
        }
        if (length == UNDEFINED) {
            if (isEncapsulated(top.syntax)) {
                return open(Kind.FRAGMENTS, pos, top, -1, top.syntax, -1);
            }
            if (vr == Vr.UN) {
                return open(Kind.SEQUENCE, pos, top, -1, unknownSequenceSyntax(top.syntax), -1);
            }
            return open(Kind.SEQUENCE, pos, top, -1, top.syntax, -1);
        }
        long valueEnd = valueStart + length;
        if (vr == Vr.SQ) {
            return open(Kind.SEQUENCE, pos, top, valueEnd, top.syntax, -1);
        }
        if ((vr == Vr.NONE || vr == Vr.UN) && mayBeSequence(tag) && startsWithItem(valueStart, length)) {
            return open(Kind.SEQUENCE, pos, top, valueEnd, vr == Vr.UN ? unknownSequenceSyntax(top.syntax)
                    : top.syntax, valueStart);
        }
        value(tag, valueStart, length);
        int wordSize = top.syntax.bigEndian() ? Vr.swappedWordSize(vr) : 0;
        if (wordSize > 0 && length >= wordSize && length >= Vr.minSwappedBytes(vr)) {
            SwappedValue.add(bytes.slice((int) valueStart, (int) length), wordSize, tag, limits, observations);
        }
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

    /**
     * Undefined length opens fragments as dcm4che's readValue does: for every VR but SQ and UN in explicit VR, and
     * in implicit VR for the standard bulk values (where dcm4che's dictionary says OB/OW/OF/OD).
     */
    private boolean isEncapsulated(Syntax syntax) {
        if (tag == Tags.PIXEL_DATA) {
            return true;
        }
        if (vr == Vr.NONE) {
            return !syntax.explicitVr() && Tags.isStandardBulk(tag);
        }
        return vr != Vr.SQ && vr != Vr.UN;
    }

    /**
     * An item, a fragment or the delimiter inside a sequence or an encapsulated value. Anything else is skipped by
     * its length, as dcm4che's readItemHeader does.
     */
    private long item(long pos, Level top) {
        if (tag == Tags.SEQUENCE_DELIMITATION) {
            if (top.end >= 0) {
                // dcm4che versions differ here (one ends the sequence, one skips the delimiter): fail closed.
                return stop(pos, Anomaly.Kind.MALFORMED, "sequence delimiter at " + where(pos) + " inside "
                        + describe(top) + " of defined length");
            }
            Level closed = close();
            if (closed.kind == Kind.FRAGMENTS) {
                encapsulated(closed);
            }
            return pastDelimiter(pos);
        }
        if (tag != Tags.ITEM) {
            return skip();
        }
        if (top.kind == Kind.FRAGMENTS) {
            if (length == UNDEFINED) {
                return stop(pos, Anomaly.Kind.MALFORMED, "fragment of " + describe(top) + " at " + where(pos)
                        + " has undefined length");
            }
            fragment(top, valueStart, length);
            return valueStart + length;
        }
        if (length == UNDEFINED) {
            stack.push(new Level(Kind.ITEM, -1, top.limit, top.syntax, tag, -1));
        } else {
            long end = valueStart + length;
            stack.push(new Level(Kind.ITEM, end, end, top.syntax, tag, -1));
        }
        return valueStart;
    }

    /** dcm4che's skipAttribute: a stray item tag is skipped by its length (none when undefined). */
    /**
     * Where reading goes on after a delimiter: dcm4che skips the bytes of a non-zero delimiter length
     * (skipAttribute), and an undefined one runs into the end of its input.
     */
    private long pastDelimiter(long pos) {
        if (length == UNDEFINED) {
            return stop(pos, Anomaly.Kind.MALFORMED, "delimiter " + Tags.format(tag) + " at " + where(pos)
                    + " has undefined length");
        }
        return valueStart + length;
    }

    private long skip() {
        return length == UNDEFINED ? valueStart : valueStart + length;
    }

    /** Reports the value of a (non-sequence) element as a region when it is one worth scanning on its own. */
    private void value(int valueTag, long start, long valueLength) {
        fragmentOrValue(valueTag, start, valueLength);
        if (valueTag == Tags.ENCAPSULATED_DOCUMENT && valueLength > 0) {
            observations.document(bytes.slice((int) start, (int) valueLength).asReadOnlyBuffer());
        }
    }

    private void fragment(Level top, long start, long fragmentLength) {
        if (top.fragmentCount * 2 == top.fragments.length) {
            top.fragments = Arrays.copyOf(top.fragments, Math.max(8, top.fragments.length * 2));
        }
        top.fragments[top.fragmentCount * 2] = start;
        top.fragments[top.fragmentCount * 2 + 1] = fragmentLength;
        top.fragmentCount++;
        fragmentOrValue(top.tag, start, fragmentLength);
    }

    private void fragmentOrValue(int valueTag, long start, long valueLength) {
        if (valueLength == 0) {
            return;
        }
        if (valueTag == Tags.ENCAPSULATED_DOCUMENT) {
            region(Region.ENCAPSULATED_DOCUMENT, start, valueLength, valueTag);
        } else if (Tags.isPrivate(valueTag) && valueLength >= limits.privateValueMinBytes()) {
            region(Region.PRIVATE_VALUE, start, valueLength, valueTag);
        }
    }

    /**
     * A complete encapsulated value: its data fragments (all but the Basic Offset Table item for Pixel Data) joined
     * into one derived view when there are two or more, so a payload split across them is seen whole. Top-level
     * Pixel Data with exactly one fragment per frame (by the last Number of Frames) needs no view: every frame is
     * already contiguous.
     */
    private void encapsulated(Level level) {
        int first = level.tag == Tags.PIXEL_DATA ? 1 : 0;
        int data = level.fragmentCount - first;
        if (data == 1 && level.tag == Tags.ENCAPSULATED_DOCUMENT) {
            long fragmentStart = level.fragments[first * 2];
            long fragmentLength = level.fragments[first * 2 + 1];
            observations.document(bytes.slice((int) fragmentStart, (int) fragmentLength).asReadOnlyBuffer());
        }
        if (data < 2) {
            return;
        }
        if (level.tag == Tags.PIXEL_DATA && stack.size() == 1) {
            // Number of Frames may come again after the Pixel Data (the archive keeps the last value).
            framedPixelData.add(level);
            return;
        }
        join(level, first);
    }

    /** Joins the top-level Pixel Data whose frames are not one fragment each by the final Number of Frames. */
    private void framedPixelData() {
        for (Level level : framedPixelData) {
            if (observations.numberOfFrames() != level.fragmentCount - 1) {
                join(level, 1);
            }
        }
    }

    private void join(Level level, int first) {
        ByteBuffer joined = ReassembledValue.join(bytes, level.fragments, first, level.fragmentCount,
                level.tag, limits, observations);
        if (joined == null) {
            return;
        }
        if (level.tag == Tags.ENCAPSULATED_DOCUMENT) {
            observations.region(Region.ENCAPSULATED_DOCUMENT, joined, -1, level.tag);
            observations.document(joined);
        } else {
            observations.region(Region.REASSEMBLED_VALUE, joined, -1, level.tag);
        }
    }

    private long open(Kind kind, long pos, Level parent, long end, Syntax syntax, long guessedValueStart) {
        if (sequenceDepth >= limits.maxDepth()) {
            observations.anomaly(Anomaly.Kind.NESTING_TOO_DEEP, "sequence " + Tags.format(tag) + " at "
                    + where(pos) + " is nested deeper than " + limits.maxDepth() + "; inspection stopped",
                    reported(pos));
            trailing(pos);
            return -1;
        }
        sequenceDepth++;
        Level level = new Level(kind, end, end < 0 ? parent.limit : end, syntax, tag, guessedValueStart);
        if (guessedValueStart >= 0) {
            guesses++;
            level.regionsBefore = observations.regionCount();
        }
        stack.push(level);
        return valueStart;
    }

    private Level close() {
        Level closed = stack.pop();
        if (closed.kind == Kind.SEQUENCE || closed.kind == Kind.FRAGMENTS) {
            sequenceDepth--;
        }
        if (closed.guessedValueStart >= 0) {
            guesses--;
        }
        return closed;
    }

    /**
     * Stops the walk: inside a guessed sequence, unwinds to it and takes it as a plain value instead; otherwise
     * reports the cause and the bytes from pos to the end as trailing data.
     *
     * @return where the walk goes on, or -1
     */
    private long stop(long pos, Anomaly.Kind cause, String detail) {
        if (guesses > 0) {
            Level closed;
            do {
                closed = close();
            } while (closed.guessedValueStart < 0);
            // Slices found inside the guess lie within the value now taken whole; views of new bytes stay.
            observations.dropSlicesFrom(closed.regionsBefore);
            value(closed.tag, closed.guessedValueStart, closed.end - closed.guessedValueStart);
            return closed.end;
        }
        if (!meta && !derived && start == 0 && pos == 0 && stack.size() == 1) {
            // A bare input whose very first element does not parse is not a DICOM object at all (a file handed to
            // the command line): calling the whole of it "trailing data" would only mislead rules and reviewers.
            observations.anomaly(Anomaly.Kind.MALFORMED, "not a DICOM object: no data element parses at offset 0 ("
                    + detail + ")", 0);
            return -1;
        }
        observations.anomaly(cause, detail, reported(pos));
        trailing(pos);
        return -1;
    }

    /** The bytes from pos to the end, which the walk did not read, as a region the content rules still see. */
    private void trailing(long pos) {
        if (pos < size) {
            observations.anomaly(Anomaly.Kind.TRAILING_DATA, (size - pos) + " bytes from " + where(pos)
                    + " are not part of the dataset as read", reported(pos));
            region(Region.TRAILING_DATA, pos, size - pos, -1);
        }
    }

    /** True when pos starts a run of zero bytes up to the end (a zero tag is how such a run begins). */
    private boolean isZeroPadding(long pos) {
        if (pos < nonZeroFrom || bytes.get((int) pos) != 0) {
            return false;
        }
        for (long i = pos; i < size; i++) {
            if (bytes.get((int) i) != 0) {
                nonZeroFrom = i;
                return false;
            }
        }
        return true;
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

    /**
     * dcm4che's readSequence reads a UN sequence in implicit VR little endian unless a known VR code sits where
     * the first element of its first item would carry one (probeExplicitVR: bytes 12 and 13 of the value).
     */
    private Syntax unknownSequenceSyntax(Syntax outer) {
        long probe = valueStart + 12;
        if (outer.explicitVr() && probe + 2 <= size && Vr.known(Vr.code(bytes.get((int) probe),
                bytes.get((int) probe + 1)))) {
            return outer;
        }
        return Syntax.IMPLICIT_LE;
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

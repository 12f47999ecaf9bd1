package org.yaraguard.rules.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Part-10 file written by DCMTK with an explicit VR little endian dataset (native or encapsulated pixels), opened for byte surgery: preamble, top-level
 * elements and bytes after the dataset can be replaced, and the file written back. Immutable.
 * Only for the generators' own inputs; it is not a defensive reader.
 */
public final class Part10File {

    /** Transfer syntaxes whose dataset is not explicit VR little endian: implicit, big endian, deflated. */
    private static final Set<String> NOT_EDITABLE =
            Set.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99");
    /** Length of the preamble. */
    public static final int PREAMBLE_LENGTH = 128;

    private static final int UNDEFINED = 0xFFFFFFFF;
    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_END = 0xFFFEE00D;
    private static final int SEQUENCE_END = 0xFFFEE0DD;
    private static final int TRANSFER_SYNTAX = 0x00020010;
    private static final Set<String> LONG_VRS =
            Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");
    private static final byte[] MAGIC = "DICM".getBytes(StandardCharsets.US_ASCII);

    private final byte[] preamble;
    private final List<DicomElement> meta;
    private final List<DicomElement> dataset;
    private final byte[] trailing;

    private Part10File(byte[] preamble, List<DicomElement> meta, List<DicomElement> dataset, byte[] trailing) {
        this.preamble = preamble;
        this.meta = List.copyOf(meta);
        this.dataset = List.copyOf(dataset);
        this.trailing = trailing;
    }

    /** Parses a Part-10 file in explicit VR little endian. */
    public static Part10File read(byte[] bytes) {
        if (bytes.length < PREAMBLE_LENGTH + 4
                || !Arrays.equals(bytes, PREAMBLE_LENGTH, PREAMBLE_LENGTH + 4, MAGIC, 0, 4)) {
            throw new IllegalArgumentException("not a Part-10 file (no DICM at offset 128)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        in.position(PREAMBLE_LENGTH + 4);
        List<DicomElement> meta = new ArrayList<>();
        while (in.remaining() >= 8 && (in.getShort(in.position()) & 0xFFFF) == 0x0002) {
            DicomElement element = readElement(in);
            if (element.tag() != 0x00020000) {
                meta.add(element);
            }
        }
        String syntax = meta.stream().filter(e -> e.tag() == TRANSFER_SYNTAX).findFirst()
                .map(DicomElement::text).orElse("");
        if (syntax.isEmpty() || NOT_EDITABLE.contains(syntax)) {
            throw new IllegalArgumentException("only explicit VR little endian datasets can be edited, not '"
                    + syntax + "'");
        }
        List<DicomElement> dataset = new ArrayList<>();
        while (in.remaining() >= 8) {
            dataset.add(readElement(in));
        }
        return new Part10File(Arrays.copyOf(bytes, PREAMBLE_LENGTH), meta, dataset, new byte[0]);
    }

    /** The 128 preamble bytes. */
    public byte[] preamble() {
        return preamble.clone();
    }

    /** The same file with another preamble (padded with zeros or cut to 128 bytes). */
    public Part10File withPreamble(byte[] newPreamble) {
        return new Part10File(Arrays.copyOf(newPreamble, PREAMBLE_LENGTH), meta, dataset, trailing);
    }

    /** The top-level dataset element with this tag, if present. */
    public Optional<DicomElement> get(int tag) {
        return dataset.stream().filter(e -> e.tag() == tag).findFirst();
    }

    /** The same file with this element added or replacing the one of the same tag (meta elements included). */
    public Part10File with(DicomElement element) {
        boolean isMeta = element.group() == 0x0002;
        return isMeta
                ? new Part10File(preamble, insert(meta, element), dataset, trailing)
                : new Part10File(preamble, meta, insert(dataset, element), trailing);
    }

    /** The same file without the top-level element of this tag. */
    public Part10File without(int tag) {
        List<DicomElement> kept = dataset.stream().filter(e -> e.tag() != tag).toList();
        return new Part10File(preamble, meta, kept, trailing);
    }

    /** The same file with these bytes after the end of the dataset. */
    public Part10File withTrailingData(byte[] bytes) {
        return new Part10File(preamble, meta, dataset, bytes.clone());
    }

    /** The bytes after the end of the dataset (empty unless set). */
    public byte[] trailingData() {
        return trailing.clone();
    }

    /** Offset in the written file of the value of the top-level element {@code tag}. */
    public long valueOffset(int tag) {
        long offset = PREAMBLE_LENGTH + MAGIC.length + metaBytes().length;
        for (DicomElement element : dataset) {
            offset += headerLength(element.vr());
            if (element.tag() == tag) {
                return offset;
            }
            offset += element.value().length;
        }
        throw new IllegalArgumentException("no element " + Integer.toHexString(tag));
    }

    /** The whole file. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the whole file. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(preamble);
        out.write(MAGIC);
        out.write(metaBytes());
        for (DicomElement element : dataset) {
            writeElement(out, element);
        }
        out.write(trailing);
    }

    /** Writes an element header of explicit VR little endian (for values streamed by the caller). */
    public static void writeHeader(OutputStream out, int tag, String vr, long length) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) (tag >>> 16)).putShort((short) tag);
        header.put(vr.getBytes(StandardCharsets.US_ASCII));
        if (LONG_VRS.contains(vr)) {
            header.putShort((short) 0).putInt((int) length);
        } else {
            header.putShort((short) length);
        }
        out.write(header.array(), 0, header.position());
    }

    private byte[] metaBytes() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (DicomElement element : meta) {
                writeElement(body, element);
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.size()).array();
            writeElement(all, new DicomElement(0x00020000, "UL", length, false));
            body.writeTo(all);
            return all.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeElement(OutputStream out, DicomElement element) throws IOException {
        byte[] value = element.value();
        writeHeader(out, element.tag(), element.vr(), element.undefinedLength() ? UNDEFINED : value.length);
        out.write(value);
    }

    private static int headerLength(String vr) {
        return LONG_VRS.contains(vr) ? 12 : 8;
    }

    private static List<DicomElement> insert(List<DicomElement> elements, DicomElement element) {
        List<DicomElement> result = new ArrayList<>(elements.stream().filter(e -> e.tag() != element.tag()).toList());
        int index = 0;
        while (index < result.size() && Integer.compareUnsigned(result.get(index).tag(), element.tag()) < 0) {
            index++;
        }
        result.add(index, element);
        return result;
    }

    private static DicomElement readElement(ByteBuffer in) {
        int tag = readTag(in);
        String vr = new String(new byte[] {in.get(), in.get()}, StandardCharsets.US_ASCII);
        int length;
        if (LONG_VRS.contains(vr)) {
            in.getShort();
            length = in.getInt();
        } else {
            length = in.getShort() & 0xFFFF;
        }
        int start = in.position();
        if (length == UNDEFINED) {
            skipItems(in);
        } else {
            in.position(start + length);
        }
        byte[] value = Arrays.copyOfRange(in.array(), start, in.position());
        return new DicomElement(tag, vr, value, length == UNDEFINED);
    }

    private static void skipItems(ByteBuffer in) {
        while (true) {
            int tag = readTag(in);
            int length = in.getInt();
            if (tag == SEQUENCE_END) {
                return;
            }
            if (tag != ITEM) {
                throw new IllegalArgumentException("expected an item, found " + Integer.toHexString(tag));
            }
            if (length == UNDEFINED) {
                skipItemDataset(in);
            } else {
                in.position(in.position() + length);
            }
        }
    }

    private static void skipItemDataset(ByteBuffer in) {
        while (true) {
            int start = in.position();
            if (readTag(in) == ITEM_END) {
                in.getInt();
                return;
            }
            in.position(start);
            readElement(in);
        }
    }

    private static int readTag(ByteBuffer in) {
        int group = in.getShort() & 0xFFFF;
        int element = in.getShort() & 0xFFFF;
        return (group << 16) | element;
    }
}

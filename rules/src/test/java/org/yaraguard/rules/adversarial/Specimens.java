package org.yaraguard.rules.adversarial;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.yaraguard.rules.samples.Uids;

/** Minimal but complete objects (identity, image pixel module or encapsulated document) to hide payloads in. */
final class Specimens {

    static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";
    static final String ENCAPSULATED_PDF = "1.2.840.10008.5.1.4.1.1.104.1";
    static final String TWELVE_LEAD_ECG = "1.2.840.10008.5.1.4.1.1.9.1.1";
    static final int PRIVATE_CREATOR = 0x00090010;
    static final int PRIVATE_VALUE = 0x00091010;
    static final int PIXEL_DATA = 0x7FE00010;
    static final int ENCAPSULATED_DOCUMENT = 0x00420011;
    static final int SIDE = 32;

    private final Uids uids;

    Specimens(long seed) {
        this.uids = new Uids(seed);
    }

    /** Patient, study, series and instance of a new object of {@code sopClass}. */
    Specimen identity(Encoding encoding, String sopClass, String modality) {
        String instance = uids.next();
        Dataset dataset = new Dataset(encoding)
                .text(0x00080005, "CS", "ISO_IR 100")
                .uid(0x00080016, sopClass)
                .uid(0x00080018, instance)
                .text(0x00080020, "DA", "20260101")
                .text(0x00080030, "TM", "120000")
                .text(0x00080050, "SH", "ADV0001")
                .text(0x00080060, "CS", modality)
                .text(0x00100010, "PN", "Adversarial^Sample")
                .text(0x00100020, "LO", "YGADV01")
                .uid(0x0020000D, uids.next())
                .uid(0x0020000E, uids.next())
                .text(0x00200013, "IS", "1");
        return new Specimen(dataset, sopClass, instance);
    }

    /** A 32×32 16-bit monochrome secondary capture with native pixels {@code pixels} (little-endian words). */
    Specimen image(Encoding encoding, byte[] pixels) {
        return image(encoding, SIDE, SIDE, pixels);
    }

    /** A 16-bit monochrome secondary capture of rows × columns native pixels (little-endian words). */
    Specimen image(Encoding encoding, int rows, int columns, byte[] pixels) {
        Specimen specimen = identity(encoding, SECONDARY_CAPTURE, "OT");
        pixelModule(specimen.dataset(), rows, columns, 16);
        specimen.dataset().value(PIXEL_DATA, "OW",
                encoding.order() == ByteOrder.BIG_ENDIAN ? Payloads.swapWords(pixels) : pixels);
        return specimen;
    }

    Specimen image(Encoding encoding) {
        return image(encoding, pixels(SIDE, SIDE));
    }

    /** An 8-bit secondary capture whose pixel data is encapsulated: empty offset table, then {@code fragments}. */
    Specimen encapsulatedImage(List<byte[]> fragments) {
        Specimen specimen = identity(Encoding.EXPLICIT_LE, SECONDARY_CAPTURE, "OT");
        pixelModule(specimen.dataset(), SIDE, SIDE, 8);
        List<byte[]> items = new ArrayList<>();
        items.add(new byte[0]);
        items.addAll(fragments);
        specimen.dataset().text(0x00280008, "IS", "1").fragments(PIXEL_DATA, "OB", items);
        return specimen;
    }

    /** An Encapsulated PDF object holding {@code pdf} (padded to even length). */
    Specimen pdf(Encoding encoding, byte[] pdf) {
        Specimen specimen = identity(encoding, ENCAPSULATED_PDF, "DOC");
        specimen.dataset()
                .text(0x00280301, "CS", "NO")
                .text(0x00420010, "ST", "Report")
                .value(ENCAPSULATED_DOCUMENT, "OB", pdf)
                .text(0x00420012, "LO", "application/pdf");
        return specimen;
    }

    /** Adds a private creator "ACME 1.0" for block 10 of group 0009 and {@code value} at (0009,1010). */
    static Dataset withPrivate(Dataset dataset, String vr, byte[] value) {
        return dataset.text(PRIVATE_CREATOR, "LO", "ACME 1.0").value(PRIVATE_VALUE, vr, value);
    }

    static void pixelModule(Dataset dataset, int rows, int columns, int bits) {
        dataset.unsignedShort(0x00280002, 1)
                .text(0x00280004, "CS", "MONOCHROME2")
                .unsignedShort(0x00280010, rows)
                .unsignedShort(0x00280011, columns)
                .unsignedShort(0x00280100, bits)
                .unsignedShort(0x00280101, bits == 16 ? 12 : 8)
                .unsignedShort(0x00280102, bits == 16 ? 11 : 7)
                .unsignedShort(0x00280103, 0);
    }

    /** Little-endian 16-bit pixels of a bright disc on a dark ground (values below 4096). */
    static byte[] pixels(int rows, int columns) {
        ByteBuffer pixels = ByteBuffer.allocate(rows * columns * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                int dx = x - columns / 2;
                int dy = y - rows / 2;
                pixels.putShort((short) (dx * dx + dy * dy < rows * rows / 9 ? 1100 : 24));
            }
        }
        return pixels.array();
    }
}

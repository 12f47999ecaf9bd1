package org.yaraguard.rules.adversarial;

import static org.yaraguard.rules.adversarial.Payloads.at;
import static org.yaraguard.rules.adversarial.Payloads.concat;
import static org.yaraguard.rules.adversarial.Payloads.pe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Class 2: payloads in standard binary elements (pixels, overlays, icons, waveforms, padding) and small values. */
final class StandardBinaryElements {

    private StandardBinaryElements() {
    }

    static void addTo(AdversarialCorpus corpus) throws IOException {
        Specimens specimens = corpus.specimens();
        byte[] pixels = Specimens.pixels(Specimens.SIDE, Specimens.SIDE);

        corpus.malicious(2, "elf-in-native-pixel-data", Arrival.stowRs(),
                specimens.image(Encoding.EXPLICIT_LE, at(pixels, 512, Payloads.elf())).part10(),
                "an ELF header 512 bytes into native pixel data, which is no region");

        corpus.malicious(2, "pe-at-start-of-pixel-data", Arrival.cStore(Encoding.EXPLICIT_LE),
                specimens.image(Encoding.EXPLICIT_LE, at(pixels, 0, pe())).bare(),
                "a PE as the first pixels of a C-STORE image");

        Specimen overlay = specimens.image(Encoding.EXPLICIT_LE);
        overlay.dataset()
                .unsignedShort(0x60000010, Specimens.SIDE)
                .unsignedShort(0x60000011, Specimens.SIDE)
                .text(0x60000040, "CS", "G")
                .value(0x60000050, "SS", littleEndianShorts(1, 1))
                .unsignedShort(0x60000100, 1)
                .unsignedShort(0x60000102, 0)
                .value(0x60003000, "OW", at(new byte[Specimens.SIDE * Specimens.SIDE / 8], 0, Payloads.macho()));
        corpus.malicious(2, "macho-in-overlay-data", Arrival.stowRs(), overlay.part10(),
                "a Mach-O header as Overlay Data (6000,3000)");

        Specimen icon = specimens.image(Encoding.EXPLICIT_LE);
        Dataset iconItem = new Dataset(Encoding.EXPLICIT_LE);
        Specimens.pixelModule(iconItem, 16, 16, 8);
        iconItem.value(Specimens.PIXEL_DATA, "OB", pe(0x40, 256));
        icon.dataset().sequence(0x00880200, List.of(iconItem));
        corpus.malicious(2, "pe-in-icon-image-sequence", Arrival.stowRs(), icon.part10(),
                "a PE as the pixel data of the Icon Image Sequence (0088,0200)");

        Specimen ecg = specimens.identity(Encoding.EXPLICIT_LE, Specimens.TWELVE_LEAD_ECG, "ECG");
        ecg.dataset().sequence(0x54000100, List.of(waveform(at(sineWave(512), 256, Payloads.elf()))));
        corpus.malicious(2, "elf-in-waveform-data", Arrival.stowRs(), ecg.part10(),
                "an ELF header inside Waveform Data (5400,1010) of a 12-lead ECG");

        Specimen padding = specimens.image(Encoding.EXPLICIT_LE);
        padding.dataset().value(0xFFFCFFFC, "OB", concat(new byte[32], pe()));
        corpus.malicious(2, "pe-in-dataset-trailing-padding", Arrival.stowRs(), padding.part10(),
                "a PE 32 bytes into Data Set Trailing Padding (FFFC,FFFC)");

        Specimen small = specimens.image(Encoding.EXPLICIT_LE);
        Specimens.withPrivate(small.dataset(), "OB", pe(0x40, 240));
        corpus.malicious(2, "pe-in-240-byte-private-ob", Arrival.stowRs(), small.part10(),
                "a complete PE header in a private OB of 240 bytes, under the 256-byte private region minimum");

        Specimen smallUn = specimens.image(Encoding.EXPLICIT_LE);
        Specimens.withPrivate(smallUn.dataset(), "UN", Payloads.elf());
        corpus.malicious(2, "elf-in-64-byte-private-un", Arrival.cStore(Encoding.EXPLICIT_LE), smallUn.bare(),
                "an ELF header as a 64-byte private UN value");

        Specimen lut = specimens.image(Encoding.EXPLICIT_LE);
        lut.dataset().value(0x00281201, "OW", pe(0x40, 512));
        corpus.malicious(2, "pe-in-palette-lut-data", Arrival.stowRs(), lut.part10(),
                "a PE as Red Palette Color Lookup Table Data (0028,1201), a standard OW value");

        Specimen floats = specimens.image(Encoding.EXPLICIT_LE);
        floats.dataset().value(0x7FE00008, "OF", Payloads.macho());
        corpus.malicious(2, "macho-in-float-pixel-data", Arrival.stowRs(), floats.part10(),
                "a Mach-O header as Float Pixel Data (7FE0,0008)");

        Specimen longs = specimens.image(Encoding.EXPLICIT_LE);
        longs.dataset().value(0x00660040, "OL", concat(Payloads.elf(), new byte[64]));
        corpus.malicious(2, "elf-in-ol-value", Arrival.stowRs(), longs.part10(),
                "an ELF header as Long Primitive Point Index List (0066,0040), an OL value");

        Specimen doubles = specimens.image(Encoding.EXPLICIT_LE);
        doubles.dataset().value(0x7FE00009, "OD", pe(0x40, 256));
        corpus.malicious(2, "pe-in-double-float-pixel-data", Arrival.cStore(Encoding.EXPLICIT_LE), doubles.bare(),
                "a PE as Double Float Pixel Data (7FE0,0009), an OD value, over C-STORE");

        byte[] frame = concat(jpegStart(), new byte[40], Payloads.macho(), jpegEnd());
        corpus.malicious(2, "macho-in-encapsulated-pixel-fragment", Arrival.stowRs(),
                specimens.encapsulatedImage(List.of(frame)).part10(Encoding.JPEG_BASELINE),
                "a Mach-O header inside the one fragment of JPEG-encapsulated pixel data");
    }

    /** One Waveform Sequence item: one channel of 16-bit signed samples. */
    static Dataset waveform(byte[] samples) {
        return new Dataset(Encoding.EXPLICIT_LE)
                .text(0x003A0004, "CS", "ORIGINAL")
                .unsignedShort(0x003A0005, 1)
                .value(0x003A0010, "UL", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(samples.length / 2).array())
                .text(0x003A001A, "DS", "500")
                .unsignedShort(0x54001004, 16)
                .text(0x54001006, "CS", "SS")
                .value(0x54001010, "OW", samples);
    }

    /** 16-bit little-endian samples of a slow sine wave. */
    static byte[] sineWave(int count) {
        ByteBuffer samples = ByteBuffer.allocate(count * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            samples.putShort((short) Math.round(800 * Math.sin(i * 2 * Math.PI / 100)));
        }
        return samples.array();
    }

    static byte[] jpegStart() {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1};
    }

    static byte[] jpegEnd() {
        return new byte[] {(byte) 0xFF, (byte) 0xD9};
    }

    private static byte[] littleEndianShorts(int first, int second) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) first).putShort((short) second)
                .array();
    }
}

package org.yaraguard.rules.adversarial;

import static org.yaraguard.rules.adversarial.Payloads.concat;
import static org.yaraguard.rules.adversarial.StandardBinaryElements.jpegEnd;
import static org.yaraguard.rules.adversarial.StandardBinaryElements.jpegStart;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Class 3: a payload split across the fragments of one frame of encapsulated pixel data, so that every 8-byte item
 * header between the pieces breaks it in the object's bytes; only the reassembled frame shows it whole.
 */
final class SplitAcrossFragments {

    private SplitAcrossFragments() {
    }

    static void addTo(AdversarialCorpus corpus) throws IOException {
        Specimens specimens = corpus.specimens();

        corpus.malicious(3, "pe-lfanew-into-next-fragment", Arrival.stowRs(), frame(specimens,
                        Payloads.dosHeaderOnly(0x40), concat(Payloads.peSignatureAndCoff(), new byte[38])),
                "a 64-byte fragment holding the DOS header; its e_lfanew (0x40) points to PE\\0\\0 at the start of "
                        + "the next fragment");

        byte[] eicar = Payloads.eicar();
        corpus.malicious(3, "eicar-split-across-fragments", Arrival.stowRs(), frame(specimens,
                        concat(jpegStart(), new byte[20], Arrays.copyOf(eicar, 28)),
                        concat(Arrays.copyOfRange(eicar, 28, eicar.length), new byte[24], jpegEnd())),
                "the EICAR string cut after 28 characters at a fragment boundary");

        byte[] elf = Payloads.elf();
        corpus.malicious(3, "elf-split-across-fragments", Arrival.stowRs(), frame(specimens,
                        concat(jpegStart(), new byte[2], Arrays.copyOf(elf, 2)),
                        concat(Arrays.copyOfRange(elf, 2, elf.length), jpegEnd())),
                "\\x7FE at the end of one fragment, LF and the rest of an ELF header in the next");

        byte[] macho = Payloads.macho();
        corpus.malicious(3, "macho-split-across-three-fragments", Arrival.cStore(Encoding.EXPLICIT_LE),
                specimens.encapsulatedImage(List.of(concat(jpegStart(), Arrays.copyOf(macho, 2)),
                        Arrays.copyOfRange(macho, 2, 4), concat(Arrays.copyOfRange(macho, 4, macho.length),
                                jpegEnd()))).bare(),
                "a Mach-O magic cut into 2+2 bytes over three fragments of one frame, sent bare over C-STORE");

        byte[] pe = Payloads.pe();
        List<byte[]> pairs = new ArrayList<>();
        for (int i = 0; i < pe.length; i += 2) {
            pairs.add(Arrays.copyOfRange(pe, i, i + 2));
        }
        corpus.malicious(3, "pe-in-128-two-byte-fragments", Arrival.stowRs(),
                specimens.encapsulatedImage(pairs).part10(Encoding.JPEG_BASELINE),
                "a 256-byte PE cut into 128 fragments of two bytes, one frame");

        Specimen lying = specimens.encapsulatedImage(List.of());
        byte[] firstHalf = concat(jpegStart(), new byte[10], Payloads.dosHeaderOnly(0x40));
        byte[] secondHalf = concat(Payloads.peSignatureAndCoff(), new byte[36], jpegEnd());
        byte[] mzHalf = Arrays.copyOfRange(firstHalf, 22, firstHalf.length);
        byte[] offsets = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(0)
                .putInt(8 + 22 + 8 + 64).array();
        lying.dataset().fragments(Specimens.PIXEL_DATA, "OB",
                List.of(offsets, Arrays.copyOf(firstHalf, 22), mzHalf, secondHalf));
        corpus.malicious(3, "offset-table-lies-about-frames", Arrival.stowRs(), lying.part10(Encoding.JPEG_BASELINE),
                "Number of Frames 1, but a Basic Offset Table with two entries that cuts the one frame between a DOS "
                        + "header and the PE\\0\\0 its e_lfanew reaches in the next fragment");

        Specimen twice = specimens.encapsulatedImage(List.of(
                concat(jpegStart(), new byte[20], Arrays.copyOf(eicar, 28)),
                concat(Arrays.copyOfRange(eicar, 28, eicar.length), new byte[24], jpegEnd())));
        twice.dataset().text(0x00280008, "IS", "2").thenRaw(new Dataset(Encoding.EXPLICIT_LE)
                .text(0x00280008, "IS", "1").toBytes());
        corpus.malicious(3, "number-of-frames-twice-hides-split-eicar", Arrival.stowRs(),
                twice.part10(Encoding.JPEG_BASELINE),
                "EICAR split over two fragments; Number of Frames is 2 (as many as fragments: no joining needed?) "
                        + "and again 1 after the pixel data, and dcm4che keeps the last: one frame of two fragments");

        byte[] zip = Payloads.zipHolding("viewer-update.exe");
        int cut = lastIndexOf(zip, Payloads.ascii("viewer-update.exe")) + 6;
        corpus.malicious(3, "zip-exe-name-split-across-fragments", Arrival.stowRs(), frame(specimens,
                        evenPrefix(zip, cut), Arrays.copyOfRange(zip, evenLength(cut), zip.length)),
                "a ZIP holding an .exe, cut inside the member name of its central directory");
    }

    /** A Part-10 JPEG-encapsulated single frame made of {@code fragments}, each padded to an even length. */
    private static byte[] frame(Specimens specimens, byte[]... fragments) {
        return specimens.encapsulatedImage(Arrays.stream(fragments).map(SplitAcrossFragments::even).toList())
                .part10(Encoding.JPEG_BASELINE);
    }

    private static byte[] even(byte[] fragment) {
        return fragment.length % 2 == 0 ? fragment : Arrays.copyOf(fragment, fragment.length + 1);
    }

    private static int evenLength(int length) {
        return length + length % 2;
    }

    private static byte[] evenPrefix(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, evenLength(length));
    }

    private static int lastIndexOf(byte[] bytes, byte[] part) {
        for (int i = bytes.length - part.length; i >= 0; i--) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}

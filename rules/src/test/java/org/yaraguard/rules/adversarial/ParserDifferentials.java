package org.yaraguard.rules.adversarial;

import static org.yaraguard.rules.adversarial.Payloads.concat;
import static org.yaraguard.rules.adversarial.Payloads.pe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Class 5: bytes that our reader and the archive's parser (dcm4che's DicomInputStream) can read differently: a
 * C-STORE dataset with "DICM" at 128, file meta group lengths that lie, a private transfer syntax, and a deflate
 * stream that is one dataset as raw deflate (DCMTK) and another behind its zlib header (dcm4che).
 */
final class ParserDifferentials {

    static final String PRIVATE_TRANSFER_SYNTAX = "1.2.826.0.1.3680043.10.543.99";
    /** Length of the implementation class UID element that {@link Part10} writes last in the file meta. */
    private static final int LAST_META_ELEMENT = 8 + 28;

    private ParserDifferentials() {
    }

    static void addTo(AdversarialCorpus corpus) throws IOException {
        Specimens specimens = corpus.specimens();

        Specimen dicm = specimens.image(Encoding.EXPLICIT_LE);
        dicm.dataset().value(0x00080005, "CS", fakePart10Prefix());
        Specimens.withPrivate(dicm.dataset(), "OB", pe());
        corpus.malicious(5, "cstore-dicm-at-128-then-pe", Arrival.cStore(Encoding.EXPLICIT_LE), dicm.bare(),
                "a bare dataset whose first value puts DICM and an implicit-VR file meta at 128: taken for Part-10, "
                        + "the rest is misread; the PE is in a private OB");

        Specimen shortMeta = specimens.image(Encoding.EXPLICIT_LE);
        Specimens.withPrivate(shortMeta.dataset(), "OB", pe());
        corpus.malicious(5, "meta-group-length-too-short", Arrival.stowRs(), Part10.file(new byte[128],
                        Encoding.EXPLICIT_LE.uid(), shortMeta.sopClass(), shortMeta.sopInstance(), shortMeta.bare(),
                        -LAST_META_ELEMENT),
                "the file meta group length leaves (0002,0012) out; a PE at the start of a private OB");

        Specimen longMeta = specimens.image(Encoding.EXPLICIT_LE);
        Specimens.withPrivate(longMeta.dataset(), "OB", pe());
        corpus.malicious(5, "meta-group-length-too-long", Arrival.stowRs(), Part10.file(new byte[128],
                        Encoding.EXPLICIT_LE.uid(), longMeta.sopClass(), longMeta.sopInstance(), longMeta.bare(), 22),
                "the file meta group length ends 22 bytes into the dataset; a PE at the start of a private OB");

        Specimen headless = specimens.image(Encoding.EXPLICIT_LE);
        Specimens.withPrivate(headless.dataset(), "OB", pe());
        byte[] withPreamble = headless.part10();
        corpus.malicious(5, "part10-without-preamble", Arrival.stowRs(),
                Arrays.copyOfRange(withPreamble, Part10.PREAMBLE_LENGTH + 4, withPreamble.length),
                "a Part-10 file sent without preamble and DICM, starting at (0002,0000) as dcm4che and DCMTK "
                        + "accept; a PE at the start of a private OB");

        Specimen privateSyntax = specimens.image(Encoding.IMPLICIT_LE);
        Specimens.withPrivate(privateSyntax.dataset(), "OB", pe());
        corpus.malicious(5, "private-transfer-syntax-implicit-dataset", Arrival.stowRs(),
                privateSyntax.part10(PRIVATE_TRANSFER_SYNTAX),
                "an unknown transfer syntax over an implicit VR dataset (DCMTK detects it, explicit-VR readers "
                        + "misread it); a PE at the start of a private OB");

        Specimen unknownLength = specimens.image(Encoding.EXPLICIT_LE);
        Dataset implicitItem = Specimens.withPrivate(new Dataset(Encoding.IMPLICIT_LE), "OB", pe());
        byte[] items = concat(unknownLength.dataset().header(Dataset.ITEM, null, 0xFFFFFFFFL),
                implicitItem.toBytes(), unknownLength.dataset().header(Dataset.ITEM_END, null, 0),
                unknownLength.dataset().header(Dataset.SEQUENCE_END, null, 0));
        unknownLength.dataset().text(Specimens.PRIVATE_CREATOR, "LO", "ACME 1.0")
                .undefinedLength(ReaderStops.NESTED_SEQUENCE, "UN", items);
        corpus.malicious(5, "un-undefined-length-implicit-items", Arrival.stowRs(), unknownLength.part10(),
                "explicit VR: a private UN of undefined length whose items are implicit VR (CP-246, as dcm4che and "
                        + "DCMTK read it) and hold a PE");

        Specimen inner = specimens.image(Encoding.EXPLICIT_LE);
        Specimens.withPrivate(inner.dataset(), "OB", Payloads.eicar());
        corpus.malicious(5, "deflate-zlib-header-polyglot", Arrival.stowRs(),
                Part10.file(new byte[128], Encoding.DEFLATED, inner.sopClass(), inner.sopInstance(),
                        ZlibPolyglot.of(inner.bare()), 0),
                "a deflate stream that starts 78 9C: as raw deflate (DCMTK) a clean dataset, as zlib (dcm4che) "
                        + "one with EICAR in a compressed block");
    }

    /**
     * 162 bytes for a value that starts at offset 8: text up to offset 128, "DICM", then a file meta group in
     * explicit VR declaring implicit VR little endian, ending where the value ends.
     */
    private static byte[] fakePart10Prefix() {
        byte[] text = "ISO_IR 100".getBytes(StandardCharsets.US_ASCII);
        byte[] pad = new byte[120 - text.length];
        Arrays.fill(pad, (byte) ' ');
        Dataset meta = new Dataset(Encoding.EXPLICIT_LE).uid(0x00020010, Encoding.IMPLICIT_LE.uid());
        byte[] metaBody = meta.toBytes();
        byte[] groupLength = new Dataset(Encoding.EXPLICIT_LE).value(0x00020000, "UL",
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(metaBody.length)
                        .array()).toBytes();
        return concat(text, pad, Payloads.ascii("DICM"), groupLength, metaBody);
    }
}

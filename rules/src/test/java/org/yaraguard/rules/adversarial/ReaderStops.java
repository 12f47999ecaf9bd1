package org.yaraguard.rules.adversarial;

import static org.yaraguard.rules.adversarial.Payloads.concat;
import static org.yaraguard.rules.adversarial.Payloads.pe;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Class 4: shapes at which a bounded reader stops (deep nesting, many elements, out-of-order tags, implicit VR
 * undefined-length private values, zero padding) with the payload in what it would not read.
 */
final class ReaderStops {

    static final int NESTED_SEQUENCE = 0x00091011;
    private static final int ELEMENTS_PER_ITEM = 20;

    private ReaderStops() {
    }

    static void addTo(AdversarialCorpus corpus) throws IOException {
        Specimens specimens = corpus.specimens();

        Specimen deep = specimens.image(Encoding.EXPLICIT_LE);
        deep.dataset().text(Specimens.PRIVATE_CREATOR, "LO", "ACME 1.0")
                .sequence(NESTED_SEQUENCE, List.of(nested(Encoding.EXPLICIT_LE, 40, pe())));
        corpus.malicious(4, "pe-below-40-nested-sequences", Arrival.stowRs(), deep.part10(),
                "a PE at the start of a private OB 40 sequence levels deep");

        Specimen many = specimens.image(Encoding.EXPLICIT_LE);
        int items = 1_000_000 / ELEMENTS_PER_ITEM + 1;
        List<Dataset> crowd = new ArrayList<>();
        Dataset emptyItem = new Dataset(Encoding.EXPLICIT_LE);
        for (int element = 0; element < ELEMENTS_PER_ITEM; element++) {
            emptyItem.value(0x00400000 | (0xA100 + element), "UL", new byte[0]);
        }
        for (int i = 0; i < items; i++) {
            crowd.add(emptyItem);
        }
        many.dataset().sequence(0x00081140, crowd);
        Specimens.withPrivate(many.dataset(), "OB", pe());
        corpus.malicious(4, "pe-after-a-million-elements", Arrival.stowRs(), many.part10(),
                "a private PE after a Referenced Image Sequence of more than a million empty elements");

        Specimen disorder = specimens.image(Encoding.EXPLICIT_LE);
        Dataset late = Specimens.withPrivate(new Dataset(Encoding.EXPLICIT_LE), "OB", pe());
        disorder.dataset().thenRaw(concat(new Dataset(Encoding.EXPLICIT_LE).text(0x00081090, "LO", "ACME CT")
                .toBytes(), late.toBytes()));
        corpus.malicious(4, "pe-after-out-of-order-tag", Arrival.stowRs(), disorder.part10(),
                "after pixel data, a (0008,1090) out of order, then a private OB that is a PE");

        Specimen implicit = specimens.image(Encoding.IMPLICIT_LE);
        Dataset inner = Specimens.withPrivate(new Dataset(Encoding.IMPLICIT_LE), "OB", pe());
        implicit.dataset().text(Specimens.PRIVATE_CREATOR, "LO", "ACME 1.0")
                .sequence(NESTED_SEQUENCE, List.of(inner));
        corpus.malicious(4, "pe-in-implicit-undefined-length-private", Arrival.cStore(Encoding.IMPLICIT_LE),
                implicit.bare(),
                "implicit VR: a private element of undefined length (read as a sequence, CP-246) whose item "
                        + "holds a PE");

        Specimen zeros = specimens.image(Encoding.EXPLICIT_LE);
        zeros.dataset().thenRaw(concat(new byte[1024], ExecutablesOffCentre.zeroTagHeader(64), Payloads.elf()));
        corpus.malicious(4, "elf-after-1-kib-zero-padding", Arrival.stowRs(), zeros.part10(),
                "1 KiB of zeros after the dataset (looks like padding), then an element holding an ELF header");
    }

    /** {@code depth} nested items of private sequences; the innermost item holds {@code payload} at (0009,1010). */
    static Dataset nested(Encoding encoding, int depth, byte[] payload) {
        Dataset item = Specimens.withPrivate(new Dataset(encoding), "OB", payload);
        for (int level = 1; level < depth; level++) {
            item = new Dataset(encoding).text(Specimens.PRIVATE_CREATOR, "LO", "ACME 1.0")
                    .sequence(NESTED_SEQUENCE, List.of(item));
        }
        return item;
    }
}

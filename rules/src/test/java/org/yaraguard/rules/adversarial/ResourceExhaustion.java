package org.yaraguard.rules.adversarial;

import static org.yaraguard.rules.adversarial.Payloads.pe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Class 7: objects that spend the engine's budgets (inflation, regions, findings) so that the payload lies behind
 * the point where a budget ran out, or drowns in its own findings.
 */
final class ResourceExhaustion {

    /** Zeros inflated before the payload: more than the 256 MiB an inflated dataset may reach by default. */
    private static final long BOMB_ZEROS = 264L * 1024 * 1024;
    private static final byte[] MARKER = Payloads.ascii("BOMBHERE");

    private ResourceExhaustion() {
    }

    static void addTo(AdversarialCorpus corpus) throws IOException {
        Specimens specimens = corpus.specimens();

        Specimen bomb = specimens.image(Encoding.EXPLICIT_LE);
        Specimens.withPrivate(bomb.dataset(), "OB", MARKER).value(Specimens.PRIVATE_VALUE + 1, "OB", pe());
        corpus.malicious(7, "deflate-bomb-pe-after-264-mib", Arrival.stowRs(),
                Part10.file(new byte[128], Encoding.DEFLATED, bomb.sopClass(), bomb.sopInstance(),
                        deflateWithZeros(bomb.dataset(), BOMB_ZEROS), 0),
                "a deflated dataset (about 270 KB) whose private OB of 264 MiB of zeros comes before a PE");

        Specimen flood = specimens.image(Encoding.EXPLICIT_LE);
        byte[] eicars = new byte[10_000 * 68];
        for (int i = 0; i < 10_000; i++) {
            System.arraycopy(Payloads.eicar(), 0, eicars, i * 68, 68);
        }
        Specimens.withPrivate(flood.dataset(), "OB", eicars);
        corpus.malicious(7, "eicar-ten-thousand-times", Arrival.stowRs(), flood.part10(),
                "10,000 EICAR strings in one private OB: ten thousand findings for one verdict");

        Specimen elves = specimens.image(Encoding.EXPLICIT_LE);
        byte[] magic = Arrays.copyOf(Payloads.elf(), 8);
        byte[] herd = new byte[100_000 * 8];
        for (int i = 0; i < 100_000; i++) {
            System.arraycopy(magic, 0, herd, i * 8, 8);
        }
        Specimens.withPrivate(elves.dataset(), "OB", herd);
        corpus.malicious(7, "elf-magic-hundred-thousand-times", Arrival.stowRs(), elves.part10(),
                "100,000 ELF identifiers in one private OB: a string with a hundred thousand matches");

        corpus.malicious(7, "pdf-javascript-after-1000-streams", Arrival.stowRs(),
                specimens.pdf(Encoding.EXPLICIT_LE, pdfWithManyStreams()).part10(),
                "1,000 deflated filler streams, then the /ObjStm with a JavaScript /OpenAction: past a decoder's "
                        + "stream budget");

        Specimen regions = specimens.image(Encoding.EXPLICIT_LE);
        byte[] block = new byte[256];
        Arrays.fill(block, (byte) 0x5A);
        List<Dataset> items = new ArrayList<>();
        Dataset filler = Specimens.withPrivate(new Dataset(Encoding.EXPLICIT_LE), "OB", block);
        for (int i = 0; i < 10_001; i++) {
            items.add(filler);
        }
        items.add(Specimens.withPrivate(new Dataset(Encoding.EXPLICIT_LE), "OB", pe()));
        regions.dataset().text(Specimens.PRIVATE_CREATOR, "LO", "ACME 1.0")
                .sequence(ReaderStops.NESTED_SEQUENCE, items);
        corpus.malicious(7, "pe-after-ten-thousand-regions", Arrival.stowRs(), regions.part10(),
                "10,001 private values of 256 bytes (past the region cap), then one that is a PE");
    }

    /** A PDF with 1,000 small deflated streams before the object stream that holds a JavaScript /OpenAction. */
    private static byte[] pdfWithManyStreams() {
        PdfBuilder pdf = PdfBuilder.onePage("Report")
                .object(1, "<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>")
                .packed(6, "<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\);) >>");
        for (int i = 0; i < 1_000; i++) {
            pdf.flateStream(10 + i, "% filler stream " + i);
        }
        return pdf.build(PdfBuilder.StreamFilter.FLATE);
    }

    /** The dataset raw-deflated, with {@code zeros} zero bytes in place of the value {@link #MARKER}. */
    private static byte[] deflateWithZeros(Dataset dataset, long zeros) {
        byte[] bytes = dataset.toBytes();
        int marker = indexOf(bytes, MARKER);
        byte[] header = dataset.header(Specimens.PRIVATE_VALUE, "OB", zeros);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        feed(deflater, Arrays.copyOf(bytes, marker - header.length), out, buffer);
        feed(deflater, header, out, buffer);
        byte[] chunk = new byte[1 << 20];
        for (long left = zeros; left > 0; left -= chunk.length) {
            feed(deflater, Arrays.copyOf(chunk, (int) Math.min(chunk.length, left)), out, buffer);
        }
        feed(deflater, Arrays.copyOfRange(bytes, marker + MARKER.length, bytes.length), out, buffer);
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        byte[] stream = out.toByteArray();
        return stream.length % 2 == 0 ? stream : Arrays.copyOf(stream, stream.length + 1);
    }

    private static void feed(Deflater deflater, byte[] input, ByteArrayOutputStream out, byte[] buffer) {
        deflater.setInput(input);
        while (!deflater.needsInput()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("marker not found");
    }
}

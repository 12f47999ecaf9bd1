package org.yaraguard.engine.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaraguard.engine.dicom.DicomInspector;
import org.yaraguard.engine.dicom.Framing;
import org.yaraguard.engine.dicom.Inspection;
import org.yaraguard.engine.dicom.InspectionLimits;

/**
 * The private block inserted into real DCMTK objects: dcmdump of the result shows the block, and everything else
 * dcmdump shows is what it showed for the object as received; for unencoded datasets the bytes around the block are
 * the received bytes.
 */
class BlockPlacementTest {

    private static final String SHA = "ab".repeat(32);
    private static final PrivateBlock BLOCK = new PrivateBlock("TAG", List.of("Suspicious_PE", "Other_Rule"),
            "cd".repeat(32), SHA);
    private static final String SAMPLE = String.join("\n",
            "(0008,0005) CS [ISO_IR 100]",
            "(0008,0016) UI =SecondaryCaptureImageStorage",
            "(0008,0018) UI [1.2.826.0.1.3680043.2.1125.1.2.3]",
            "(0008,1140) SQ (Sequence with undefined length #=1)",
            "  (fffe,e000) na (Item with undefined length #=1)",
            "    (0008,1150) UI =CTImageStorage",
            "    (0077,0010) LO [NESTED]",
            "  (fffe,e00d) na (ItemDelimitationItem)",
            "(fffe,e0dd) na (SequenceDelimitationItem)",
            "(0009,0010) LO [ACME]",
            "(0009,1001) OB 4d\\5a\\90\\00",
            "(0010,0010) PN [Doe^John]",
            "(0020,000d) UI [1.2.826.0.1.3680043.2.1125.1]",
            "(7fe0,0010) OB 01\\02\\03\\04",
            "");

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "explicit little endian Part-10, +te, ''",
        "implicit little endian Part-10, +ti, ''",
        "explicit big endian Part-10, +tb, ''",
        "deflated Part-10, +td, ''",
        "explicit little endian bare, +te -F, -f -te",
        "implicit little endian bare, +ti -F, -f -ti",
        "explicit big endian bare, +tb -F, -f -tb",
    })
    void insertsTheBlockAndLeavesTheRestAsItWas(String name, String writeOptions, String readOptions)
            throws IOException {
        Dcmtk dcmtk = new Dcmtk(folder);
        Path received = dcmtk.dump2dcm("received", SAMPLE, writeOptions.split(" "));
        Path tagged = tag(received, !writeOptions.contains("-F"), hint(writeOptions));

        String[] read = readOptions.isEmpty() ? new String[0] : readOptions.split(" ");
        List<String> after = dcmtk.dcmdump(tagged, read);
        String vr = writeOptions.contains("+ti") ? "??" : "CS";
        String lo = writeOptions.contains("+ti") ? "??" : "LO";
        assertThat(block(after)).containsExactly(
                "(0077,0010) LO [YARA GUARD 1.0]",
                "(0077,1010) " + vr + " [TAG]",
                "(0077,1011) " + lo + " [Suspicious_PE\\Other_Rule]",
                "(0077,1012) " + lo + " [" + "cd".repeat(32) + "]",
                "(0077,1013) " + lo + " [" + SHA + "]");
        assertThat(withoutBlock(after)).isEqualTo(dcmtk.dcmdump(received, read));
        if (!writeOptions.contains("+td")) {
            assertOnlyInserted(Files.readAllBytes(received), Files.readAllBytes(tagged));
        }
    }

    @Test
    void takesTheNextFreeCreatorSlotAndKeepsTagOrder() throws IOException {
        Dcmtk dcmtk = new Dcmtk(folder);
        String dump = SAMPLE.replace("(7fe0,0010)", String.join("\n",
                "(0077,0010) LO [OTHER VENDOR]",
                "(0077,0012) LO [THIRD VENDOR]",
                "(0077,1001) LO [kept]",
                "(0077,1210) LO [kept too]",
                "(7fe0,0010)"));
        Path received = dcmtk.dump2dcm("received", dump);
        Path tagged = tag(received, true, null);

        List<String> after = dcmtk.dcmdump(tagged);
        assertThat(block(after)).containsExactly(
                "(0077,0011) LO [YARA GUARD 1.0]",
                "(0077,1110) CS [TAG]",
                "(0077,1111) LO [Suspicious_PE\\Other_Rule]",
                "(0077,1112) LO [" + "cd".repeat(32) + "]",
                "(0077,1113) LO [" + SHA + "]");
        assertThat(withoutBlock(after)).isEqualTo(dcmtk.dcmdump(received));
        assertThat(topLevelTags(Files.readAllBytes(tagged))).isSortedAccordingTo(Integer::compareUnsigned);
    }

    @Test
    void replacesWhatASenderPutUnderOurCreator() throws IOException {
        Dcmtk dcmtk = new Dcmtk(folder);
        String dump = SAMPLE.replace("(7fe0,0010)", String.join("\n",
                "(0077,0010) LO [YARA GUARD 1.0]",
                "(0077,1010) CS [CLEAN]",
                "(0077,1014) LO [forged]",
                "(7fe0,0010)"));
        Path received = dcmtk.dump2dcm("received", dump);
        Path tagged = tag(received, true, null);

        List<String> after = dcmtk.dcmdump(tagged);
        assertThat(block(after)).containsExactly(
                "(0077,0010) LO [YARA GUARD 1.0]",
                "(0077,1010) CS [TAG]",
                "(0077,1011) LO [Suspicious_PE\\Other_Rule]",
                "(0077,1012) LO [" + "cd".repeat(32) + "]",
                "(0077,1013) LO [" + SHA + "]");
        assertThat(after).noneMatch(line -> line.contains("forged") || line.contains("CLEAN"));
    }

    @Test
    void inflatesAZlibWrappedDatasetAsDcm4cheDoes() throws IOException {
        Dcmtk dcmtk = new Dcmtk(folder);
        Path raw = dcmtk.dump2dcm("raw", SAMPLE, "+te");
        byte[] explicit = Files.readAllBytes(raw);
        Path deflated = dcmtk.dump2dcm("deflated", SAMPLE, "+td");
        byte[] part10 = Files.readAllBytes(deflated);
        int start = datasetStart(part10);
        java.io.ByteArrayOutputStream zlib = new java.io.ByteArrayOutputStream();
        zlib.write(part10, 0, start);
        try (var out = new java.util.zip.DeflaterOutputStream(zlib)) {
            out.write(explicit, datasetStart(explicit), explicit.length - datasetStart(explicit));
        }
        Path received = folder.resolve("zlib.dcm");
        Files.write(received, zlib.toByteArray());

        Path tagged = tag(received, true, null);

        assertThat(block(dcmtk.dcmdump(tagged))).hasSize(5);
        assertThat(withoutBlock(dcmtk.dcmdump(tagged))).isEqualTo(dcmtk.dcmdump(deflated));
    }

    @Test
    void goesAtTheEndOfADatasetWithNothingAfterGroup0077() throws IOException {
        Dcmtk dcmtk = new Dcmtk(folder);
        Path received = dcmtk.dump2dcm("received", SAMPLE.replaceAll("\\(7fe0,0010\\).*\n", ""));
        Path tagged = tag(received, true, null);

        byte[] before = Files.readAllBytes(received);
        byte[] after = Files.readAllBytes(tagged);
        assertThat(ByteBuffer.wrap(after, 0, before.length)).isEqualTo(ByteBuffer.wrap(before));
        assertThat(block(dcmtk.dcmdump(tagged))).hasSize(5);
    }

    private Path tag(Path received, boolean part10, String hint) throws IOException {
        byte[] bytes = Files.readAllBytes(received);
        Optional<BlockPlacement> placement;
        try (Inspection inspection = new DicomInspector(InspectionLimits.defaults())
                .inspect(ByteBuffer.wrap(bytes), part10 ? Framing.PART10 : Framing.BARE, hint)) {
            placement = BlockPlacement.of(inspection.privateGroup(), BLOCK);
        }
        assertThat(placement).isPresent();
        Path tagged = folder.resolve("tagged.dcm");
        try (InputStream in = placement.get().apply(new ByteArrayInputStream(bytes))) {
            Files.write(tagged, in.readAllBytes());
        }
        return tagged;
    }

    /** Offset of the first dataset byte of a Part-10 file, from its (0002,0000) group length. */
    private static int datasetStart(byte[] part10) {
        return 144 + ByteBuffer.wrap(part10, 140, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static String hint(String writeOptions) {
        if (writeOptions.contains("+ti")) {
            return "1.2.840.10008.1.2";
        }
        return writeOptions.contains("+tb") ? "1.2.840.10008.1.2.2" : "1.2.840.10008.1.2.1";
    }

    /**
     * The block's lines, value and VR only (dcmdump's comments differ by dictionary); values dcmdump shows in hex
     * (implicit VR: it does not know our private VRs) as text.
     */
    private static List<String> block(List<String> dump) {
        return dump.stream().filter(line -> line.startsWith("(0077,") && isOurs(line, dump))
                .map(line -> line.substring(0, line.indexOf('#')).strip())
                .map(line -> line.contains(" ?? ") ? line.substring(0, 15) + "[" + hexText(line.substring(15))
                        + "]" : line)
                .toList();
    }

    private static String hexText(String hex) {
        StringBuilder text = new StringBuilder();
        for (String b : hex.split("\\\\")) {
            text.append((char) Integer.parseInt(b, 16));
        }
        return text.toString().strip();
    }

    private static List<String> withoutBlock(List<String> dump) {
        return dump.stream().filter(line -> !(line.startsWith("(0077,") && isOurs(line, dump))).toList();
    }

    /** A top-level line of the slot our creator holds (or the creator itself). */
    private static boolean isOurs(String line, List<String> dump) {
        String slot = dump.stream().filter(l -> l.startsWith("(0077,00") && l.contains("[YARA GUARD 1.0]"))
                .map(l -> l.substring(8, 10)).findFirst().orElse("--");
        return line.startsWith("(0077,00" + slot + ")") || line.startsWith("(0077," + slot);
    }

    /** The tagged bytes are the received bytes with runs inserted, nothing changed or lost. */
    private static void assertOnlyInserted(byte[] received, byte[] tagged) {
        int i = 0;
        int j = 0;
        int inserted = 0;
        while (i < received.length) {
            if (received[i] == tagged[j]) {
                i++;
                j++;
            } else {
                j++;
                inserted++;
            }
        }
        assertThat(inserted + (tagged.length - j)).isEqualTo(tagged.length - received.length);
    }

    private static List<Integer> topLevelTags(byte[] part10) {
        try (Inspection inspection = new DicomInspector(InspectionLimits.defaults())
                .inspect(ByteBuffer.wrap(part10), Framing.PART10, null)) {
            assertThat(inspection.anomalies()).isEmpty();
            List<Integer> tags = new ArrayList<>();
            inspection.privateGroup().elements().forEach(element -> tags.add(element.tag()));
            return tags;
        }
    }
}

package org.yaraguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScanCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    Path rules;
    Path objects;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        rules = Files.createDirectories(work.resolve("rules"));
        objects = Files.createDirectories(work.resolve("objects/nested"));
        Files.writeString(rules.resolve("test.yar"), """
                rule Bad_Marker { meta: action = "reject" strings: $a = "BAD-MARKER" condition: $a }
                rule Odd_Marker { meta: action = "tag" strings: $a = "ODD-MARKER" condition: $a }
                """);
        dump2dcm(objects.resolve("clean.bin"), "nothing to see");
        dump2dcm(objects.resolve("bad.bin"), "xx BAD-MARKER xx");
        dump2dcm(objects.resolve("odd.bin"), "xx ODD-MARKER xx");
    }

    @Test
    void jsonLinesDescribeEveryFileAndExitOneOnReject() throws Exception {
        int status = run("scan", "--rules", rules.toString(), "--threads", "2", "--json", work.resolve("objects").toString());
        assertThat(status).isEqualTo(YaraGuard.REJECTED);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(3);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.get("sha256").asText()).hasSize(64);
            assertThat(line.get("ruleset").asText()).hasSize(64);
            assertThat(line.has("micros")).isTrue();
            assertThat(line.get("bytes").asLong()).isPositive();
        });
        JsonNode bad = lines.stream().filter(l -> l.get("path").asText().endsWith("bad.bin")).findFirst().orElseThrow();
        assertThat(bad.get("action").asText()).isEqualTo("reject");
        JsonNode match = bad.get("matches").get(0);
        assertThat(match.get("rule").asText()).isEqualTo("Bad_Marker");
        assertThat(match.get("namespace").asText()).isEqualTo("test.yar");
        assertThat(match.get("region").asText()).isEqualTo("object");
        assertThat(match.get("action").asText()).isEqualTo("reject");
        assertThat(lines).extracting(l -> l.get("action").asText()).containsExactlyInAnyOrder("reject", "tag", "clean");
    }

    @Test
    void jsonOffsetsAreWhereTheMatchedBytesSitInTheFile() throws Exception {
        Path bad = objects.resolve("bad.bin");
        assertThat(run("scan", "--rules", rules.toString(), "--json", bad.toString())).isEqualTo(YaraGuard.REJECTED);
        JsonNode match = JSON.readTree(out.toString()).get("matches").get(0);
        String file = new String(Files.readAllBytes(bad), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(match.get("offsets")).hasSize(1);
        assertThat(match.get("offsets").get(0).asLong()).isEqualTo(file.indexOf("BAD-MARKER")).isPositive();
    }

    @Test
    void tableShowsEachVerdictAndASummaryAndExitsZeroWithoutReject() throws Exception {
        Files.delete(objects.resolve("bad.bin"));
        int status = run("scan", "--rules", rules.toString(), work.resolve("objects").toString());
        assertThat(status).isEqualTo(YaraGuard.OK);
        assertThat(out.toString()).contains("TAG", "Odd_Marker@object", "CLEAN", "2 objects: 0 reject, 1 tag, 0 log, 1 clean, 0 error");
    }

    @Test
    void theTableFitsEightyColumnsAndNeverCutsARuleName() throws Exception {
        String longName = "Vendor_Family_" + "Very_Long_Descriptive_Rule_Name_" + "Variant_A";
        Path named = Files.createDirectories(work.resolve("n"));
        Files.writeString(named.resolve("t.yar"), "rule " + longName + " { meta: action = \"tag\" strings: $a = "
                + "\"ODD-MARKER\" condition: $a }\nrule Second_Rule { meta: action = \"tag\" strings: $a = "
                + "\"ODD-MARKER\" condition: $a }\n");
        Path odd = Files.copy(objects.resolve("odd.bin"), work.resolve("o.dcm"));

        assertThat(run("scan", "--rules", named.toString(), odd.toString())).isEqualTo(YaraGuard.OK);
        assertThat(out.toString().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        assertThat(out.toString()).contains(longName + "@object", "Second_Rule@object");
    }

    @Test
    void failuresAreWordsWithoutJavaClassNames() {
        Exception wrapped = new IllegalStateException(new java.io.UncheckedIOException(
                new java.nio.file.NoSuchFileException("/data/a.dcm")));
        assertThat(FailureMessage.of(wrapped)).isEqualTo("/data/a.dcm: no such file or folder");
        assertThat(FailureMessage.of(new java.nio.file.AccessDeniedException("/data/b.dcm")))
                .isEqualTo("/data/b.dcm: permission denied");
    }

    @Test
    void brokenRulesAreReportedWithFileAndLineAndExitTwo() throws Exception {
        Files.writeString(rules.resolve("broken.yar"), "rule X {\n condition: nope\n}\n");
        int status = run("scan", "--rules", rules.toString(), objects.toString());
        assertThat(status).isEqualTo(YaraGuard.FAILED);
        assertThat(err.toString()).contains("broken.yar:2: ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMissingPathIsAUsageFailure() {
        int status = run("scan", "--rules", rules.toString(), work.resolve("nope").toString());
        assertThat(status).isEqualTo(YaraGuard.FAILED);
        assertThat(err.toString()).contains("nope");
    }

    @Test
    void linksInsideFoldersAreFollowedLikeYaraDashROnceEvenInALoopUnlessNoFollow() throws Exception {
        Path outside = Files.createDirectories(work.resolve("outside"));
        dump2dcm(outside.resolve("linked-bad.bin"), "xx BAD-MARKER xx");
        Path scanned = Files.createDirectories(work.resolve("scanned"));
        dump2dcm(scanned.resolve("clean.bin"), "nothing to see");
        Files.createSymbolicLink(scanned.resolve("mount"), outside);
        Files.createSymbolicLink(outside.resolve("loop"), scanned);

        assertThat(run("scan", "--rules", rules.toString(), "--json", scanned.toString())).isEqualTo(YaraGuard.REJECTED);
        assertThat(out.toString()).contains("linked-bad.bin\",\"action\":\"reject\"");
        assertThat(out.toString().lines().filter(l -> l.contains("clean.bin"))).hasSize(1);

        out.getBuffer().setLength(0);
        assertThat(run("scan", "--rules", rules.toString(), "--json", "--no-follow", scanned.toString()))
                .isEqualTo(YaraGuard.OK);
        assertThat(out.toString()).doesNotContain("linked-bad.bin").contains("clean.bin");
    }

    @Test
    void aFolderWithNoFilesIsAFailureNotACleanScan() throws Exception {
        Path empty = Files.createDirectories(work.resolve("empty/also-empty"));
        assertThat(run("scan", "--rules", rules.toString(), empty.getParent().toString())).isEqualTo(YaraGuard.FAILED);
        assertThat(err.toString()).contains("no files found in " + empty.getParent());
    }

    @Test
    void unknownOptionsExitTwoWithUsage() {
        assertThat(run("scan", "--frobnicate", objects.toString())).isEqualTo(YaraGuard.FAILED);
        assertThat(err.toString()).contains("Usage:");
    }

    @Test
    void rulesCheckListsResolvedActionsThroughThePolicy() {
        Path thirdParty = work.resolve("third-party");
        int status;
        try {
            Files.createDirectories(thirdParty);
            Files.writeString(thirdParty.resolve("vendor.yar"), """
                    rule Looks_Clean { strings: $a = "x" condition: $a }
                    rule Trojan_Generic { strings: $a = "y" condition: $a }
                    """);
            status = run("rules", "check", "--policy", "rule:*_Clean=clean", thirdParty.toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(status).isEqualTo(YaraGuard.OK);
        assertThat(out.toString())
                .containsPattern("clean\\s+vendor.yar:Looks_Clean\\s+-\\s+policy rule:\\*_Clean=clean")
                .containsPattern("reject\\s+vendor.yar:Trojan_Generic\\s+-\\s+default action");
    }

    @Test
    void rulesCheckShowsLibyarasWarnings() throws Exception {
        Path slow = Files.createDirectories(work.resolve("slow-rules"));
        Files.writeString(slow.resolve("slow.yar"), "rule Fine { strings: $a = \"fine marker\" condition: $a }\n"
                + "rule Slow { strings: $a = { 00 ?? } condition: $a }\n");
        assertThat(run("rules", "check", slow.toString())).isEqualTo(YaraGuard.OK);
        assertThat(err.toString()).contains("slow.yar:2: warning: string \"$a\" may slow down scanning");
    }

    @Test
    void lokiAndThorFileExternalsCompileAndDescribeTheObject() throws Exception {
        Path loki = Files.createDirectories(work.resolve("loki-rules"));
        Files.writeString(loki.resolve("loki.yar"), """
                rule Loki_Style {
                  meta: action = "tag"
                  strings: $a = "ODD-MARKER"
                  condition: $a and extension == ".dcm" and filetype == "DICOM" and owner == ""
                    and filename matches /^1\\.2\\.826\\.0\\.1\\.3680043\\.2\\.1125\\.9\\.[0-9]+\\.dcm$/
                    and filepath == filename
                }
                """);
        assertThat(run("scan", "--rules", loki.toString(), "--json", objects.resolve("odd.bin").toString()))
                .isEqualTo(YaraGuard.OK);
        assertThat(JSON.readTree(out.toString()).get("matches").get(0).get("rule").asText()).isEqualTo("Loki_Style");
    }

    @Test
    void aCraftedInstanceUidCannotOptAnObjectOutOfALokiNameExclusion() throws Exception {
        Path loki = Files.createDirectories(work.resolve("loki-exclusion"));
        Files.writeString(loki.resolve("loki.yar"), """
                rule Loki_Excludes_Vendor_Tool {
                  meta: action = "reject"
                  strings: $a = "ODD-MARKER"
                  condition: $a and not filepath contains "VendorTool" and not filename contains "VendorTool"
                }
                """);
        Path dump = work.resolve("crafted-uid.txt");
        Files.writeString(dump, String.join("\n", "(0008,0016) UI =SecondaryCaptureImageStorage",
                "(0008,0018) UI [VendorTool]", "(0008,103e) LO [xx ODD-MARKER xx]", ""));
        Path crafted = work.resolve("crafted-uid.dcm");
        Process process = new ProcessBuilder(List.of("dump2dcm", "+te", dump.toString(), crafted.toString()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("dump2dcm: %s", output).isZero();

        assertThat(run("scan", "--rules", loki.toString(), "--json", crafted.toString())).isEqualTo(YaraGuard.REJECTED);
        assertThat(JSON.readTree(out.toString()).get("matches").get(0).get("rule").asText())
                .isEqualTo("Loki_Excludes_Vendor_Tool");
    }

    @Test
    void rulesCheckWithoutAFolderChecksTheBundledRules() {
        assertThat(run("rules", "check")).isEqualTo(YaraGuard.OK);
        assertThat(out.toString()).contains("preamble.yar:", "rules in");
    }

    @Test
    void aRuleMatchingInManyPrivateValuesIsOneCountedMatchInTheJson() throws Exception {
        Path markerRules = Files.createDirectories(work.resolve("marker-rules"));
        Files.writeString(markerRules.resolve("marker.yar"), "rule Marker { meta: action = \"tag\" strings:"
                + " $m = \"MARKER\" condition: region == \"private_value\" and $m }\n");
        String value = "4d\\41\\52\\4b\\45\\52\\" + "00\\".repeat(297) + "00";
        Path object = work.resolve("markers/three.dcm");
        dump2dcm(object, List.of("(0009,0010) LO [YG TEST]", "(0009,1010) OB " + value, "(0009,1011) OB " + value,
                "(0009,1012) OB " + value));

        assertThat(run("scan", "--rules", markerRules.toString(), "--json", object.toString())).isEqualTo(YaraGuard.OK);
        JsonNode tagged = JSON.readTree(out.toString());
        assertThat(tagged.get("action").asText()).isEqualTo("tag");
        assertThat(tagged.get("matches")).hasSize(1);
        assertThat(tagged.get("matches").get(0).get("count").asLong()).isEqualTo(3);
        assertThat(tagged.get("matchesOmitted").asLong()).isZero();
    }

    @Test
    void aStringPastLibyarasMatchLimitIsIncompleteTroubleThatOnIncompleteDecides() throws Exception {
        Path pairRules = Files.createDirectories(work.resolve("pair-rules"));
        Files.writeString(pairRules.resolve("pairs.yar"),
                "rule Pairs { meta: action = \"log\" strings: $a = \"AA\" condition: $a }\n");
        Path object = work.resolve("pairs/saturating.dcm");
        dump2dcm(object, List.of("(0009,0010) LO [YG TEST]", "(0009,1010) OB " + "41\\".repeat(2 << 20) + "41"));

        assertThat(run("scan", "--rules", pairRules.toString(), "--json", object.toString()))
                .isEqualTo(YaraGuard.REJECTED);
        JsonNode rejected = JSON.readTree(out.toString());
        assertThat(rejected.get("action").asText()).isEqualTo("reject");
        assertThat(rejected.get("trouble").asText()).startsWith("incomplete: ").contains("match limit");
        assertThat(rejected.get("matches").get(0).get("rule").asText()).isEqualTo("Pairs");

        out.getBuffer().setLength(0);
        assertThat(run("scan", "--rules", pairRules.toString(), "--json", "--on-incomplete", "log", object.toString()))
                .isEqualTo(YaraGuard.OK);
        assertThat(JSON.readTree(out.toString()).get("action").asText()).isEqualTo("log");
    }

    @Test
    void aFileThatIsNotDicomAtAllIsIncompleteTrouble() throws Exception {
        Path text = Files.writeString(work.resolve("notes.txt"), "hello, this is not DICOM at all\n");

        assertThat(run("scan", "--rules", rules.toString(), "--json", text.toString())).isEqualTo(YaraGuard.REJECTED);
        JsonNode line = JSON.readTree(out.toString());
        assertThat(line.get("action").asText()).isEqualTo("reject");
        assertThat(line.get("trouble").asText()).startsWith("incomplete: ");

        out.getBuffer().setLength(0);
        assertThat(run("scan", "--rules", rules.toString(), "--on-incomplete", "log", text.toString()))
                .isEqualTo(YaraGuard.OK);
        assertThat(out.toString()).contains("LOG");
    }

    @Test
    void aFileLargerThanTheMemoryBudgetIsTooLargeTroubleAndStillHashed() throws Exception {
        byte[] bytes = new byte[9 << 20];
        Path huge = Files.write(work.resolve("huge.bin"), bytes);

        assertThat(run("scan", "--rules", rules.toString(), "--json", "--memory", "0", huge.toString()))
                .isEqualTo(YaraGuard.REJECTED);
        JsonNode line = JSON.readTree(out.toString());
        assertThat(line.get("trouble").asText()).startsWith("too-large: ");
        assertThat(line.get("sha256").asText()).isEqualTo(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    /** A small DICOM object made by DCMTK's dump2dcm, with {@code text} as its series description. */
    private void dump2dcm(Path target, String text) throws Exception {
        dump2dcm(target, List.of("(0008,103e) LO [" + text + "]", "(0020,000d) UI [1.2.826.0.1.3680043.2.1125.9]"));
    }

    /** A DICOM object made by dump2dcm from a secondary capture's UIDs and {@code elements} (dump lines). */
    private void dump2dcm(Path target, List<String> elements) throws Exception {
        Path dump = work.resolve(target.getFileName() + ".txt");
        List<String> lines = new ArrayList<>(List.of("(0008,0016) UI =SecondaryCaptureImageStorage",
                "(0008,0018) UI [1.2.826.0.1.3680043.2.1125.9." + Math.abs(elements.hashCode()) + "]"));
        lines.addAll(elements);
        Files.writeString(dump, String.join("\n", lines) + "\n");
        Files.createDirectories(target.getParent());
        Process process = new ProcessBuilder(List.of("dump2dcm", "+te", "+l", "20000000", dump.toString(),
                target.toString())).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("dump2dcm (apt-get install dcmtk): %s", output).isZero();
    }

    private int run(String... args) {
        CommandLine commandLine = YaraGuard.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}

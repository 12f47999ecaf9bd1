package org.yaraguard.review;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaraguard.engine.dicom.ReviewAttributes;
import org.yaraguard.engine.findings.FindingsLog;
import org.yaraguard.engine.quarantine.Quarantine;
import org.yaraguard.engine.quarantine.QuarantineEntry;
import org.yaraguard.engine.quarantine.Sidecar;

/** Real DICOM objects made by DCMTK's dump2dcm, kept through the hook's own quarantine writer and findings log. */
final class ReviewFixture {

    static final String SC = "1.2.840.10008.5.1.4.1.1.7";

    final Path root;
    final Path quarantine;
    final Path findings;
    final Path approvals;

    ReviewFixture(Path root) {
        this.root = root;
        this.quarantine = root.resolve("quarantine");
        this.findings = root.resolve("findings.log");
        this.approvals = root.resolve("approvals");
    }

    ReviewSettings settings(String stowUrl, int retentionDays) {
        return new ReviewSettings(quarantine, findings, approvals,
                stowUrl == null ? null : java.net.URI.create(stowUrl), java.time.Duration.ofHours(1), retentionDays);
    }

    /** A DICOM object made by dump2dcm: Part-10 (explicit VR LE) or a bare implicit VR LE dataset. */
    byte[] object(String name, String study, String series, String sop, String patientName, boolean part10)
            throws IOException, InterruptedException {
        Path dump = root.resolve(name + ".dump");
        Files.writeString(dump, String.join("\n",
                "(0008,0016) UI [" + SC + "]",
                "(0008,0018) UI [" + sop + "]",
                "(0008,0020) DA [20260101]",
                "(0008,0050) SH [ACC-" + name + "]",
                "(0008,0060) CS [OT]",
                "(0010,0010) PN [" + patientName + "]",
                "(0010,0020) LO [PID-" + name + "]",
                "(0020,000d) UI [" + study + "]",
                "(0020,000e) UI [" + series + "]",
                "(0042,0010) ST [payload marker EVIL-PAYLOAD here]",
                ""), StandardCharsets.US_ASCII);
        Path out = root.resolve(name + ".dcm");
        List<String> command = new ArrayList<>(List.of("dump2dcm"));
        if (!part10) {
            command.addAll(List.of("-F", "+ti"));
        }
        command.addAll(List.of(dump.toString(), out.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve(name + ".log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("dump2dcm failed: " + Files.readString(root.resolve(name + ".log")));
        }
        return Files.readAllBytes(out);
    }

    /** A Part-10 object whose preamble starts like a Windows PE file (CVE-2019-11687). */
    byte[] polyglot(String name, String study, String series, String sop, String patientName)
            throws IOException, InterruptedException {
        byte[] bytes = object(name, study, series, sop, patientName, true);
        byte[] pe = "MZ\u0090\0This program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(pe, 0, bytes, 0, pe.length);
        return bytes;
    }

    /** Keeps an object in the quarantine as the hook does, with a match at the given object offset. */
    QuarantineEntry quarantine(byte[] bytes, boolean part10, String study, String series, String sop,
            String patientName, String rule, String region, long offset, Instant receivedAt) throws IOException {
        String sha = sha256(bytes);
        ReviewAttributes attributes = new ReviewAttributes(SC, sop, study, series, "PID", patientName, "20260101",
                "OT", "ACC");
        Sidecar sidecar = new Sidecar(sha, receivedAt.toString(), part10 ? "stow-rs" : "c-store", "MODALITY1",
                "DCM4CHEE", "127.0.0.1", "enforce", "reject", Sidecar.QUARANTINED, "ruleset-1", sha, bytes.length,
                part10, part10 ? "1.2.840.10008.1.2.1" : "1.2.840.10008.1.2", null, attributes,
                List.of(new Sidecar.Match(rule, "default", List.of("pe"), Map.of("severity", "high"), region,
                        List.of(offset), "reject")),
                List.of(), List.of());
        return new Quarantine(quarantine).put(ByteBuffer.wrap(bytes), sidecar);
    }

    /** Records a stored (tagged) object in the findings log as the hook does. */
    void stored(String sha, String study, String series, String rule, Instant receivedAt) {
        ReviewAttributes attributes = new ReviewAttributes(SC, "9.9." + sha.substring(0, 6).chars().sum(), study,
                series, "PID9", "Stored^Patient", "20260102", "CT", "ACC9");
        Sidecar verdict = new Sidecar(sha, receivedAt.toString(), "c-store", "MODALITY2", "DCM4CHEE", "127.0.0.2",
                "enforce", "tag", Sidecar.STORED, "ruleset-1", sha, 1234, false, "1.2.840.10008.1.2", null,
                attributes, List.of(new Sidecar.Match(rule, "default", List.of(), Map.of(), "object", List.of(0L),
                        "tag")), List.of(), List.of());
        new FindingsLog(findings).appendVerdict(verdict, null);
    }

    List<String> findingsLines() throws IOException {
        return Files.exists(findings) ? Files.readAllLines(findings) : List.of();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.yaraguard.engine.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaraguard.engine.spool.Spool;
import org.yaraguard.engine.spool.SpooledObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaraguard.engine.dicom.Anomaly;
import org.yaraguard.engine.dicom.ReviewAttributes;

class QuarantineTest {

    @TempDir
    Path temp;

    @Test
    void keepsObjectAndSidecarUnderTheStudyOwnerOnly() throws IOException {
        byte[] object = "MZ polyglot stand-in".getBytes(StandardCharsets.US_ASCII);
        Sidecar sidecar = sidecar(object, "1.2.840.113619.2.55");

        QuarantineEntry entry = new Quarantine(temp.resolve("q")).put(ByteBuffer.wrap(object), sidecar);

        assertThat(entry.object()).isEqualTo(temp.resolve("q/1.2.840.113619.2.55/" + sidecar.id() + ".dcm"));
        assertThat(entry.object()).hasBinaryContent(object);
        assertThat(Quarantine.readSidecar(entry.sidecar())).isEqualTo(sidecar);
        assertThat(Files.getPosixFilePermissions(entry.object())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(entry.sidecar())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(entry.object().getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void neverLeavesATempFileOrAnExecutableBit() throws IOException {
        byte[] object = new byte[200_000];
        object[0] = 'M';
        object[1] = 'Z';
        QuarantineEntry entry = new Quarantine(temp).put(ByteBuffer.wrap(object), sidecar(object, "1.2.3"));

        try (Stream<Path> files = Files.list(entry.object().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(entry.id() + ".dcm", entry.id() + ".json");
        }
        for (Path file : List.of(entry.object(), entry.sidecar())) {
            assertThat(Files.getPosixFilePermissions(file)).doesNotContain(PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE,
                    PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc", "1.2.3/../x", "1.2.3/x", "/etc/passwd", "..", ".", "1..2", "1.2.", "",
            "1.2.3\u0000", "１.２", "01234567890123456789012345678901234567890123456789012345678901234"})
    void hostileStudyUidsGoToUnknownStudy(String uid) throws IOException {
        byte[] object = ("object for " + uid).getBytes(StandardCharsets.UTF_8);
        QuarantineEntry entry = new Quarantine(temp).put(ByteBuffer.wrap(object), sidecar(object, uid));

        assertThat(entry.object().getParent()).isEqualTo(temp.resolve(Quarantine.UNKNOWN_STUDY));
        assertThat(entry.object()).hasBinaryContent(object);
    }

    @Test
    void missingStudyUidGoesToUnknownStudy() {
        assertThat(Quarantine.studyFolderName(null)).isEqualTo(Quarantine.UNKNOWN_STUDY);
        assertThat(Quarantine.studyFolderName("1.2.840.10008.5.1.4.1.1.7")).isEqualTo("1.2.840.10008.5.1.4.1.1.7");
    }

    @Test
    void refusesAnIdThatIsNotTheHash() {
        byte[] object = {1, 2, 3};
        Sidecar good = sidecar(object, "1.2.3");
        Sidecar traversal = new Sidecar("../../x", good.receivedAt(), good.source(), null, null, null, "enforce",
                "reject", Sidecar.QUARANTINED, null, "../../x", 3, false, null, null, good.attributes(), null, null,
                null);

        assertThatThrownBy(() -> new Quarantine(temp).put(ByteBuffer.wrap(object), traversal))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void theSameObjectAgainKeepsTheReviewTrail() throws IOException {
        byte[] object = "again".getBytes(StandardCharsets.US_ASCII);
        Quarantine quarantine = new Quarantine(temp);
        QuarantineEntry first = quarantine.put(ByteBuffer.wrap(object), sidecar(object, "1.2.3"));
        quarantine.update(first.sidecar(), json -> {
            json.put("status", "released");
            ReviewTrail.append(json, Quarantine.JSON.valueToTree(
                    new Sidecar.ReviewEvent("release", "admin", "2026-01-01T00:00:00Z", "false positive")));
        });

        QuarantineEntry second = quarantine.put(ByteBuffer.wrap(object), sidecar(object, "1.2.3"));

        Sidecar now = Quarantine.readSidecar(second.sidecar());
        assertThat(now.status()).isEqualTo(Sidecar.QUARANTINED);
        assertThat(now.review()).extracting(Sidecar.ReviewEvent::event).containsExactly("release");
        assertThat(second.object()).hasBinaryContent(object);
    }

    @Test
    void aSpooledObjectIsCopiedInWhole() throws IOException {
        byte[] object = new byte[200_000];
        new java.util.Random(7).nextBytes(object);
        Path spoolFolder = Files.createDirectories(temp.resolve("spool"));
        try (SpooledObject spooled = new Spool(spoolFolder, 1000).spool(new java.io.ByteArrayInputStream(object))) {
            QuarantineEntry entry = new Quarantine(temp.resolve("q")).put(spooled, sidecar(object, "1.2.3"));

            assertThat(entry.object()).hasBinaryContent(object);
        }
    }

    @Test
    void aMatchCountsItsMatchesAndOldSidecarsReadAsOne() throws IOException {
        Sidecar.Match counted = new Sidecar.Match("R", "ns", List.of(), Map.of(), "private_value", List.of(1L), "log",
                10_000);
        String json = Quarantine.JSON.writeValueAsString(counted);
        String old = json.replace(",\"count\":10000", "");

        assertThat(json).contains("\"count\":10000");
        assertThat(Quarantine.JSON.readValue(json, Sidecar.Match.class).count()).isEqualTo(10_000);
        assertThat(Quarantine.JSON.readValue(old, Sidecar.Match.class).count()).isEqualTo(1);
    }

    @Test
    void writesTheContractFieldNames() throws IOException {
        byte[] object = {9};
        QuarantineEntry entry = new Quarantine(temp).put(ByteBuffer.wrap(object), sidecar(object, "1.2.3"));

        String json = Files.readString(entry.sidecar());
        assertThat(json).contains("\"id\"", "\"receivedAt\"", "\"source\"", "\"callingAet\"", "\"calledAet\"",
                "\"remoteHost\"", "\"mode\"", "\"action\"", "\"status\"", "\"rulesetId\"", "\"sha256\"", "\"bytes\"",
                "\"part10\"", "\"trouble\"", "\"attributes\"", "\"studyInstanceUid\"", "\"matches\"", "\"offsets\"",
                "\"count\"", "\"findingsOmitted\"",
                "\"anomalies\"", "\"TRAILING_DATA\"", "\"review\"");
    }

    static Sidecar sidecar(byte[] object, String studyUid) {
        String sha = sha256(object);
        ReviewAttributes attributes = new ReviewAttributes("1.2.840.10008.5.1.4.1.1.7", "1.2.3.4", studyUid,
                "1.2.3.5", "PID1", "Doe^John", "20260101", "OT", "ACC1");
        return new Sidecar(sha, "2026-11-25T01:02:03.456Z", "stow-rs", "MODALITY1", "DCM4CHEE", "10.0.0.5",
                "enforce", "reject", Sidecar.QUARANTINED, "ab".repeat(32), sha, object.length, true,
                "1.2.840.10008.1.2.1", null, attributes,
                List.of(new Sidecar.Match("PE_In_Preamble", "default/preamble.yar", List.of("pe"),
                        Map.of("severity", "high"), "preamble", List.of(0L), "reject")),
                List.of(new Anomaly(Anomaly.Kind.TRAILING_DATA, "12 bytes after the dataset", 123)), List.of());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.yaraguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.review.hunt.HuntReport;

class HuntsFolderTest {

    @TempDir
    Path dir;

    @Test
    void listsReportFoldersNewestFirstAndPassesOverOtherFolders() throws IOException {
        Path hunts = Files.createDirectories(dir.resolve("hunts"));
        HuntReports.write(hunts, "hunt-20261129-100000", Instant.parse("2026-11-29T10:00:00Z"), dir, List.of());
        HuntReports.write(hunts, "hunt-20261130-090000", Instant.parse("2026-11-30T09:00:00Z"), dir, List.of());
        HuntReports.write(hunts, "a-later-one", Instant.parse("2026-11-30T12:00:00Z"), dir, List.of());
        Files.createDirectories(hunts.resolve("not-a-report"));
        Files.writeString(Files.createDirectories(hunts.resolve("broken")).resolve("summary.json"), "{not json");

        List<String> names = new HuntsFolder(hunts).reports().stream()
                .map(r -> r.folder().getFileName().toString()).toList();

        assertThat(names).containsExactly("a-later-one", "hunt-20261130-090000", "hunt-20261129-100000");
    }

    @Test
    void opensAReportByItsFolderNameOnlyAndNeverFollowsALinkOut() throws IOException {
        Path hunts = Files.createDirectories(dir.resolve("hunts"));
        HuntReports.write(hunts, "hunt-1", Instant.parse("2026-11-30T09:00:00Z"), dir, List.of());
        Path elsewhere = HuntReports.write(dir, "elsewhere", Instant.parse("2026-11-30T10:00:00Z"), dir, List.of());
        Files.createSymbolicLink(hunts.resolve("linked"), elsewhere);
        HuntsFolder folder = new HuntsFolder(hunts);

        assertThat(folder.report("hunt-1")).map(HuntReport::folder).contains(hunts.resolve("hunt-1"));
        assertThat(folder.report("../elsewhere")).isEmpty();
        assertThat(folder.report("linked")).isEmpty();
        assertThat(folder.report("..")).isEmpty();
        assertThat(folder.report(null)).isEmpty();
        assertThat(folder.reports()).extracting(r -> r.folder().getFileName().toString()).containsExactly("hunt-1");
    }

    @Test
    void aMissingFolderHasNoReports() throws IOException {
        assertThat(new HuntsFolder(dir.resolve("none")).reports()).isEmpty();
        assertThat(new HuntsFolder(null).reports()).isEmpty();
    }

    @Test
    void theSettingWinsOverTheDefaultUnderTheServersDataFolder() {
        Properties p = new Properties();
        p.setProperty("jboss.server.data.dir", "/srv/wildfly/data");
        assertThat(HuntsFolder.from(p).folder()).isEqualTo(Path.of("/srv/wildfly/data/yara-guard/hunts"));
        p.setProperty("yara-guard.hunt.reports.dir", "/var/lib/hunts");
        assertThat(HuntsFolder.from(p).folder()).isEqualTo(Path.of("/var/lib/hunts"));
        assertThat(HuntsFolder.from(new Properties()).folder()).isNull();
    }
}

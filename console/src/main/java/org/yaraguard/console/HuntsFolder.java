package org.yaraguard.console;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.yaraguard.review.hunt.HuntReport;
import org.yaraguard.settings.Schema;

/**
 * The folder of retro-hunt reports the console shows ({@code yara-guard.hunt.reports.dir}): one folder per hunt,
 * read only. A report is named by its folder's name alone, so a request can never reach a folder elsewhere.
 */
final class HuntsFolder {

    /** Folder names a report may have (the hunt's default is {@code hunt-yyyyMMdd-HHmmss}). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Comparator<HuntReport> NEWEST_FIRST = Comparator
            .comparing((HuntReport r) -> r.summary().startedAt(), Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(r -> r.folder().getFileName().toString()).reversed();

    private final Path folder;

    HuntsFolder(Path folder) {
        this.folder = folder;
    }

    /** The configured folder, else the default under the server's data folder; null when neither is known. */
    static HuntsFolder from(Properties properties) {
        String configured = properties.getProperty(Schema.HUNT_REPORTS_DIR, "").strip();
        if (!configured.isEmpty()) {
            return new HuntsFolder(Path.of(configured));
        }
        String data = properties.getProperty("jboss.server.data.dir");
        return new HuntsFolder(data == null ? null : Path.of(data, "yara-guard", "hunts"));
    }

    /** Where the reports are looked for, or null when not configured. */
    Path folder() {
        return folder;
    }

    /** Every readable report in the folder, newest first (by start); folders that are not reports are passed over. */
    List<HuntReport> reports() throws IOException {
        List<HuntReport> reports = new ArrayList<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return reports;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder, this::isReportFolder)) {
            for (Path child : children) {
                try {
                    reports.add(HuntReport.open(child));
                } catch (IOException | RuntimeException notAReport) {
                    continue;
                }
            }
        }
        reports.sort(NEWEST_FIRST);
        return reports;
    }

    /** The report in the folder called {@code name} directly in this folder, if there is one. */
    Optional<HuntReport> report(String name) {
        if (folder == null || name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path child = folder.resolve(name);
        if (!isReportFolder(child)) {
            return Optional.empty();
        }
        try {
            return Optional.of(HuntReport.open(child));
        } catch (IOException | RuntimeException notAReport) {
            return Optional.empty();
        }
    }

    /** A real folder (not a link to one elsewhere) with a name a report may have. */
    private boolean isReportFolder(Path child) {
        return NAME.matcher(child.getFileName().toString()).matches()
                && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
    }
}

package org.yaraguard.review.hunt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A hunt's report folder as readers see it: its summary and its hits. Safe to use while the hunt still writes: the
 * summary is replaced atomically, and a last hit line cut short by a crash is skipped, never an error.
 */
public final class HuntReport {

    public static final String HITS = "hits.jsonl";
    public static final String SUMMARY = "summary.json";
    public static final String CSV = "summary.csv";
    /** The hunt's own resume state: not part of the report model. */
    public static final String CHECKPOINT = "checkpoint";
    /** Report folders made by default are named this prefix plus the UTC start, {@code yyyyMMdd-HHmmss}. */
    public static final String FOLDER_PREFIX = "hunt-";

    private final Path folder;
    private final HuntSummary summary;

    private HuntReport(Path folder, HuntSummary summary) {
        this.folder = folder;
        this.summary = summary;
    }

    /** The report in this folder; an IOException when it holds no readable summary. */
    public static HuntReport open(Path folder) throws IOException {
        Path file = folder.resolve(SUMMARY);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "not a hunt report folder (no " + SUMMARY + ")");
        }
        return new HuntReport(folder, HuntJson.summary(Files.readString(file, StandardCharsets.UTF_8)));
    }

    /**
     * The report started last among the folders directly under {@code parent} (e.g. the default {@code hunt-*}
     * folders), by the summary's startedAt; folders that are not readable reports are passed over.
     */
    public static Optional<HuntReport> latest(Path parent) throws IOException {
        List<HuntReport> reports = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(parent, Files::isDirectory)) {
            for (Path child : children) {
                try {
                    reports.add(open(child));
                } catch (IOException notAReport) {
                    continue;
                }
            }
        }
        return reports.stream().filter(r -> r.summary.startedAt() != null)
                .max(Comparator.comparing((HuntReport r) -> r.summary.startedAt())
                        .thenComparing(r -> r.folder.getFileName().toString()));
    }

    public Path folder() {
        return folder;
    }

    /** The summary as it was when this report was opened. */
    public HuntSummary summary() {
        return summary;
    }

    /**
     * Every hit, in the order written, read lazily (memory flat in the number of hits); close the stream. Lines that
     * are not hits (a line cut by a crash) are skipped.
     */
    public Stream<HuntHit> hits() throws IOException {
        Path file = folder.resolve(HITS);
        if (!Files.exists(file)) {
            return Stream.empty();
        }
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        return reader.lines().map(HuntReport::hitOrNull).filter(Objects::nonNull).onClose(() -> {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The hits of one study, in the order written. */
    public List<HuntHit> hitsOfStudy(String studyInstanceUid) throws IOException {
        try (Stream<HuntHit> hits = hits()) {
            return hits.filter(h -> Objects.equals(h.studyInstanceUid(), studyInstanceUid)).toList();
        }
    }

    private static HuntHit hitOrNull(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return HuntJson.hit(line);
        } catch (IOException | RuntimeException cut) {
            return null;
        }
    }
}

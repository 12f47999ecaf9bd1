package org.yaraguard.hunt;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Consumer;
import org.yaraguard.engine.quarantine.FolderOwner;
import org.yaraguard.review.hunt.HuntHit;
import org.yaraguard.review.hunt.HuntJson;
import org.yaraguard.review.hunt.HuntReport;
import org.yaraguard.review.hunt.HuntSummary;
import org.yaraguard.review.hunt.SummaryCsv;

/**
 * The report folder as the hunt writes it. Hits are appended a whole line at a time and flushed (a killed process
 * loses no written hit); the summary, CSV and checkpoint are replaced atomically (written aside, then renamed), so a
 * reader or a resumed hunt never sees half a file. Files name patients: owner-only permissions.
 */
final class ReportFolder implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path folder;
    private BufferedWriter hits;

    private ReportFolder(Path folder) {
        this.folder = folder;
    }

    /**
     * The folder, created (owner-only) when missing. Run as root into the server's hunts folder, every file takes
     * that folder's owner, so that the console (the server's user) can read the report.
     */
    static ReportFolder open(Path folder) throws IOException {
        if (Files.isSymbolicLink(folder)) {
            throw new IOException("report folder is a symbolic link: " + folder);
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(folder,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            FolderOwner.adopt(folder);
        }
        return new ReportFolder(folder);
    }

    Path folder() {
        return folder;
    }

    /** True when the folder holds nothing: a new hunt never writes among someone else's files. */
    boolean isEmpty() throws IOException {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    Optional<Checkpoint> checkpoint() throws IOException {
        Path file = folder.resolve(HuntReport.CHECKPOINT);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Checkpoint.class));
    }

    /**
     * Hands each hit an earlier run wrote to {@code sink}, one line at a time. A last line cut short by a kill is cut
     * off the file first, so that the next appended line starts on a line of its own.
     */
    void readEarlierHits(Consumer<HuntHit> sink) throws IOException {
        Path file = folder.resolve(HuntReport.HITS);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        dropCutLine(file);
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    sink.accept(HuntJson.hit(line));
                }
            }
        }
    }

    private static void dropCutLine(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long end = raf.length();
            long keep = end;
            while (keep > 0) {
                raf.seek(keep - 1);
                if (raf.read() == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < end) {
                raf.setLength(keep);
            }
        }
    }

    /** Appends one hit line and flushes it to the operating system. */
    synchronized void append(HuntHit hit) throws IOException {
        if (hits == null) {
            Path file = folder.resolve(HuntReport.HITS);
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                FolderOwner.adopt(file);
            }
            hits = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        }
        hits.write(HuntJson.line(hit));
        hits.write('\n');
        hits.flush();
    }

    void write(Checkpoint checkpoint) throws IOException {
        replace(HuntReport.CHECKPOINT, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(checkpoint));
    }

    void write(HuntSummary summary) throws IOException {
        replace(HuntReport.CSV, SummaryCsv.of(summary.byStudy()));
        replace(HuntReport.SUMMARY, HuntJson.summary(summary));
    }

    private synchronized void replace(String name, String text) throws IOException {
        Path aside = Files.createTempFile(folder, "." + name + "-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            FolderOwner.adopt(aside);
            Files.writeString(aside, text, StandardCharsets.UTF_8);
            Files.move(aside, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(aside);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (hits != null) {
            hits.close();
        }
    }
}

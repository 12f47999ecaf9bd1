package org.yaraguard.cli;

import java.nio.file.Path;
import org.yaraguard.engine.scan.Verdict;

/** One file's outcome: a verdict (with the SHA-256 when it was asked for), or the error that kept it from being scanned. */
record ScanResult(Path path, Verdict verdict, String sha256, String error, long bytes) {

    static ScanResult of(Path path, Verdict verdict, String sha256) {
        return new ScanResult(path, verdict, sha256, null, verdict.bytes());
    }

    static ScanResult failed(Path path, String error) {
        return new ScanResult(path, null, null, error, 0);
    }

    /** clean, log, tag, reject, or error. */
    String action() {
        return verdict == null ? "error" : verdict.action().label();
    }
}

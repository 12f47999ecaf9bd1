package org.yaraguard.cli;

import java.io.PrintWriter;

/** A one-line progress bar on the terminal's error stream; silent when output is not a terminal. */
final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final int total;
    private final boolean visible;
    private final long start = System.nanoTime();
    private int done;
    private long bytes;
    private long lastDraw;

    private ProgressBar(PrintWriter err, int total, boolean visible) {
        this.err = err;
        this.total = total;
        this.visible = visible;
    }

    static ProgressBar forTerminal(PrintWriter err, int total) {
        return new ProgressBar(err, total, System.console() != null);
    }

    void advance(long objectBytes) {
        done++;
        bytes += objectBytes;
        long now = System.nanoTime();
        if (visible && (now - lastDraw > REDRAW_NANOS || done == total)) {
            lastDraw = now;
            int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
            double seconds = Math.max(1e-9, (now - start) / 1e9);
            err.printf("\r[%s%s] %d/%d objects  %.1f MiB/s", "#".repeat(filled), ".".repeat(WIDTH - filled), done,
                    total, bytes / 1048576.0 / seconds);
            err.flush();
        }
    }

    void finish() {
        if (visible) {
            err.println();
            err.flush();
        }
    }
}

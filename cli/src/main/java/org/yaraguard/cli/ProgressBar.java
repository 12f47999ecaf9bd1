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

    /** A bar for work whose total may be unknown at first: see {@link #draw}. */
    static ProgressBar forTerminal(PrintWriter err) {
        return forTerminal(err, 0);
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

    /**
     * Draws a bar for work counted elsewhere (the hunt): {@code total} -1 while unknown; with rate and, once the total is
     * known, the time left at the rate so far.
     */
    void draw(long doneObjects, long total, long doneBytes) {
        if (!visible) {
            return;
        }
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        double perSecond = doneObjects / seconds;
        int filled = total <= 0 ? 0 : (int) Math.min(WIDTH, WIDTH * doneObjects / total);
        String eta = total < 0 || perSecond <= 0 ? "ETA --:--" : "ETA " + clock((total - doneObjects) / perSecond);
        err.printf("\r[%s%s] %d/%s objects  %.0f/s  %.1f MiB/s  %s ", "#".repeat(filled), ".".repeat(WIDTH - filled),
                doneObjects, total < 0 ? "?" : Long.toString(total), perSecond, doneBytes / 1048576.0 / seconds, eta);
        err.flush();
    }

    private static String clock(double seconds) {
        long s = (long) Math.max(0, seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%02d:%02d", s / 60, s % 60);
    }

    void finish() {
        if (visible) {
            err.println();
            err.flush();
        }
    }
}

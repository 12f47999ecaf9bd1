package org.yaraguard.hunt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * How many objects this run will look at, for the progress bar's ETA: counted by a second, background listing when
 * every source lists cheaply (a directory walk reads no file), else left unknown. Only a number is kept.
 */
final class Remaining {

    private volatile long total = -1;

    /** -1 while unknown. */
    long total() {
        return total;
    }

    Thread countInBackground(List<StoredObjects> sources, Position from, Shard shard) {
        Thread thread = new Thread(() -> count(sources, from, shard), "yara-guard-hunt-count");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        if (sources.stream().allMatch(StoredObjects::listingIsCheap)) {
            thread.start();
        }
        return thread;
    }

    private void count(List<StoredObjects> sources, Position from, Shard shard) {
        long n = 0;
        try {
            for (int s = from == null ? 0 : from.source(); s < sources.size(); s++) {
                String after = from != null && from.source() == s ? from.key() : null;
                try (Stream<StoredObject> listing = sources.get(s).list(after)) {
                    Iterator<StoredObject> objects = listing.iterator();
                    while (objects.hasNext()) {
                        if (Thread.currentThread().isInterrupted()) {
                            return;
                        }
                        if (shard.contains(objects.next())) {
                            n++;
                        }
                    }
                }
            }
            total = n;
        } catch (IOException | UncheckedIOException e) {
            // The hunt's own listing meets the same trouble and reports it; the bar just shows no ETA.
        }
    }
}

package org.yaraguard.hunt;

/** Hears how far a hunt got, from one thread, every so often (the command line draws its progress bar from it). */
@FunctionalInterface
public interface HuntListener {

    /**
     * @param done     what this run has done so far (a resumed hunt starts from zero)
     * @param total    objects this run will look at in all, or -1 while still unknown (still being counted)
     */
    void progress(Counts done, long total);
}

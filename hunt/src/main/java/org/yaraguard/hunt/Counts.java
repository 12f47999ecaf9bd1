package org.yaraguard.hunt;

/**
 * What a hunt counted so far; one object adds one of these to the total.
 *
 * @param objects    objects judged (clean + hits)
 * @param older      objects whose StudyDate was before {@code --since}: read, not judged
 * @param notDicom   files that are not Part-10 DICOM: read, not judged
 * @param unreadable objects that could not be read
 */
public record Counts(long objects, long bytes, long clean, long hits, long trouble, long unreadable, long notDicom,
                     long older) {

    public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0);

    public Counts plus(Counts o) {
        return new Counts(objects + o.objects, bytes + o.bytes, clean + o.clean, hits + o.hits, trouble + o.trouble,
                unreadable + o.unreadable, notDicom + o.notDicom, older + o.older);
    }

    /** Objects looked at in any way: judged, skipped or failed. */
    public long seen() {
        return objects + unreadable + notDicom + older;
    }

    static Counts unreadableOne() {
        return new Counts(0, 0, 0, 0, 0, 1, 0, 0);
    }

    static Counts notDicomOne() {
        return new Counts(0, 0, 0, 0, 0, 0, 1, 0);
    }

    static Counts olderOne() {
        return new Counts(0, 0, 0, 0, 0, 0, 0, 1);
    }

    static Counts judged(long bytes, boolean hit, boolean trouble) {
        return new Counts(1, bytes, hit ? 0 : 1, hit ? 1 : 0, trouble ? 1 : 0, 0, 0, 0);
    }
}

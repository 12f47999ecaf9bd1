package org.yaraguard.review;

import java.util.List;

/**
 * What a reviewer sees of one entry: the verdict and, for a quarantined object, bounded hex views of its head and
 * of the bytes around each match.
 *
 * @param head    the preamble (Part-10) or the first bytes of a bare dataset; null for a stored object
 * @param matched windows around match offsets, at most {@link HexViews#MAX_WINDOWS}
 * @param notes   remarks for the reviewer (offsets that could not be placed, windows left out)
 */
public record EntryDetail(ReviewEntry entry, ByteWindow head, List<ByteWindow> matched, List<String> notes) {

    /** Defensive copies. */
    public EntryDetail {
        matched = List.copyOf(matched);
        notes = List.copyOf(notes);
    }
}

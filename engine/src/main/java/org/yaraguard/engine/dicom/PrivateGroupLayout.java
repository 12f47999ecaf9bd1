package org.yaraguard.engine.dicom;

import java.util.List;

/**
 * Group 0077 of the top-level dataset as the walk read it: enough to insert a private block in tag order without
 * reading the object again. Offsets are in the dataset as walked: in the object itself, or for a deflated dataset in
 * its inflated bytes.
 *
 * @param datasetStart where the dataset starts in the object (for a deflated dataset: where its deflate stream starts)
 * @param explicitVr   whether element headers carry their VR
 * @param bigEndian    whether tags and lengths are big endian
 * @param deflated     whether the dataset is a deflate stream
 * @param elements     the top-level elements of group 0077 in stream order
 * @param next         offset of the first top-level element after group 0077 in tag order, or -1 when there is none
 * @param end          where the top-level dataset ends, or -1 when the walk did not reach its end
 */
public record PrivateGroupLayout(long datasetStart, boolean explicitVr, boolean bigEndian, boolean deflated,
        List<Element> elements, long next, long end) {

    /** The group the layout describes. */
    public static final int GROUP = 0x0077;

    public PrivateGroupLayout {
        elements = List.copyOf(elements);
    }

    /** Nothing known: the dataset was not walked. */
    static PrivateGroupLayout unknown() {
        return new PrivateGroupLayout(-1, true, false, false, List.of(), -1, -1);
    }

    /**
     * One top-level element of group 0077.
     *
     * @param tag     its tag
     * @param offset  where its header starts
     * @param end     where the next top-level element (or the dataset end) starts, -1 when unknown
     * @param creator the value of a private creator element (0077,0010–00FF), trimmed, else null
     */
    public record Element(int tag, long offset, long end, String creator) {
    }
}

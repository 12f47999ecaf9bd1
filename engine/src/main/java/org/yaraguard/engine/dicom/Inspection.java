package org.yaraguard.engine.dicom;

import java.util.List;

/**
 * What {@link DicomInspector} found in one object.
 *
 * @param part10               true when the object starts with a 128-byte preamble and "DICM"
 * @param transferSyntaxUid    transfer syntax the dataset was read with (declared, hinted or detected), or null
 * @param encapsulatedMimeType MIME Type of Encapsulated Document (0042,0012) at top level, or null
 * @param attributes           the review attributes, never null
 * @param regions              regions worth scanning on their own, in the order found
 * @param anomalies            anomalies in the order found
 */
public record Inspection(boolean part10, String transferSyntaxUid, String encapsulatedMimeType,
        ReviewAttributes attributes, List<Region> regions, List<Anomaly> anomalies) {

    public Inspection {
        attributes = attributes == null ? ReviewAttributes.empty() : attributes;
        regions = regions == null ? List.of() : List.copyOf(regions);
        anomalies = anomalies == null ? List.of() : List.copyOf(anomalies);
    }
}

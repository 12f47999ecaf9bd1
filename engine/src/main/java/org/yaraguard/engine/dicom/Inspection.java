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
 * @param privateGroup         group 0077 of the top-level dataset, where a private block can be inserted
 * @param release              frees the memory of the derived views (and returns it to the shared budget); run once
 */
public record Inspection(boolean part10, String transferSyntaxUid, String encapsulatedMimeType,
        ReviewAttributes attributes, List<Region> regions, List<Anomaly> anomalies,
        PrivateGroupLayout privateGroup, Runnable release)
        implements AutoCloseable {

    public Inspection {
        attributes = attributes == null ? ReviewAttributes.empty() : attributes;
        regions = regions == null ? List.of() : List.copyOf(regions);
        anomalies = anomalies == null ? List.of() : List.copyOf(anomalies);
        privateGroup = privateGroup == null ? PrivateGroupLayout.unknown() : privateGroup;
        release = release == null ? () -> { } : release;
    }

    /** True when some anomaly means the inspection is incomplete. */
    public boolean incomplete() {
        return anomalies.stream().anyMatch(Anomaly::incomplete);
    }

    /** Frees the derived views at once instead of when the GC gets to them; the regions must not be used after. */
    @Override
    public void close() {
        release.run();
    }
}

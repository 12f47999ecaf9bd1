package org.yaraguard.interceptor.arc;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import org.dcm4che3.data.Attributes;
import org.dcm4che3.data.VR;
import org.yaraguard.interceptor.guard.BulkDataset;

/**
 * The bulk values of an attribute-based store worth scanning, gathered into a {@link BulkDataset}: the Encapsulated
 * Document (0042,0011) and top-level private binary values of 256 bytes or more, with the reviewer attributes.
 * Values held as bulk-data references are read through the archive's Attributes (which reads the referenced file);
 * one that cannot be read is recorded as unreadable, which the guard judges as an incomplete inspection.
 * Private values inside sequences are not reached: only the top level is enumerated.
 */
final class BulkValues {

    private static final Logger LOG = System.getLogger("org.yaraguard");
    private static final int ENCAPSULATED_DOCUMENT = 0x00420011;
    private static final int PRIVATE_VALUE_MIN_BYTES = 256;
    private static final Set<VR> BINARY = Set.of(VR.OB, VR.OD, VR.OF, VR.OL, VR.OV, VR.OW, VR.UN);
    /** The reviewer attributes and the MIME type of the document, so rules and reviewers see them as usual. */
    private static final List<Text> TEXT = List.of(new Text(0x00080016, "UI"), new Text(0x00080018, "UI"),
            new Text(0x00080020, "DA"), new Text(0x00080050, "SH"), new Text(0x00080060, "CS"),
            new Text(0x00100010, "PN"), new Text(0x00100020, "LO"), new Text(0x0020000D, "UI"),
            new Text(0x0020000E, "UI"), new Text(0x00420012, "LO"));

    private record Text(int tag, String vr) {
    }

    private BulkValues() {
    }

    static BulkDataset of(Attributes attributes) {
        BulkDataset dataset = new BulkDataset();
        for (Text text : TEXT) {
            dataset.text(text.tag(), text.vr(), attributes.getString(text.tag()));
        }
        for (int tag : attributes.tags()) {
            if (tag == ENCAPSULATED_DOCUMENT || isPrivateValue(tag) && BINARY.contains(attributes.getVR(tag))) {
                byte[] value = read(attributes, tag, dataset);
                if (value != null && (tag == ENCAPSULATED_DOCUMENT || value.length >= PRIVATE_VALUE_MIN_BYTES)) {
                    dataset.bytes(tag, tag == ENCAPSULATED_DOCUMENT ? "OB" : attributes.getVR(tag).name(), value);
                }
            }
        }
        return dataset;
    }

    /** Private data elements: odd group, element 0x1000 and above (0x0010–0x00FF are private creators). */
    private static boolean isPrivateValue(int tag) {
        return (tag & 0x00010000) != 0 && (tag & 0xFFFF) >= 0x1000;
    }

    /** The value, or null after recording in {@code dataset} that it could not be read (never a silent skip). */
    private static byte[] read(Attributes attributes, int tag, BulkDataset dataset) {
        try {
            return attributes.getBytes(tag);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "YARA Guard cannot read bulk value {0} of an attribute-based store: {1}",
                    String.format("%08X", tag), e.toString());
            dataset.unreadable(tag, "could not be read (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }
}

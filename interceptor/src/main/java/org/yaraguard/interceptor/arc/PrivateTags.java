package org.yaraguard.interceptor.arc;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import org.dcm4che3.data.Attributes;
import org.dcm4che3.data.VR;
import org.yaraguard.engine.dicom.DicomInspector;
import org.yaraguard.engine.dicom.Framing;
import org.yaraguard.engine.dicom.Inspection;
import org.yaraguard.engine.dicom.InspectionLimits;
import org.yaraguard.engine.spool.SpooledObject;
import org.yaraguard.engine.tagging.BlockPlacement;
import org.yaraguard.engine.tagging.PrivateBlock;
import org.yaraguard.interceptor.guard.Ruling;

/**
 * Our private attributes on a tagged object, under private creator {@value PrivateBlock#CREATOR} in group 0077,
 * added two ways: inserted into the stream the archive stores (the only way they reach the stored file, WADO-RS
 * and the archive's attribute filters: the archive writes the file before it calls any coercion consumer), and set
 * through the coercion consumer (so that the same store's access-control and coercion rules can match them).
 */
final class PrivateTags {

    private static final Logger LOG = System.getLogger("org.yaraguard");
    static final String CREATOR = PrivateBlock.CREATOR;
    private static final int GROUP = PrivateBlock.GROUP << 16;
    /** CS: the verdict's action, "TAG". */
    static final int ACTION = GROUP | 0x0010;
    /** LO, multi-valued: the names of the rules that decided the verdict. */
    static final int RULES = GROUP | 0x0011;
    /** LO: the rule set id (SHA-256 over the rules folder). */
    static final int RULE_SET = GROUP | 0x0012;
    /** LO: the SHA-256 of the object as received. */
    static final int OBJECT_SHA256 = GROUP | 0x0013;
    private static final int LO_MAX = 64;
    /** Re-reads a tagged object for the place of the block; tagged objects are few, so this walk is rare. */
    private static final DicomInspector INSPECTOR = new DicomInspector(InspectionLimits.defaults());

    private PrivateTags() {
    }

    static void add(Attributes attributes, Ruling ruling) {
        attributes.setString(CREATOR, ACTION, VR.CS, ruling.verdict().action().name());
        List<String> rules = ruling.verdict().decisiveRules().stream()
                .map(rule -> rule.length() > LO_MAX ? rule.substring(0, LO_MAX) : rule).toList();
        if (!rules.isEmpty()) {
            attributes.setString(CREATOR, RULES, VR.LO, rules.toArray(String[]::new));
        }
        if (ruling.verdict().ruleSetId() != null) {
            attributes.setString(CREATOR, RULE_SET, VR.LO, ruling.verdict().ruleSetId());
        }
        if (ruling.verdict().sha256() != null) {
            attributes.setString(CREATOR, OBJECT_SHA256, VR.LO, ruling.verdict().sha256());
        }
    }

    /**
     * The spooled object with our block inserted in its top-level dataset, everything else as received; or, when
     * the object leaves no safe place for it (logged), the object as received.
     *
     * @param transferSyntax the transfer syntax of a bare dataset (the association's), else ignored
     */
    static InputStream inserted(SpooledObject object, Ruling ruling, Framing framing, String transferSyntax)
            throws IOException {
        PrivateBlock block = new PrivateBlock(ruling.verdict().action().name(), ruling.verdict().decisiveRules(),
                ruling.verdict().ruleSetId(), ruling.verdict().sha256());
        Optional<BlockPlacement> placement;
        try (Inspection inspection = INSPECTOR.inspect(object.bytes(), framing, transferSyntax)) {
            placement = BlockPlacement.of(inspection.privateGroup(), block);
        } catch (RuntimeException e) {
            // The object was judged and is to be stored: a fault of ours in placing the block must not lose it.
            LOG.log(Level.WARNING, "YARA Guard could not place its private block in tagged object {0}: {1}",
                    ruling.verdict().sha256(), e.toString());
            placement = Optional.empty();
        }
        if (placement.isEmpty()) {
            LOG.log(Level.WARNING, "YARA Guard found no place for its private block in tagged object {0}: the"
                    + " archive stores it as received, tagged only for the rules of this store",
                    ruling.verdict().sha256());
            return object.openStream();
        }
        return placement.get().apply(object.openStream());
    }
}

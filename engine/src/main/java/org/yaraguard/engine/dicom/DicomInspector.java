package org.yaraguard.engine.dicom;

import java.nio.ByteBuffer;
import java.util.regex.Pattern;

/**
 * Bounded, defensive reader of one DICOM object (Part-10 file or bare dataset): finds the regions worth scanning,
 * structural anomalies and the attributes a reviewer needs. Thread-safe; never throws on hostile input.
 *
 * <p>Regions: "preamble" (always, for Part-10), "encapsulated_document" (every (0042,0011) value, at any depth),
 * "private_value" (every non-sequence value of an odd group of at least privateValueMinBytes, whatever its VR,
 * at any depth, fragments of encapsulated private values included), "trailing_data" (bytes from where the walk
 * had to stop to the end, and bytes after the end of a deflate stream), "inflated_dataset". Reading stops at the
 * first structural problem; see {@link DatasetWalk} for the exact rules. The review attributes and the MIME type
 * come from the top level of the dataset only (the inflated one for deflated objects), with the file meta as
 * fallback for SOP Class/Instance UID.
 */
public final class DicomInspector {

    private static final System.Logger LOG = System.getLogger(DicomInspector.class.getName());

    /** A hint may come from a remote peer (the presentation context): only a well-formed UID is used. */
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final int MAX_UID_LENGTH = 64;

    private final InspectionLimits limits;

    public DicomInspector(InspectionLimits limits) {
        if (limits == null) {
            throw new IllegalArgumentException("limits must not be null");
        }
        this.limits = limits;
    }

    /**
     * Inspects bytes[position, limit) as {@link Framing#DETECT}; kept until every caller passes its framing.
     *
     * @see #inspect(ByteBuffer, Framing, String)
     */
    public Inspection inspect(ByteBuffer bytes, String transferSyntaxHint) {
        return inspect(bytes, Framing.DETECT, transferSyntaxHint);
    }

    /**
     * Inspects bytes[position, limit) without moving the caller's position or copying the object.
     *
     * @param bytes              a Part-10 file or a bare dataset (heap, direct or mapped)
     * @param framing            how the object arrived, which decides whether it may start with a preamble
     * @param transferSyntaxHint transfer syntax UID of a bare dataset (e.g. the presentation context's), or null
     *                           (or anything that is not a UID) to detect it from the first element; ignored for
     *                           Part-10 files
     */
    public Inspection inspect(ByteBuffer bytes, Framing framing, String transferSyntaxHint) {
        Observations observations = new Observations();
        try {
            if (bytes == null || framing == null) {
                observations.anomaly(Anomaly.Kind.MALFORMED, "no bytes to inspect", -1);
            } else {
                read(bytes.slice().asReadOnlyBuffer(), framing, transferSyntaxHint, observations);
            }
        } catch (RuntimeException e) {
            // The readers check every index before use; reaching this is a bug of ours, not a verdict on the input.
            LOG.log(System.Logger.Level.WARNING, "DICOM inspection stopped by an internal error", e);
            observations.anomaly(Anomaly.Kind.MALFORMED, "inspection stopped by an internal error: "
                    + e.getClass().getSimpleName(), -1);
        }
        return observations.inspection();
    }

    private void read(ByteBuffer bytes, Framing framing, String transferSyntaxHint, Observations observations) {
        switch (framing) {
            case BARE -> bare(bytes, transferSyntaxHint, observations);
            case PART10 -> {
                if (Preamble.isPart10(bytes)) {
                    part10(bytes, Preamble.PREFIX_END, observations);
                } else {
                    withoutPreamble(bytes, observations);
                }
            }
            case DETECT -> {
                if (Preamble.hasDicmPrefix(bytes)) {
                    part10(bytes, Preamble.PREFIX_END, observations);
                } else {
                    bare(bytes, transferSyntaxHint, observations);
                }
            }
        }
    }

    private void part10(ByteBuffer bytes, int metaStart, Observations observations) {
        observations.part10(true);
        if (metaStart > 0) {
            Preamble.inspect(bytes, observations);
        }
        long metaEnd = DatasetWalk.fileMeta(bytes, metaStart, limits, observations);
        if (metaEnd < 0) {
            return;
        }
        String declared = observations.metaTransferSyntaxUid();
        Syntax syntax;
        if (declared == null) {
            observations.anomaly(Anomaly.Kind.MALFORMED, "file meta information has no transfer syntax UID",
                    metaStart);
            syntax = Syntax.detect(bytes, (int) metaEnd);
        } else {
            syntax = Syntax.forUid(declared);
        }
        dataset(bytes, (int) metaEnd, syntax, observations);
    }

    /**
     * A Part-10 object without "DICM" after 128 bytes: dcm4che's DicomInputStream (guessTransferSyntax) then reads
     * from offset 0, file meta first when the object starts with group 0002.
     */
    private void withoutPreamble(ByteBuffer bytes, Observations observations) {
        if (Preamble.startsWithFileMeta(bytes)) {
            observations.anomaly(Anomaly.Kind.NO_PREAMBLE, "Part-10 object without preamble: file meta read from"
                    + " offset 0", 0);
            part10(bytes, 0, observations);
        } else {
            observations.anomaly(Anomaly.Kind.SYNTAX_GUESSED, "Part-10 object with neither preamble nor file meta:"
                    + " its transfer syntax is guessed, and dcm4che guesses with its dictionary", 0);
            bare(bytes, null, observations);
        }
    }

    private void bare(ByteBuffer bytes, String transferSyntaxHint, Observations observations) {
        dataset(bytes, 0, isUid(transferSyntaxHint) ? Syntax.forUid(transferSyntaxHint) : Syntax.detect(bytes, 0),
                observations);
    }

    private void dataset(ByteBuffer bytes, int datasetStart, Syntax syntax, Observations observations) {
        observations.transferSyntaxUid(syntax.uid());
        observations.datasetStart(datasetStart, syntax);
        if (syntax.deflated()) {
            ByteBuffer inflated = DeflatedDataset.inflate(bytes, datasetStart, limits.maxInflatedBytes(),
                    observations);
            if (inflated.hasRemaining()) {
                observations.region(Region.INFLATED_DATASET, inflated, -1, -1);
            }
            DatasetWalk.dataset(inflated, 0, Syntax.EXPLICIT_LE, true, limits, observations);
        } else {
            DatasetWalk.dataset(bytes, datasetStart, syntax, false, limits, observations);
        }
    }

    private static boolean isUid(String text) {
        return text != null && text.length() <= MAX_UID_LENGTH && UID.matcher(text).matches();
    }
}

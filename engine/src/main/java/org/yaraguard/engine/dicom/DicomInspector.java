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

    /** Filtered streams decoded per encapsulated PDF; more make the inspection incomplete. */
    static final int MAX_PDF_STREAMS = 1_000;

    private final InspectionLimits limits;
    private final DerivedMemory memory;

    /** An inspector whose derived views share the budget of every inspector in this JVM. */
    public DicomInspector(InspectionLimits limits) {
        this(limits, DerivedMemory.shared());
    }

    DicomInspector(InspectionLimits limits, DerivedMemory memory) {
        if (limits == null || memory == null) {
            throw new IllegalArgumentException("limits and memory must not be null");
        }
        this.limits = limits;
        this.memory = memory;
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
        Observations observations = new Observations(new DerivedViews(memory));
        try {
            if (bytes == null || framing == null) {
                observations.anomaly(Anomaly.Kind.MALFORMED, "no bytes to inspect", -1);
            } else {
                read(bytes.slice().asReadOnlyBuffer(), framing, transferSyntaxHint, observations);
                decodePdfStreams(observations);
            }
        } catch (RuntimeException e) {
            // The readers check every index before use; reaching this is a bug of ours, not a verdict on the input.
            LOG.log(System.Logger.Level.WARNING, "DICOM inspection stopped by an internal error", e);
            observations.anomaly(Anomaly.Kind.INTERNAL_ERROR, "inspection stopped by an internal error: "
                    + e.getClass().getSimpleName(), -1);
        } catch (OutOfMemoryError e) {
            observations.anomaly(Anomaly.Kind.NO_MEMORY, "inspection stopped: out of memory", -1);
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
        DatasetWalk.MetaEnd meta = DatasetWalk.fileMeta(bytes, metaStart, limits, observations);
        if (meta.end() < 0) {
            return;
        }
        int datasetStart = (int) meta.end();
        String declared = observations.metaTransferSyntaxUid();
        Syntax syntax = declared == null ? withoutTransferSyntax(bytes, metaStart, datasetStart, observations)
                : Syntax.forUid(declared);
        checkMetaLength(bytes, meta, syntax, observations);
        dataset(bytes, datasetStart, syntax, observations);
    }

    /**
     * No (0002,0010): dcm4che's readFileMetaInformation logs "Missing Transfer Syntax (0002,0010) - assume Explicit
     * Little Endian" and reads so; other readers (DCMTK) detect the syntax. The explicit reading is the archive's
     * and is the one reported, unless it ends in a length past the end of the object: there dcm4che's readValue
     * throws and the archive stores nothing, so the detected reading (what any other reader sees) is reported.
     */
    private Syntax withoutTransferSyntax(ByteBuffer bytes, int metaStart, int datasetStart,
            Observations observations) {
        Syntax detected = Syntax.detect(bytes, datasetStart);
        Syntax syntax = Syntax.EXPLICIT_LE;
        if (!detected.equals(Syntax.EXPLICIT_LE)) {
            DerivedViews trialViews = new DerivedViews(memory);
            Observations trial = new Observations(trialViews);
            DatasetWalk.dataset(bytes, datasetStart, Syntax.EXPLICIT_LE, false, limits, trial);
            trialViews.close();
            boolean dcm4cheFails = trial.incomplete() && trial.incompleteOnlyBy(Anomaly.Kind.LENGTH_PAST_END);
            syntax = dcm4cheFails ? detected : Syntax.EXPLICIT_LE;
        }
        observations.anomaly(Anomaly.Kind.NO_TRANSFER_SYNTAX, "file meta information has no transfer syntax UID;"
                + (syntax == Syntax.EXPLICIT_LE ? " the dataset is read as explicit VR little endian, as dcm4che"
                        + " reads it" : " dcm4che cannot read the dataset as explicit VR little endian and stores"
                        + " nothing; it is read as " + syntax.uid() + ", as other readers detect it"), metaStart);
        return syntax;
    }

    /**
     * A group length that disagrees with where group 0002 ends: dcm4che and other readers split meta and dataset
     * differently there (too short: the rest of group 0002 is read in the dataset's syntax; too long: some readers
     * take dataset elements for meta), so such an object is incomplete.
     */
    private static void checkMetaLength(ByteBuffer bytes, DatasetWalk.MetaEnd meta, Syntax syntax,
            Observations observations) {
        if (meta.declaredEnd() < 0) {
            return;
        }
        // After a deflated dataset's meta the bytes are compressed: 02 00 there is not an element of group 0002.
        boolean moreMeta = !syntax.deflated() && bytes.limit() - meta.end() >= 2
                && bytes.get((int) meta.end()) == 2 && bytes.get((int) meta.end() + 1) == 0;
        if (meta.end() != meta.declaredEnd() || moreMeta) {
            observations.anomaly(Anomaly.Kind.META_LENGTH_MISMATCH, "file meta group length declares its end at"
                    + " offset " + meta.declaredEnd() + " but group 0002 ends at offset "
                    + (moreMeta ? "after " : "") + meta.end(), meta.end());
        }
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

    /** Every encapsulated document that is a PDF gets its filtered streams decoded, each a "pdf_stream" view. */
    private void decodePdfStreams(Observations observations) {
        boolean declaredPdf = "application/pdf".equalsIgnoreCase(observations.mimeType());
        for (ByteBuffer document : observations.documents()) {
            if (!declaredPdf && !PdfStreams.startsLikePdf(document)) {
                continue;
            }
            PdfStreams.Decoded decoded = PdfStreams.decode(document, limits.maxInflatedBytes(), MAX_PDF_STREAMS,
                    observations.views()::allocate);
            for (ByteBuffer stream : decoded.streams()) {
                observations.region(Region.PDF_STREAM, stream.asReadOnlyBuffer(), -1, Tags.ENCAPSULATED_DOCUMENT);
            }
            if (decoded.incomplete() != null) {
                observations.anomaly(Anomaly.Kind.PDF_NOT_DECODED, "encapsulated PDF not fully decoded: "
                        + decoded.incomplete(), -1);
            }
        }
    }

    private static boolean isUid(String text) {
        return text != null && text.length() <= MAX_UID_LENGTH && UID.matcher(text).matches();
    }
}

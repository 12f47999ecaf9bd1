package org.yaraguard.engine.dicom;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** What one inspection has found so far; filled by the walkers, turned into an {@link Inspection} at the end. */
final class Observations {

    /**
     * Regions beyond this many are not listed (the whole object is still scanned by the caller), which makes the
     * inspection incomplete: a derived view past the cap would never be scanned.
     */
    static final int MAX_REGIONS = 10_000;
    /** The walk stops at its first structural problem, so only a handful of anomalies can occur; this is a backstop. */
    static final int MAX_ANOMALIES = 64;
    private static final int MAX_UID_CHARS = 64;
    private static final int MAX_TEXT_CHARS = 64;
    private static final int MAX_PERSON_NAME_CHARS = 324;

    private final DerivedViews views;
    private final List<Region> regions = new ArrayList<>();
    /** Encapsulated documents as read (whole values, fragments joined), for PDF stream decoding after the walk. */
    private final List<ByteBuffer> documents = new ArrayList<>();
    private final List<Anomaly> anomalies = new ArrayList<>();
    private boolean regionsCapped;
    private long elements;
    private boolean part10;
    private String transferSyntaxUid;
    private String mimeType;
    private boolean utf8;
    private String metaSopClassUid;
    private String metaSopInstanceUid;
    private String metaTransferSyntaxUid;
    private String sopClassUid;
    private String sopInstanceUid;
    private String studyInstanceUid;
    private String seriesInstanceUid;
    private String patientId;
    private String patientName;
    private String studyDate;
    private String modality;
    private String accessionNumber;
    private final PrivateGroupWatch privateGroup = new PrivateGroupWatch();
    private String numberOfFrames;

    Observations(DerivedViews views) {
        this.views = views;
    }

    /** Where the derived views of this inspection get their memory. */
    DerivedViews views() {
        return views;
    }

    /** An encapsulated document (0042,0011) as a reader sees it whole: its value, or its fragments joined. */
    void document(ByteBuffer bytes) {
        documents.add(bytes);
    }

    List<ByteBuffer> documents() {
        return documents;
    }

    String mimeType() {
        return mimeType;
    }

    /** Number of Frames (0028,0008) at top level, or -1 when absent or not a number. */
    long numberOfFrames() {
        if (numberOfFrames == null) {
            return -1;
        }
        try {
            return Long.parseLong(numberOfFrames.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    void part10(boolean value) {
        part10 = value;
    }

    void transferSyntaxUid(String uid) {
        transferSyntaxUid = uid;
    }

    String metaTransferSyntaxUid() {
        return metaTransferSyntaxUid;
    }

    /** Counts one element header; false once the count passes the limit. */
    boolean countElement(int maxElements) {
        elements++;
        return elements <= maxElements;
    }

    void region(String name, ByteBuffer bytes, long offset, int tag) {
        if (regions.size() < MAX_REGIONS) {
            regions.add(new Region(name, bytes, offset, tag));
        } else if (!regionsCapped) {
            regionsCapped = true;
            anomaly(Anomaly.Kind.TOO_MANY_REGIONS, "more than " + MAX_REGIONS
                    + " regions; the rest are not scanned on their own", offset);
        }
    }

    int regionCount() {
        return regions.size();
    }

    /** Forgets the slices of the object reported from index first on (derived views are kept). */
    void dropSlicesFrom(int first) {
        regions.subList(first, regions.size()).removeIf(region -> !region.derived());
    }

    void anomaly(Anomaly.Kind kind, String detail, long offset) {
        if (anomalies.size() < MAX_ANOMALIES) {
            anomalies.add(new Anomaly(kind, detail, offset));
        }
    }

    boolean incomplete() {
        return anomalies.stream().anyMatch(Anomaly::incomplete);
    }

    /** True when every incomplete anomaly so far is of the given kind. */
    boolean incompleteOnlyBy(Anomaly.Kind kind) {
        return anomalies.stream().filter(Anomaly::incomplete).allMatch(a -> a.kind() == kind);
    }

    /** Records a file meta element (group 0002) if it is one we keep. */
    void metaElement(int tag, ByteBuffer bytes, int start, long length) {
        switch (tag) {
            case Tags.MEDIA_STORAGE_SOP_CLASS_UID -> metaSopClassUid = decoded(bytes, start, length, MAX_UID_CHARS);
            case Tags.MEDIA_STORAGE_SOP_INSTANCE_UID -> metaSopInstanceUid = decoded(bytes, start, length,
                    MAX_UID_CHARS);
            case Tags.TRANSFER_SYNTAX_UID -> metaTransferSyntaxUid = decoded(bytes, start, length, MAX_UID_CHARS);
            default -> {
            }
        }
    }

    /** Where the dataset starts and how it is encoded, for {@link PrivateGroupLayout}. */
    void datasetStart(long offset, Syntax syntax) {
        privateGroup.start(offset, syntax);
    }

    /** The header of a top-level dataset element starts at offset (inflated offset for a deflated dataset). */
    void topLevelElement(int tag, long offset) {
        privateGroup.element(tag, offset);
    }

    /** The walk reached the end of the top-level dataset at offset. */
    void datasetEnd(long offset) {
        privateGroup.end(offset);
    }

    /** Records a top-level dataset element if it is one we keep; the last occurrence wins. */
    void datasetElement(int tag, ByteBuffer bytes, int start, long length) {
        if (privateGroup.isCreator(tag)) {
            privateGroup.creator(tag, AttributeText.decode(bytes, start, length, MAX_TEXT_CHARS, false));
        }
        switch (tag) {
            case Tags.SPECIFIC_CHARACTER_SET -> {
                String charset = AttributeText.decode(bytes, start, length, MAX_TEXT_CHARS, false);
                // ISO_IR 192 is UTF-8; every other repertoire decodes safely (if not prettily) as ISO-8859-1.
                utf8 = charset != null && charset.contains("ISO_IR 192");
            }
            case Tags.SOP_CLASS_UID -> sopClassUid = decoded(bytes, start, length, MAX_UID_CHARS);
            case Tags.SOP_INSTANCE_UID -> sopInstanceUid = decoded(bytes, start, length, MAX_UID_CHARS);
            case Tags.STUDY_INSTANCE_UID -> studyInstanceUid = decoded(bytes, start, length, MAX_UID_CHARS);
            case Tags.SERIES_INSTANCE_UID -> seriesInstanceUid = decoded(bytes, start, length, MAX_UID_CHARS);
            case Tags.PATIENT_ID -> patientId = decoded(bytes, start, length, MAX_TEXT_CHARS);
            case Tags.PATIENT_NAME -> patientName = decoded(bytes, start, length, MAX_PERSON_NAME_CHARS);
            case Tags.STUDY_DATE -> studyDate = decoded(bytes, start, length, MAX_TEXT_CHARS);
            case Tags.MODALITY -> modality = decoded(bytes, start, length, MAX_TEXT_CHARS);
            case Tags.ACCESSION_NUMBER -> accessionNumber = decoded(bytes, start, length, MAX_TEXT_CHARS);
            case Tags.MIME_TYPE_OF_ENCAPSULATED_DOCUMENT -> mimeType = decoded(bytes, start, length, MAX_TEXT_CHARS);
            case Tags.NUMBER_OF_FRAMES -> numberOfFrames = decoded(bytes, start, length, MAX_TEXT_CHARS);
            default -> {
            }
        }
    }

    Inspection inspection() {
        ReviewAttributes attributes = new ReviewAttributes(
                sopClassUid != null ? sopClassUid : metaSopClassUid,
                sopInstanceUid != null ? sopInstanceUid : metaSopInstanceUid,
                studyInstanceUid, seriesInstanceUid, patientId, patientName, studyDate, modality, accessionNumber);
        return new Inspection(part10, transferSyntaxUid, mimeType, attributes, regions, anomalies,
                privateGroup.layout(), views::close);
    }

    /** A repeated tag replaces the earlier value, as in dcm4che's Attributes: the archive keeps the last one. */
    private String decoded(ByteBuffer bytes, int start, long length, int maxChars) {
        return AttributeText.decode(bytes, start, length, maxChars, utf8);
    }
}

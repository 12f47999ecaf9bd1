package org.yaraguard.interceptor.arc;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dcm4che3.data.Attributes;
import org.dcm4che3.io.DicomOutputStream;
import org.yaraguard.engine.spool.SpooledObject;
import org.yaraguard.interceptor.guard.Guard;

/**
 * The whole dataset of an attribute-based store (STOW-RS metadata with bulk data, rejection notes, HL7-made reports,
 * copies), encoded by the archive's own dcm4che as the Part-10 file the archive itself writes from it: every
 * attribute, sequences and bulk data (read from their references) included, no length limit of our own. Scanned
 * and, when refused, quarantined as such, so that a released entry is the object that was sent.
 *
 * @param object     the encoded file, spooled (as far as it could be encoded)
 * @param unreadable why the dataset could not be encoded to its end, or empty
 */
record EncodedDataset(SpooledObject object, List<String> unreadable) {

    /** Explicit VR Little Endian: what the hook encodes with; the archive may store another syntax. */
    static final String TRANSFER_SYNTAX = "1.2.840.10008.1.2.1";

    /**
     * Encodes into a private file in the spool folder, spools that and removes the file. An encoding failure (e.g. a
     * bulk data file that is gone) keeps what was written and says why; a failure of the spool folder throws.
     */
    static EncodedDataset spool(Guard guard, Attributes attributes) throws IOException {
        Path folder = Files.createDirectories(guard.settings().spoolDir());
        Path file = Files.createTempFile(folder, "attributes-", ".dcm");
        try {
            List<String> unreadable = List.of();
            try (OutputStream bytes = new BufferedOutputStream(Files.newOutputStream(file))) {
                try (DicomOutputStream out = new DicomOutputStream(bytes, TRANSFER_SYNTAX)) {
                    out.writeDataset(attributes.createFileMetaInformation(TRANSFER_SYNTAX), attributes);
                } catch (IOException | RuntimeException e) {
                    unreadable = List.of("of the dataset could not be encoded by the archive's DicomOutputStream ("
                            + e.getClass().getSimpleName() + ")");
                }
            }
            try (InputStream in = Files.newInputStream(file)) {
                return new EncodedDataset(guard.spool(in), unreadable);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

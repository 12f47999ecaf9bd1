package org.yaraguard.cli.smoke;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import org.yaraguard.rules.samples.DicomElement;
import org.yaraguard.rules.samples.Part10File;
import org.yaraguard.rules.samples.SampleCatalog;
import org.yaraguard.rules.samples.Uids;

/**
 * The harmless EICAR test object the smoke test sends, with a SOP Instance UID of its own so that an entry left in the
 * quarantine by an earlier run cannot pass for this one.
 *
 * @param file         the Part-10 file written
 * @param sopInstanceUid its fresh SOP Instance UID
 * @param hashes       SHA-256 (lowercase hex) of the whole file and of its dataset alone: C-STORE carries the
 *                     dataset without preamble and file meta, STOW-RS the whole file
 */
public record SmokeSample(Path file, String sopInstanceUid, Set<String> hashes) {

    private static final int SOP_INSTANCE_UID = 0x00080018;
    private static final int MEDIA_SOP_INSTANCE_UID = 0x00020003;
    /** Preamble, "DICM", then (0002,0000) UL: tag 4 + VR 2 + length 2 bytes before its 4-byte value. */
    private static final int GROUP_LENGTH_VALUE = Part10File.PREAMBLE_LENGTH + 4 + 8;

    /** Writes the sample into {@code folder} (DCMTK makes its base image). */
    public static SmokeSample write(Path folder) throws IOException {
        Path work = Files.createDirectories(folder.resolve("dcmtk"));
        String uid = new Uids(new SecureRandom().nextLong()).next();
        byte[] bytes = Part10File.read(new SampleCatalog(work).eicarInComments())
                .with(DicomElement.uid(SOP_INSTANCE_UID, uid))
                .with(DicomElement.uid(MEDIA_SOP_INSTANCE_UID, uid))
                .toBytes();
        Path file = folder.resolve("yara-guard-smoke-eicar.dcm");
        Files.write(file, bytes);
        return new SmokeSample(file, uid, Set.of(sha256(bytes, 0), sha256(bytes, datasetOffset(bytes))));
    }

    /** Where the dataset starts: after the file meta group, whose length the group length element gives. */
    static int datasetOffset(byte[] part10) {
        long metaLength = ByteBuffer.wrap(part10, GROUP_LENGTH_VALUE, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()
                & 0xFFFFFFFFL;
        return Math.toIntExact(GROUP_LENGTH_VALUE + 4 + metaLength);
    }

    static String sha256(byte[] bytes, int from) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, from, bytes.length - from);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

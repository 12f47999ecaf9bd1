package org.yaraguard.it.archive.store;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.dcm4che3.data.Attributes;
import org.dcm4che3.data.VR;
import org.dcm4chee.arc.store.StoreSession;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Test code: the stand-in archive's storage. Objects are written under random ids (never a name taken from the
 * object), and each store writes a JSON record the tests read: entry point, sender, size and SHA-256 of the bytes
 * the archive was handed, the attributes the coercion consumer added or changed (what later steps of the same
 * store see), and the attributes the database keeps (only those of the configured instance attribute filter,
 * {@value #FILTER_PROPERTY}: hexadecimal tags separated by commas). Beside the object file the bytes as received
 * are kept as test instrumentation ({@code id.received}); the archive itself keeps only the file it wrote.
 */
final class StandInStorage {

    private static final String FOLDER_PROPERTY = "yg.it.archive.dir";
    static final String FILTER_PROPERTY = "yg.it.archive.instance.attributes";
    /** The instance-level attributes of the stand-in's default filter (the archive's default is longer). */
    private static final String DEFAULT_FILTER = "00080016,00080018,00080020,00080050,00080060,00100010,00100020,"
            + "0020000D,0020000E";

    private final Path folder;

    StandInStorage() {
        String configured = System.getProperty(FOLDER_PROPERTY);
        folder = Path.of(configured != null ? configured
                : System.getProperty("jboss.server.data.dir") + "/standin-archive");
    }

    /**
     * Writes the object file where it will live, revoked unless committed.
     *
     * @param received the bytes the archive was handed, or null for an attribute-based store
     */
    PendingObject write(byte[] file, byte[] received) throws IOException {
        Files.createDirectories(folder);
        String id = UUID.randomUUID().toString();
        Path pending = folder.resolve(id + ".part");
        Files.write(pending, file);
        return new PendingObject(id, pending, received);
    }

    void commit(PendingObject object) throws IOException {
        if (object.received() != null) {
            Files.write(folder.resolve(object.id() + ".received"), object.received());
        }
        Files.move(object.file(), folder.resolve(object.id() + ".dcm"), StandardCopyOption.ATOMIC_MOVE);
    }

    void revoke(PendingObject object) throws IOException {
        Files.deleteIfExists(object.file());
    }

    Path folder() {
        return folder;
    }

    /** Puts an object on the storage as an import finds it there: returns its storage path. */
    String place(byte[] file) throws IOException {
        Files.createDirectories(folder);
        String id = UUID.randomUUID().toString();
        Files.write(folder.resolve(id + ".dcm"), file);
        return id + ".dcm";
    }

    /** The object file stored for a record id, if there is one (ids are the storage's own UUIDs). */
    Path storedFile(String id) {
        UUID.fromString(id);
        return folder.resolve(id + ".dcm");
    }

    String record(String entry, StoreSession session, PendingObject object, Attributes before, Attributes after)
            throws IOException {
        return record(object != null ? object.id() : UUID.randomUUID().toString(), entry, session, object != null,
                object, before, after);
    }

    /** The record of an import: the object file is the one already on the storage. */
    String recordImport(StoreSession session, String storagePath, Attributes attributes) throws IOException {
        String id = storagePath.substring(0, storagePath.length() - ".dcm".length());
        UUID.fromString(id);
        return record(id, "import", session, true, null, new Attributes(), attributes);
    }

    private String record(String id, String entry, StoreSession session, boolean stored, PendingObject object,
            Attributes before, Attributes after) throws IOException {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", id)
                .add("entry", entry)
                .add("callingAet", String.valueOf(session.getCallingAET()))
                .add("calledAet", String.valueOf(session.getCalledAET()))
                .add("remoteHost", String.valueOf(session.getRemoteHostName()))
                .add("http", session.getHttpRequest() != null)
                .add("sopInstanceUid", String.valueOf(after.getString(0x00080018)))
                .add("studyInstanceUid", String.valueOf(after.getString(0x0020000D)))
                .add("seriesInstanceUid", String.valueOf(after.getString(0x0020000E)))
                .add("attributeCount", after.size())
                .add("added", changes(before, after))
                .add("persisted", changes(new Attributes(), kept(after)))
                .add("stored", stored);
        if (object != null && object.received() != null) {
            json.add("receivedBytes", object.received().length).add("receivedSha256", sha256(object.received()));
        }
        StringWriter text = new StringWriter();
        Json.createWriter(text).write(json.build());
        Files.createDirectories(folder);
        Path temp = folder.resolve(id + ".json.part");
        Files.writeString(temp, text.toString(), StandardCharsets.UTF_8);
        Files.move(temp, folder.resolve(id + ".json"), StandardCopyOption.ATOMIC_MOVE);
        return id;
    }

    /** The attributes the database keeps: those of the configured filter. */
    private static Attributes kept(Attributes attributes) {
        Attributes kept = new Attributes();
        for (String tag : System.getProperty(FILTER_PROPERTY, DEFAULT_FILTER).split(",")) {
            int value = Integer.parseUnsignedInt(tag.strip(), 16);
            if (attributes.contains(value)) {
                Object raw = attributes.getValue(value);
                if (raw instanceof String[] strings) {
                    kept.setString(value, attributes.getVR(value), strings);
                } else {
                    kept.setBytes(value, attributes.getVR(value), (byte[]) raw);
                }
            }
        }
        return kept;
    }

    /** Snapshot of every element as text, so changes made by the consumer can be listed. */
    static Map<Integer, String> snapshot(Attributes attributes) throws IOException {
        Map<Integer, String> values = new TreeMap<>(Integer::compareUnsigned);
        for (int tag : attributes.tags()) {
            values.put(tag, valueText(attributes, tag));
        }
        return values;
    }

    private static JsonArrayBuilder changes(Attributes before, Attributes after) throws IOException {
        Map<Integer, String> old = snapshot(before);
        JsonArrayBuilder added = Json.createArrayBuilder();
        for (int tag : after.tags()) {
            String value = valueText(after, tag);
            if (!value.equals(old.get(tag))) {
                JsonObjectBuilder element = Json.createObjectBuilder()
                        .add("tag", String.format("%08X", tag))
                        .add("vr", String.valueOf(after.getVR(tag)))
                        .add("value", value);
                String creator = after.getPrivateCreator(tag);
                if (creator != null) {
                    element.add("creator", creator);
                }
                added.add(element);
            }
        }
        return added;
    }

    private static String valueText(Attributes attributes, int tag) throws IOException {
        VR vr = attributes.getVR(tag);
        if (vr != null && vr.isStringType()) {
            String[] values = attributes.getStrings(tag);
            return values == null ? "" : String.join("\\", values);
        }
        byte[] bytes = attributes.getBytes(tag);
        return bytes == null ? "" : "sha256:" + sha256(bytes);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record PendingObject(String id, Path file, byte[] received) {}
}

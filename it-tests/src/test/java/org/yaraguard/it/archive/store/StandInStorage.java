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
 * object), and each store writes a JSON record the tests read: entry point, sender, size, SHA-256 and the
 * attributes the coercion consumer added or changed.
 */
final class StandInStorage {

    private static final String FOLDER_PROPERTY = "yg.it.archive.dir";

    private final Path folder;

    StandInStorage() {
        String configured = System.getProperty(FOLDER_PROPERTY);
        folder = Path.of(configured != null ? configured
                : System.getProperty("jboss.server.data.dir") + "/standin-archive");
    }

    /** Writes the bytes where the object will live; the returned file is revoked unless committed. */
    PendingObject write(byte[] bytes) throws IOException {
        Files.createDirectories(folder);
        String id = UUID.randomUUID().toString();
        Path pending = folder.resolve(id + ".part");
        Files.write(pending, bytes);
        return new PendingObject(id, pending, bytes.length, sha256(bytes));
    }

    void commit(PendingObject object) throws IOException {
        Files.move(object.file(), folder.resolve(object.id() + ".dcm"), StandardCopyOption.ATOMIC_MOVE);
    }

    void revoke(PendingObject object) throws IOException {
        Files.deleteIfExists(object.file());
    }

    String record(String entry, StoreSession session, PendingObject object, Attributes before, Attributes after)
            throws IOException {
        String id = object != null ? object.id() : UUID.randomUUID().toString();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", id)
                .add("entry", entry)
                .add("callingAet", String.valueOf(session.getCallingAET()))
                .add("calledAet", String.valueOf(session.getCalledAET()))
                .add("remoteHost", String.valueOf(session.getRemoteHostName()))
                .add("http", session.getHttpRequest() != null)
                .add("sopInstanceUid", String.valueOf(after.getString(0x00080018)))
                .add("studyInstanceUid", String.valueOf(after.getString(0x0020000D)))
                .add("attributeCount", after.size())
                .add("added", changes(before, after));
        if (object != null) {
            json.add("bytes", object.size()).add("sha256", object.sha256());
        }
        StringWriter text = new StringWriter();
        Json.createWriter(text).write(json.build());
        Files.createDirectories(folder);
        Path temp = folder.resolve(id + ".json.part");
        Files.writeString(temp, text.toString(), StandardCharsets.UTF_8);
        Files.move(temp, folder.resolve(id + ".json"), StandardCopyOption.ATOMIC_MOVE);
        return id;
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

    record PendingObject(String id, Path file, long size, String sha256) {}
}

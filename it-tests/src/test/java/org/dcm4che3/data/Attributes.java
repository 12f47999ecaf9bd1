package org.dcm4che3.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test stand-in for dcm4che's Attributes, installed in the test WildFly as part of the static module
 * {@code org.dcm4che.core} (the real library is not on Maven Central). A working map of top-level elements with
 * the real class's signatures for what the plugin and the stand-in archive use, including the real private
 * creator handling: a private tag is stored in the block of group {@code gggg} reserved for its creator.
 */
public class Attributes {

    private static final int FIRST_CREATOR_ELEMENT = 0x10;
    private static final int LAST_CREATOR_ELEMENT = 0xFF;
    /** The stand-in's own implementation class UID, where the real class writes dcm4che's. */
    private static final String IMPLEMENTATION_CLASS_UID = "2.25.271828182845904523536.9";

    private record Element(VR vr, Object value) {}

    private final TreeMap<Integer, Element> elements = new TreeMap<>(Integer::compareUnsigned);

    public Attributes() {
    }

    public Attributes(int initialCapacity) {
    }

    public Attributes(Attributes other) {
        elements.putAll(other.elements);
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }

    public int size() {
        return elements.size();
    }

    public int[] tags() {
        return elements.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    public boolean contains(String privateCreator, int tag) {
        int resolved = resolve(privateCreator, tag, false);
        return resolved != -1 && elements.containsKey(resolved);
    }

    public VR getVR(int tag) {
        Element e = elements.get(tag);
        return e == null ? null : e.vr();
    }

    public VR getVR(String privateCreator, int tag) {
        int resolved = resolve(privateCreator, tag, false);
        return resolved == -1 ? null : getVR(resolved);
    }

    public Object getValue(int tag) {
        Element e = elements.get(tag);
        return e == null ? null : e.value();
    }

    public String getPrivateCreator(int tag) {
        if ((tag & 0x00010000) == 0 || (tag & 0x0000FF00) == 0) {
            return null;
        }
        return getString((tag & 0xFFFF0000) | ((tag >>> 8) & 0xFF));
    }

    public String getString(int tag) {
        return getString(null, tag, null);
    }

    public String getString(int tag, String defVal) {
        return getString(null, tag, defVal);
    }

    public String getString(String privateCreator, int tag) {
        return getString(privateCreator, tag, null);
    }

    public String getString(String privateCreator, int tag, String defVal) {
        String[] values = getStrings(privateCreator, tag);
        return values == null || values.length == 0 ? defVal : values[0];
    }

    public String[] getStrings(int tag) {
        return getStrings(null, tag);
    }

    public String[] getStrings(String privateCreator, int tag) {
        int resolved = resolve(privateCreator, tag, false);
        Element e = resolved == -1 ? null : elements.get(resolved);
        if (e == null || e.value() == null) {
            return null;
        }
        if (e.value() instanceof String[] strings) {
            return strings.clone();
        }
        String text = new String((byte[]) e.value(), StandardCharsets.ISO_8859_1);
        String[] parts = text.split("\\\\", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = trim(parts[i]);
        }
        return parts;
    }

    public byte[] getBytes(int tag) throws IOException {
        return getBytes(null, tag);
    }

    public byte[] getBytes(String privateCreator, int tag) throws IOException {
        int resolved = resolve(privateCreator, tag, false);
        Element e = resolved == -1 ? null : elements.get(resolved);
        if (e == null || e.value() == null) {
            return null;
        }
        if (e.value() instanceof String[] strings) {
            return String.join("\\", strings).getBytes(StandardCharsets.ISO_8859_1);
        }
        return ((byte[]) e.value()).clone();
    }

    public Object setString(int tag, VR vr, String value) {
        return setString(null, tag, vr, new String[] {value});
    }

    public Object setString(int tag, VR vr, String... values) {
        return setString(null, tag, vr, values);
    }

    public Object setString(String privateCreator, int tag, VR vr, String value) {
        return setString(privateCreator, tag, vr, new String[] {value});
    }

    public Object setString(String privateCreator, int tag, VR vr, String... values) {
        return put(resolve(privateCreator, tag, true), vr, values == null ? null : values.clone());
    }

    public Object setBytes(int tag, VR vr, byte[] value) {
        return setBytes(null, tag, vr, value);
    }

    public Object setBytes(String privateCreator, int tag, VR vr, byte[] value) {
        return put(resolve(privateCreator, tag, true), vr, value == null ? null : value.clone());
    }

    public Object setNull(int tag, VR vr) {
        return put(tag, vr, null);
    }

    public Object setNull(String privateCreator, int tag, VR vr) {
        return put(resolve(privateCreator, tag, true), vr, null);
    }

    public Object remove(int tag) {
        Element old = elements.remove(tag);
        return old == null ? null : old.value();
    }

    public Object remove(String privateCreator, int tag) {
        int resolved = resolve(privateCreator, tag, false);
        return resolved == -1 ? null : remove(resolved);
    }

    /** File meta information for this dataset (version, SOP class and instance, transfer syntax, implementation). */
    public Attributes createFileMetaInformation(String tsuid) {
        Attributes fmi = new Attributes();
        fmi.setBytes(0x00020001, VR.OB, new byte[] {0, 1});
        fmi.setString(0x00020002, VR.UI, getString(0x00080016, ""));
        fmi.setString(0x00020003, VR.UI, getString(0x00080018, ""));
        fmi.setString(0x00020010, VR.UI, tsuid);
        fmi.setString(0x00020012, VR.UI, IMPLEMENTATION_CLASS_UID);
        return fmi;
    }

    public void addAll(Attributes other) {
        elements.putAll(other.elements);
    }

    private Object put(int tag, VR vr, Object value) {
        Element old = elements.put(tag, new Element(vr, value));
        return old == null ? null : old.value();
    }

    /** Maps a private tag to the block its creator owns in the group, reserving the block when asked. */
    private int resolve(String privateCreator, int tag, boolean reserve) {
        if (privateCreator == null) {
            return tag;
        }
        int group = tag & 0xFFFF0000;
        Integer freeElement = null;
        for (int element = FIRST_CREATOR_ELEMENT; element <= LAST_CREATOR_ELEMENT; element++) {
            int creatorTag = group | element;
            String creator = getString(creatorTag);
            if (privateCreator.equals(creator)) {
                return group | (element << 8) | (tag & 0xFF);
            }
            if (creator == null && !elements.containsKey(creatorTag) && freeElement == null) {
                freeElement = element;
            }
        }
        if (!reserve || freeElement == null) {
            return -1;
        }
        put(group | freeElement, VR.LO, new String[] {privateCreator});
        return group | (freeElement << 8) | (tag & 0xFF);
    }

    private static String trim(String value) {
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        while (start < end && value.charAt(start) == ' ') {
            start++;
        }
        return value.substring(start, end);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<Integer, Element> entry : elements.entrySet()) {
            Object value = entry.getValue().value();
            text.append(String.format("(%04X,%04X) %s %s%n", entry.getKey() >>> 16, entry.getKey() & 0xFFFF,
                    entry.getValue().vr(), value instanceof String[] s ? Arrays.toString(s)
                            : value == null ? "null" : ((byte[]) value).length + " bytes"));
        }
        return text.toString();
    }
}

package org.yaraguard.interceptor.arc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dcm4che3.data.Attributes;
import org.dcm4che3.data.VR;

/** Test Attributes over a map: top-level values, and a record of what the hook set. */
final class RecordingAttributes extends Attributes {

    record Set(String creator, int tag, VR vr, List<String> values) {
    }

    final Map<Integer, Object> values = new LinkedHashMap<>();
    final Map<Integer, VR> vrs = new LinkedHashMap<>();
    final List<Set> set = new ArrayList<>();

    RecordingAttributes put(int tag, VR vr, Object value) {
        values.put(tag, value);
        vrs.put(tag, vr);
        return this;
    }

    @Override
    public int[] tags() {
        return values.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    @Override
    public VR getVR(int tag) {
        return vrs.get(tag);
    }

    @Override
    public String getString(int tag) {
        return values.get(tag) instanceof String s ? s : null;
    }

    /** A value put as an IOException is one whose bulk data cannot be read (e.g. a missing referenced file). */
    @Override
    public byte[] getBytes(int tag) throws IOException {
        if (values.get(tag) instanceof IOException unreadable) {
            throw unreadable;
        }
        return values.get(tag) instanceof byte[] b ? b : null;
    }

    @Override
    public Object setString(String privateCreator, int tag, VR vr, String... value) {
        set.add(new Set(privateCreator, tag, vr, List.of(value)));
        return null;
    }
}

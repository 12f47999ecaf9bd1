package org.yaraguard.engine.rules;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.yaraguard.engine.yara.CompileError;
import org.yaraguard.engine.yara.YaraRules;

/**
 * What compiling a folder state gives: the rules and libyara's warnings. Cached as both, so that a folder loaded
 * from the cache reports the same warnings as when it was compiled: the warnings (count, then file, line and
 * message of each) followed by libyara's saved rules.
 */
record Compilation(YaraRules rules, List<CompileError> warnings) {

    Compilation {
        warnings = List.copyOf(warnings);
    }

    /** The warnings and {@code savedRules} in one record for the cache. */
    static byte[] encode(List<CompileError> warnings, byte[] savedRules) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(savedRules.length + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(warnings.size());
            for (CompileError warning : warnings) {
                writeText(out, warning.file() == null ? "" : warning.file());
                out.writeInt(warning.line());
                writeText(out, warning.message() == null ? "" : warning.message());
            }
            out.write(savedRules);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory", e);
        }
        return bytes.toByteArray();
    }

    /** The warnings of an {@link #encode encoded} record; {@code record}'s position moves to the saved rules. */
    static List<CompileError> decodeWarnings(ByteBuffer record) {
        int count = record.getInt();
        if (count < 0 || count > record.remaining()) {
            throw new IllegalArgumentException("not a cached compilation");
        }
        List<CompileError> warnings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String file = readText(record);
            int line = record.getInt();
            warnings.add(new CompileError(file.isEmpty() ? null : file, line, readText(record)));
        }
        return warnings;
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(ByteBuffer record) {
        int length = record.getInt();
        if (length < 0 || length > record.remaining()) {
            throw new IllegalArgumentException("not a cached compilation");
        }
        byte[] utf8 = new byte[length];
        record.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}

package org.yaraguard.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A large third-party-like rule set, the same on every run (fixed seed): {@value #FILES} files of {@value #PER_FILE}
 * rules, shaped like public sets: text strings (some nocase/wide), hex strings with wildcards and jumps, a few regular
 * expressions, {@code pe} and {@code math} module conditions, {@code filesize} and header checks; no {@code region}
 * external. The strings are random, so no rule matches the benchmark's clean objects.
 */
final class LargeRuleSet {

    static final int FILES = 320;
    static final int PER_FILE = 16;
    static final int RULES = FILES * PER_FILE;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";

    private final Random random = new Random(20261130L);

    private LargeRuleSet() {
    }

    /** Writes the rule files into {@code folder} (created). */
    static void write(Path folder) throws IOException {
        LargeRuleSet set = new LargeRuleSet();
        Files.createDirectories(folder);
        for (int file = 0; file < FILES; file++) {
            Files.writeString(folder.resolve("large_%03d.yar".formatted(file)), set.file(file),
                    StandardCharsets.US_ASCII);
        }
    }

    private String file(int file) {
        StringBuilder text = new StringBuilder("import \"pe\"\nimport \"math\"\n\n");
        for (int rule = 0; rule < PER_FILE; rule++) {
            text.append(rule(file, rule)).append('\n');
        }
        return text.toString();
    }

    private String rule(int file, int rule) {
        StringBuilder text = new StringBuilder("rule bench_large_%03d_%02d\n{\n    meta:\n".formatted(file, rule))
                .append("        author = \"bench\"\n        description = \"generated\"\n    strings:\n");
        int texts = 1 + random.nextInt(3);
        for (int i = 0; i < texts; i++) {
            text.append("        $s%d = \"%s\"%s\n".formatted(i, word(8 + random.nextInt(10)),
                    switch (random.nextInt(4)) {
                        case 0 -> " nocase";
                        case 1 -> " wide ascii";
                        default -> "";
                    }));
        }
        text.append("        $h0 = { %s }\n".formatted(hex()));
        boolean regex = random.nextInt(40) == 0;
        if (regex) {
            text.append("        $r0 = /%s[0-9a-f]{4,8}%s/\n".formatted(word(6), word(4)));
        }
        text.append("    condition:\n        ").append(condition(texts, regex)).append('\n').append("}\n");
        return text.toString();
    }

    private String condition(int texts, boolean regex) {
        String strings = (texts > 1 ? "2 of ($s*) or $h0" : "$s0 or $h0") + (regex ? " or $r0" : "");
        return switch (random.nextInt(6)) {
            case 0 -> "uint16(0) == 0x5A4D and pe.number_of_sections > " + (2 + random.nextInt(6)) + " and ("
                    + strings + ")";
            case 1 -> "filesize < " + (1 + random.nextInt(20)) + "MB and (" + strings + ")";
            case 2 -> "uint32(0) == 0x464C457F and (" + strings + ")";
            case 3 -> "(" + strings + ") and math.entropy(0, 4096) > 7.2";
            default -> "any of them";
        };
    }

    /** Fixed bytes, a wildcard, a jump and fixed bytes again: atoms long enough not to slow the scan. */
    private String hex() {
        return "%s ?? %s [%d-%d] %s".formatted(bytes(4), bytes(2), random.nextInt(4), 4 + random.nextInt(12),
                bytes(3));
    }

    private String bytes(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append("%02X".formatted(random.nextInt(256)));
        }
        return text.toString();
    }

    private String word(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}

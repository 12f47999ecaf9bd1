package org.yaraguard.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;

/** The default YARA rules bundled in this jar under {@code yara-guard/rules/}, listed by {@code index.txt}. */
public final class DefaultRules {

    /** Class-path folder holding the rule files and their index. */
    public static final String RESOURCE_FOLDER = "yara-guard/rules/";

    // The index is ours, but a strict name keeps copyTo from ever writing outside the target folder.
    private static final Pattern RULE_FILE_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*\\.yar");

    private DefaultRules() {
    }

    /** File names of the bundled rule files, in index order. */
    public static List<String> names() {
        try (InputStream index = open("index.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8))) {
            List<String> names = reader.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            for (String name : names) {
                if (!RULE_FILE_NAME.matcher(name).matches()) {
                    throw new IllegalStateException("bad rule file name in the bundled index: " + name);
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled rule index", e);
        }
    }

    /** Writes every bundled rule file into {@code folder} (created if needed), replacing files of the same name. */
    public static void copyTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String name : names()) {
            try (InputStream rule = open(name)) {
                Files.copy(rule, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream stream = DefaultRules.class.getClassLoader().getResourceAsStream(RESOURCE_FOLDER + name);
        if (stream == null) {
            throw new IOException("bundled rule resource missing: " + RESOURCE_FOLDER + name);
        }
        return stream;
    }
}

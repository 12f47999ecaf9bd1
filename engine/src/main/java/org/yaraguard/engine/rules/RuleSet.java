package org.yaraguard.engine.rules;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.yaraguard.engine.yara.CompileError;
import org.yaraguard.engine.yara.YaraRules;

/**
 * A compiled rules folder: the rules every scan shares, the files they came from, and the identity recorded with
 * every verdict (SHA-256 over the sorted (path, SHA-256 of content) pairs), and libyara's warnings from compiling
 * it.
 *
 * @param sliceRules the rules that also run over slices of an object (see {@link SliceFiles}): {@code rules} itself
 *                   when every file does, null when none does
 */
public record RuleSet(String id, Path folder, YaraRules rules, YaraRules sliceRules, List<RuleFile> files,
                      Instant loadedAt, List<CompileError> warnings) {

    public RuleSet {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }

    /** Closes the compiled rules; scans still holding a lease finish first. */
    void close() {
        rules.close();
        if (sliceRules != null && sliceRules != rules) {
            sliceRules.close();
        }
    }
}

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
 * @param regionAwareRules the rules of the files that name the region, which alone run over the preamble (see
 *                         {@link RegionAwareFiles}): {@code rules} itself when every file does, null when none does
 */
public record RuleSet(String id, Path folder, YaraRules rules, YaraRules regionAwareRules, List<RuleFile> files,
                      Instant loadedAt, List<CompileError> warnings) {

    public RuleSet {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }

    /** Closes the compiled rules; scans still holding a lease finish first. */
    void close() {
        rules.close();
        if (regionAwareRules != null && regionAwareRules != rules) {
            regionAwareRules.close();
        }
    }
}

package org.yaraguard.engine.rules;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.yaraguard.engine.yara.YaraRules;

/**
 * A compiled rules folder: the rules every scan shares, the files they came from, and the identity recorded with
 * every verdict (SHA-256 over the sorted (path, content) pairs).
 */
public record RuleSet(String id, Path folder, YaraRules rules, List<RuleFile> files, Instant loadedAt) {

    public RuleSet {
        files = List.copyOf(files);
    }
}

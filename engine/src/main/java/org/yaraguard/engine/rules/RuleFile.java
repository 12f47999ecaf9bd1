package org.yaraguard.engine.rules;

/**
 * One rule file of a folder: its path relative to the folder ('/'-separated), which is also its YARA namespace,
 * and its SHA-256.
 */
public record RuleFile(String path, String sha256) {
}

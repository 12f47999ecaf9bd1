package org.yaraguard.interceptor.guard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Test settings: a rules folder holding {@code rules} and every other folder of the guard under one temp folder. */
public final class GuardFolders {

    private GuardFolders() {
    }

    /** The yara-guard.* properties for a guard living in {@code temp}; mutable, so a test can add its own. */
    public static Map<String, String> under(Path temp, String rules) throws IOException {
        Path rulesDir = Files.createDirectories(temp.resolve("rules"));
        Files.writeString(rulesDir.resolve("test.yar"), rules);
        Map<String, String> properties = new HashMap<>();
        properties.put("yara-guard.rules.dir", rulesDir.toString());
        properties.put("yara-guard.quarantine.dir", temp.resolve("quarantine").toString());
        properties.put("yara-guard.spool.dir", temp.resolve("spool").toString());
        properties.put("yara-guard.findings.log", temp.resolve("findings.log").toString());
        properties.put("yara-guard.approval.dir", temp.resolve("approvals").toString());
        return properties;
    }
}

package org.yaraguard.settings;

import java.util.List;
import org.yaraguard.audit.syslog.SyslogTarget;
import org.yaraguard.engine.scan.Action;
import org.yaraguard.engine.scan.Policy;

/** The type of a setting's value: how it is checked, and for folders and files, how the server uses them. */
public enum Kind {
    /** A folder the server reads. */
    FOLDER,
    /** A folder the server writes (created when missing). */
    WRITABLE_FOLDER,
    /** A file the server appends to (created when missing). */
    WRITABLE_FILE,
    ACTION,
    MODE,
    MODE_MAP,
    STARTUP_POLICY,
    /** {@code rule:GLOB=ACTION,tag:GLOB=ACTION,namespace:GLOB=ACTION}. */
    POLICY,
    STATUS,
    INTEGER,
    BYTES,
    DURATION,
    URL,
    /** {@code tls://host:port} or {@code udp://host:port}: a syslog receiver. */
    SYSLOG,
    TEXT,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** Text never shown in logs or reports. */
    SECRET;

    static final List<String> ACTIONS = List.of("reject", "tag", "log", "clean", "ignore");
    public static final List<String> MODES = List.of("enforce", "monitor");
    public static final List<String> BOOLEANS = List.of("true", "false");
    public static final List<String> STARTUP_POLICIES = List.of("fail-closed", "fail-open");

    public boolean isPath() {
        return this == FOLDER || this == WRITABLE_FOLDER || this == WRITABLE_FILE;
    }

    /** Checks a value (after substitution) of {@code setting}; throws IllegalArgumentException saying why not. */
    void check(Setting setting, String value) {
        if (value.isBlank()) {
            return; // blank means the default, everywhere
        }
        switch (this) {
            case FOLDER, WRITABLE_FOLDER, WRITABLE_FILE -> {
                if (value.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("is not a path");
                }
            }
            case ACTION -> {
                Values.choice(value, ACTIONS);
                Action.parse(value);
            }
            case MODE -> Values.choice(value, MODES);
            case MODE_MAP -> Values.entries(value, MODES);
            case STARTUP_POLICY -> Values.choice(value, STARTUP_POLICIES);
            case POLICY -> Policy.parse(value, Action.REJECT);
            case STATUS -> Values.status(value);
            case INTEGER -> Values.integer(value, setting.min(), setting.max());
            case BYTES -> Values.bytes(value, setting.min(), setting.max());
            case DURATION -> Values.duration(value);
            case URL -> Values.httpUrl(value);
            case BOOLEAN -> Values.choice(value, BOOLEANS);
            case SYSLOG -> SyslogTarget.parse(value);
            case TEXT, SECRET -> {
            }
        }
    }
}

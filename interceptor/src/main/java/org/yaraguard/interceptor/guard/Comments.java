package org.yaraguard.interceptor.guard;

import java.util.List;
import org.yaraguard.engine.scan.Trouble;
import org.yaraguard.engine.scan.Verdict;

/** The error comment a refused sender sees: names the rule (or the trouble), 64 characters at most (DIMSE limit). */
final class Comments {

    static final int MAX = 64;
    private static final String PREFIX = "YARA Guard: ";

    private Comments() {
    }

    static String forVerdict(Verdict verdict) {
        List<String> rules = verdict.decisiveRules();
        if (!rules.isEmpty()) {
            String more = rules.size() > 1 ? " +" + (rules.size() - 1) : "";
            return fit(PREFIX + rules.get(0), more);
        }
        Trouble trouble = verdict.trouble();
        if (trouble != null) {
            return fit(PREFIX + switch (trouble.kind()) {
                case TIMEOUT -> "scan timed out";
                case TOO_LARGE -> "object too large to scan";
                case ENGINE_ERROR -> "scan failed";
                case NO_RULES -> "no rule set loaded";
                case INCOMPLETE -> "object not fully inspected";
            }, "");
        }
        return fit(PREFIX + "malformed object", "");
    }

    static String fit(String text, String suffix) {
        String clean = Printable.of(text);
        int room = MAX - suffix.length();
        return (clean.length() > room ? clean.substring(0, room) : clean) + suffix;
    }
}

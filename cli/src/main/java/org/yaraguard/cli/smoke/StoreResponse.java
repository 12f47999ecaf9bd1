package org.yaraguard.cli.smoke;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaraguard.cli.TerminalText;

/**
 * What {@code storescu -d} reported: the DIMSE status of the C-STORE response when one came back, else the last
 * fatal or error line (association refused, connection refused...).
 *
 * @param exitCode storescu's exit status
 * @param status   the C-STORE response status, absent when no response was received
 * @param problem  storescu's last F:/E: line, or an empty string
 */
record StoreResponse(int exitCode, OptionalInt status, String problem) {

    private static final Pattern DIMSE_STATUS = Pattern.compile("(?m)^D: DIMSE Status\\s*: 0x([0-9a-fA-F]{1,4})");
    private static final Pattern PROBLEM = Pattern.compile("(?m)^[FE]: (.*)$");
    private static final int MAX_PROBLEM = 200;

    static StoreResponse parse(int exitCode, String output) {
        Integer status = null;
        Matcher m = DIMSE_STATUS.matcher(output);
        while (m.find()) {
            status = Integer.parseInt(m.group(1), 16);
        }
        String problem = "";
        Matcher p = PROBLEM.matcher(output);
        while (p.find()) {
            problem = p.group(1).strip();
        }
        if (problem.length() > MAX_PROBLEM) {
            problem = problem.substring(0, MAX_PROBLEM);
        }
        return new StoreResponse(exitCode, status == null ? OptionalInt.empty() : OptionalInt.of(status),
                TerminalText.safe(problem));
    }
}

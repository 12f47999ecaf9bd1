package org.yaraguard.cli;

import java.util.List;
import java.util.Set;
import org.yaraguard.engine.yara.Yara;
import org.yaraguard.engine.yara.YaraUnavailableException;

/**
 * Loads libyara on a second thread while the main one builds the command line: loading JNA and libyara and probing
 * its layouts takes as long as picocli's model of a command (~0.1-0.2 s each), and the two do not depend on each
 * other. Only for runs that will need libyara; a failure is left for the command to report, as {@link Yara#get()}
 * remembers it.
 */
final class LibyaraWarmUp {

    private static final Set<String> NEEDING_LIBYARA = Set.of("scan", "hunt", "rules");

    private LibyaraWarmUp() {
    }

    /** Starts loading libyara if the run {@code args} describe will need it. */
    static void startFor(String[] args) {
        if (needsLibyara(args)) {
            Thread thread = new Thread(LibyaraWarmUp::load, "libyara warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    static boolean needsLibyara(String[] args) {
        if (YaraGuard.versionOnly(args)) {
            return true;
        }
        return args.length > 0 && NEEDING_LIBYARA.contains(args[0])
                && !List.of(args).contains("--help") && !List.of(args).contains("-h");
    }

    private static void load() {
        try {
            Yara.get();
        } catch (YaraUnavailableException e) {
            // The command's own Yara.get() throws it again, with this message.
        }
    }
}

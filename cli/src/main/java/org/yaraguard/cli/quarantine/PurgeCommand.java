package org.yaraguard.cli.quarantine;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.yaraguard.review.QuarantineReview;
import org.yaraguard.review.ReviewException;
import org.yaraguard.review.TimeSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quarantine purge (ID... | --older-than DURATION) --reason TEXT}: delete entries, recorded. */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = "Delete quarantined objects and their sidecars; each purge is recorded with who and why.")
final class PurgeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    QuarantineCommand parent;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Parameters(paramLabel = "ID", arity = "1..*", description = "Entry ids or unique prefixes (8+ hex digits).")
        List<String> ids;

        @Option(names = "--older-than", paramLabel = "DURATION", description = "Every entry older than e.g. 30d.")
        String olderThan;
    }

    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why (recorded).")
    String reason;

    @Mixin
    Reviewer reviewer;

    @Override
    public Integer call() throws IOException {
        QuarantineReview review = parent.review(null);
        if (target.olderThan != null) {
            try {
                Duration age = TimeSpec.duration(target.olderThan);
                List<String> purged = review.purgeOlderThan(age, reason, reviewer.name);
                purged.forEach(id -> QuarantineCommand.out(spec).printf("purged %s%n", id));
                QuarantineCommand.out(spec).printf("%d entries older than %s purged%n", purged.size(), TimeSpec.words(age));
                return 0;
            } catch (ReviewException | IllegalArgumentException e) {
                return QuarantineCommand.refuse(spec, e);
            }
        }
        int status = 0;
        for (String id : target.ids) {
            try {
                review.purge(id, reason, reviewer.name);
                QuarantineCommand.out(spec).printf("purged %s%n", QuarantineCommand.safe(id));
            } catch (ReviewException e) {
                status = QuarantineCommand.refuse(spec, e);
            }
        }
        return status;
    }
}

package org.yaraguard.cli.quarantine;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.yaraguard.review.QuarantineReview;
import org.yaraguard.review.ReviewException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quarantine release ID... --reason TEXT}: send objects into the archive with a one-time approval each. */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = "Send quarantined objects to the archive's STOW-RS endpoint. Each gets a one-time approval "
                + "for exactly its bytes, which the hook honours once; the release is recorded with who, when, why.")
final class ReleaseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    QuarantineCommand parent;

    @Parameters(paramLabel = "ID", arity = "1..*", description = "Entry ids or unique prefixes (8+ hex digits).")
    List<String> ids;

    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why (recorded).")
    String reason;

    @Option(names = "--stow-url", paramLabel = "URL",
            description = "STOW-RS endpoint, e.g. http://localhost:8080/dcm4chee-arc/aets/DCM4CHEE/rs/studies "
                    + "(default: system property yara-guard.stow.url).")
    String stowUrl;

    @Mixin
    Reviewer reviewer;

    @Override
    public Integer call() throws IOException {
        QuarantineReview review = parent.review(stowUrl);
        int status = 0;
        for (String id : ids) {
            try {
                QuarantineReview.Release r = review.release(id, reason, reviewer.name);
                QuarantineCommand.out(spec).printf("released %s (HTTP %d, approved SHA-256 %s)%n", r.id(),
                        r.httpStatus(), r.sentSha256());
            } catch (ReviewException e) {
                status = QuarantineCommand.refuse(spec, e);
            }
        }
        return status;
    }
}

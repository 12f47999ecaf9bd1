package org.yaraguard.cli.quarantine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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

/** {@code quarantine export ID --out FILE}: a defanged ZIP for a malware analyst. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a defanged ZIP for a malware analyst: the object XOR 0x5A as <sha256>.dcm.xor5a.bin, "
                + "the sidecar as <sha256>.sidecar.json.txt and a README; nothing in it is runnable or auto-opened.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    QuarantineCommand parent;

    @Parameters(paramLabel = "ID", description = "Entry id or unique prefix (8+ hex digits).")
    String id;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The ZIP to write (must not exist).")
    Path out;

    @Mixin
    Reviewer reviewer;

    @Override
    public Integer call() throws IOException {
        QuarantineReview review = parent.readingReview();
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            return QuarantineCommand.refuse(spec, new FileAlreadyExistsException(out.toString(), null, "already exists"));
        }
        // Written beside the target and renamed once complete: a failure leaves no empty or partial ZIP behind.
        Path partial = Files.createTempFile(out.toAbsolutePath().getParent(), ".yara-guard-export-", ".partial");
        try {
            try (OutputStream zip = Files.newOutputStream(partial)) {
                review.export(id, zip, reviewer.name);
            }
            Files.move(partial, out);
        } catch (ReviewException | IOException e) {
            return QuarantineCommand.refuse(spec, e);
        } finally {
            Files.deleteIfExists(partial);
        }
        QuarantineCommand.out(spec).printf("exported %s to %s%n", QuarantineCommand.safe(id), out);
        return 0;
    }
}

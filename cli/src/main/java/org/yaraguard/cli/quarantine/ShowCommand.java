package org.yaraguard.cli.quarantine;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.yaraguard.review.AnomalyView;
import org.yaraguard.review.ByteWindow;
import org.yaraguard.review.EntryDetail;
import org.yaraguard.review.MatchView;
import org.yaraguard.review.ReviewEntry;
import org.yaraguard.review.ReviewEvent;
import org.yaraguard.review.ReviewException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quarantine show ID}: the verdict, matches with offsets and bounded hex views; recorded as a view. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one entry: verdict, matches with offsets, hex of the preamble and of the matched bytes.")
final class ShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    QuarantineCommand parent;

    @Parameters(paramLabel = "ID", description = "Entry id (SHA-256) or a unique prefix of at least 8 hex digits.")
    String id;

    @Mixin
    Reviewer reviewer;

    @Override
    public Integer call() throws IOException {
        EntryDetail detail;
        try {
            detail = parent.readingReview().show(id, reviewer.name);
        } catch (ReviewException e) {
            return QuarantineCommand.refuse(spec, e);
        }
        PrintWriter out = QuarantineCommand.out(spec);
        ReviewEntry e = detail.entry();
        out.printf("Entry     %s%n", e.id());
        out.printf("Status    %s (action %s, mode %s)%n", e.status(), QuarantineCommand.safe(e.action()),
                QuarantineCommand.safe(e.mode()));
        out.printf("Received  %s via %s from %s@%s to %s%n", QuarantineCommand.safe(e.receivedAt()),
                QuarantineCommand.safe(e.source()), QuarantineCommand.safe(e.callingAet()),
                QuarantineCommand.safe(e.remoteHost()), QuarantineCommand.safe(e.calledAet()));
        out.printf("Patient   %s (%s)%n", QuarantineCommand.safe(e.attributes().patientName()),
                QuarantineCommand.safe(e.attributes().patientId()));
        out.printf("Study     %s  date %s  accession %s  modality %s%n", QuarantineCommand.safe(e.study()),
                QuarantineCommand.safe(e.attributes().studyDate()),
                QuarantineCommand.safe(e.attributes().accessionNumber()),
                QuarantineCommand.safe(e.attributes().modality()));
        out.printf("Series    %s%nInstance  %s%n", QuarantineCommand.safe(e.series()),
                QuarantineCommand.safe(e.attributes().sopInstanceUid()));
        out.printf("Object    %d bytes, %s, transfer syntax %s, ruleset %s%n", e.bytes(),
                e.part10() ? "Part-10" : "bare dataset", QuarantineCommand.safe(e.transferSyntax()),
                QuarantineCommand.safe(e.rulesetId()));
        if (e.trouble() != null) {
            out.printf("Trouble   %s%n", QuarantineCommand.safe(e.trouble()));
        }
        for (MatchView m : e.matches()) {
            out.printf("Match     %s:%s  region %s  offsets %s  action %s  tags %s  meta %s%n",
                    QuarantineCommand.safe(m.namespace()), QuarantineCommand.safe(m.rule()),
                    QuarantineCommand.safe(m.region()), m.offsets(), QuarantineCommand.safe(m.action()),
                    QuarantineCommand.safe(m.tags()), QuarantineCommand.safe(m.meta()));
        }
        for (AnomalyView a : e.anomalies()) {
            out.printf("Anomaly   %s at %d: %s%n", QuarantineCommand.safe(a.kind()), a.offset(),
                    QuarantineCommand.safe(a.detail()));
        }
        for (ReviewEvent r : e.review()) {
            out.printf("Review    %s by %s at %s: %s%n", QuarantineCommand.safe(r.event()),
                    QuarantineCommand.safe(r.user()), QuarantineCommand.safe(r.at()),
                    QuarantineCommand.safe(r.reason()));
        }
        if (detail.head() != null) {
            print(out, detail.head());
        }
        detail.matched().forEach(w -> print(out, w));
        detail.notes().forEach(n -> out.printf("Note      %s%n", QuarantineCommand.safe(n)));
        return 0;
    }

    private static void print(PrintWriter out, ByteWindow window) {
        out.printf("%n%s:%n", QuarantineCommand.safe(window.label()));
        window.hexLines().forEach(out::println);
    }
}

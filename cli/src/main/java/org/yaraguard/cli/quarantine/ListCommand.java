package org.yaraguard.cli.quarantine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.yaraguard.review.EntryFilter;
import org.yaraguard.review.ReviewEntry;
import org.yaraguard.review.ReviewException;
import org.yaraguard.review.SeriesGroup;
import org.yaraguard.review.StudyGroup;
import org.yaraguard.review.TimeSpec;
import org.yaraguard.review.Unreadable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quarantine list}: entries by study, then series. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List quarantined and stored-with-finding objects by study, then series, newest first.")
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    QuarantineCommand parent;

    @Option(names = "--study", paramLabel = "UID", description = "Only this Study Instance UID.")
    String study;

    @Option(names = "--since", paramLabel = "T",
            description = "Only entries received at or after T: 2026-11-25T01:00:00Z, 2026-11-25, or 24h / 7d ago.")
    String since;

    @Option(names = "--rule", paramLabel = "R", description = "Only entries matched by rule R (or namespace:R).")
    String rule;

    @Option(names = "--json", description = "Print JSON (studies, series, entries) instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Instant from;
        try {
            from = since == null ? null : TimeSpec.since(since, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            return QuarantineCommand.refuse(spec, e);
        }
        List<Unreadable> unreadable = new ArrayList<>();
        List<StudyGroup> studies;
        try {
            studies = parent.review(null).studies(new EntryFilter(study, from, rule), unreadable::add);
        } catch (ReviewException e) {
            return QuarantineCommand.refuse(spec, e);
        }
        print(studies, unreadable.isEmpty());
        // What cannot be read is named after what can: never an empty list that hides entries.
        unreadable.forEach(u -> spec.commandLine().getErr().println("yara-guard quarantine: "
                + QuarantineCommand.safe(u)));
        return unreadable.isEmpty() ? 0 : QuarantineCommand.UNREADABLE;
    }

    private void print(List<StudyGroup> studies, boolean allRead) throws IOException {
        PrintWriter out = QuarantineCommand.out(spec);
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(EntryJsonView.studies(studies)));
            return;
        }
        if (studies.isEmpty() && allRead) {
            out.println("No entries.");
        }
        for (StudyGroup s : studies) {
            ReviewEntry first = s.entries().get(0);
            out.printf("Study %s  patient %s (%s)  date %s  accession %s%n", QuarantineCommand.safe(s.studyUid()),
                    QuarantineCommand.safe(first.attributes().patientName()),
                    QuarantineCommand.safe(first.attributes().patientId()),
                    QuarantineCommand.safe(first.attributes().studyDate()),
                    QuarantineCommand.safe(first.attributes().accessionNumber()));
            for (SeriesGroup series : s.series()) {
                out.printf("  Series %s%n", QuarantineCommand.safe(series.seriesUid()));
                for (ReviewEntry e : series.entries()) {
                    out.printf("    %s  %-11s %-6s %s  from %s@%s via %s  %s  %d bytes  rules: %s%n",
                            e.id().substring(0, 16), e.status(), QuarantineCommand.safe(e.action()),
                            QuarantineCommand.safe(e.receivedAt()), QuarantineCommand.safe(e.callingAet()),
                            QuarantineCommand.safe(e.remoteHost()), QuarantineCommand.safe(e.source()),
                            QuarantineCommand.safe(e.attributes().modality()), e.bytes(),
                            QuarantineCommand.safe(String.join(", ", e.ruleNames())));
                }
            }
        }
    }
}

package org.yaraguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaraguard.review.hunt.HuntHit;
import org.yaraguard.review.hunt.HuntReport;
import org.yaraguard.review.hunt.Rejection;

class HuntViewsTest {

    private static final String LOCATION = "2026/11/30/AB12/CD34/EF56";

    @TempDir
    Path dir;

    @Test
    void theReportByStudyShowsCountsAndEscapesWhatCameFromObjects() throws IOException {
        HuntReport report = HuntReport.open(HuntReports.write(dir, "hunt-1", Instant.parse("2026-11-30T09:00:00Z"),
                dir, List.of(HuntReports.hit(LOCATION, 10, 0, null))));
        StringWriter page = new StringWriter();

        HuntsServlet.report(new PrintWriter(page), report);

        assertThat(page.toString()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>")
                .contains("1 patients, 1 studies").contains("1 instances rejected, 1 failed")
                .contains("eicar_test_string").contains("zeroed preamble")
                .contains("href=\"hunt-study?report=hunt-1&amp;study=" + HuntReports.STUDY + "\"");
    }

    @Test
    void aHitOnReadableStorageShowsTheQuarantinesHexWindowsAroundItsMatch() throws IOException {
        Path storage = Files.createDirectories(dir.resolve("fs1"));
        byte[] object = new byte[400];
        System.arraycopy("DICM".getBytes(StandardCharsets.US_ASCII), 0, object, 128, 4);
        System.arraycopy("PAYLOAD<b>".getBytes(StandardCharsets.US_ASCII), 0, object, 300, 10);
        Path file = storage.resolve(LOCATION);
        Files.createDirectories(file.getParent());
        Files.write(file, object);
        HuntHit hit = HuntReports.hit(LOCATION, object.length, 300, Rejection.dryRun("113037^DCM"));
        HuntReport report = HuntReport.open(HuntReports.write(dir, "hunt-1", Instant.now(), storage, List.of(hit)));

        String page = render(report, hit);

        assertThat(page).contains("eicar_test_string at 0x12c (region object)")
                .contains("0000012c  50 41 59 4c 4f 41 44 3c  62 3e").contains("|PAYLOAD&lt;b&gt;")
                .contains("00000080  44 49 43 4d").contains("dry-run: 113037^DCM")
                .contains("&lt;script&gt;").doesNotContain("<script>").doesNotContain("<b>")
                .doesNotContain("not readable from this host").doesNotContain("changed since");
        assertThat(page.substring(page.indexOf("<pre class=\"hex\">"))).as("hex lines on lines of their own")
                .contains("\n00000010  ").doesNotContain("\uFFFD");
    }

    @Test
    void aHitWhoseFileIsGoneOrChangedSaysSoInsteadOfShowingBytes() throws IOException {
        Path storage = Files.createDirectories(dir.resolve("fs1"));
        HuntHit gone = HuntReports.hit(LOCATION, 400, 300, null);
        HuntReport report = HuntReport.open(HuntReports.write(dir, "hunt-1", Instant.now(), storage, List.of(gone)));
        assertThat(render(report, gone)).contains("not readable from this host").doesNotContain("class=\"hex\"")
                .contains("not acted on");

        Files.createDirectories(storage.resolve(LOCATION).getParent());
        Files.write(storage.resolve(LOCATION), new byte[200]);
        assertThat(render(report, gone)).contains("The file now has 200 bytes, the hunt read 400");
    }

    private static String render(HuntReport report, HuntHit hit) throws IOException {
        StringWriter page = new StringWriter();
        HuntStudyServlet.hit(new PrintWriter(page), report, hit);
        return page.toString();
    }
}

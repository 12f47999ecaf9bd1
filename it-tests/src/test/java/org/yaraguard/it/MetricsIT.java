package org.yaraguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The metrics reach a Prometheus scrape of the server's own registry: prepare-wildfly.xml configures WildFly's
 * micrometer subsystem with the jboss-cli commands deployment/README.md gives ("Metrics"), and the server runs with
 * --stability=community (arquillian.xml), which the Prometheus registry needs. Each series moves by exactly what was
 * sent between two scrapes; no AE title or UID becomes a label.
 */
@EnabledIfSystemProperty(named = "it.install.plugin", matches = "true")
class MetricsIT extends DeployedArchive {

    private static final String OBJECTS = "yara_guard_objects_scanned_total";
    private static final String AET = "METRICSSCU";

    @Test
    void aScrapeShowsTheCountersMoveByExactlyWhatWasSent() throws Exception {
        DicomSamples samples = samples("metrics");
        DicomSample clean = samples.image("metrics-clean", 9101, null);
        DicomSample cleanToo = clean.variant(9102);
        DicomSample cleanStow = clean.variant(9103);
        DicomSample tagged = samples.image("metrics-tagged", 9104, DicomSamples.TAG_MARKER);
        DicomSample polyglot = samples.image("metrics-pe", 9105, null).withPreamble("metrics-pe",
                DicomSamples.pePreamble());
        PrometheusScrape before = scrape();

        assertThat(archive.cStore(clean.dataset(), AET).stored()).isTrue();
        assertThat(archive.cStore(cleanToo.dataset(), AET).stored()).isTrue();
        assertThat(archive.stow(cleanStow.part10(), AET).stored()).isTrue();
        assertThat(archive.cStore(tagged.dataset(), AET).stored()).isTrue();
        assertThat(archive.stow(polyglot.part10(), AET).refused()).isTrue();
        PrometheusScrape after = scrape();

        assertThat(moved(before, after, OBJECTS, "source", "c-store", "action", "clean", "outcome", "store"))
                .isEqualTo(2);
        assertThat(moved(before, after, OBJECTS, "source", "stow-rs", "action", "clean", "outcome", "store"))
                .isEqualTo(1);
        assertThat(moved(before, after, OBJECTS, "source", "c-store", "action", "tag", "outcome", "tag")).isEqualTo(1);
        assertThat(moved(before, after, OBJECTS, "source", "stow-rs", "action", "reject", "outcome", "refuse"))
                .isEqualTo(1);
        assertThat(moved(before, after, OBJECTS)).as("all objects").isEqualTo(5);
        assertThat(moved(before, after, "yara_guard_findings_total", "rule", "preamble_pe_executable")).isEqualTo(1);
        assertThat(moved(before, after, "yara_guard_findings_total", "rule", "it_tag_marker")).isEqualTo(1);
        assertThat(moved(before, after, "yara_guard_bytes_scanned_total")).isEqualTo(clean.dataset().length
                + cleanToo.dataset().length + cleanStow.part10().length + tagged.dataset().length
                + polyglot.part10().length);
        assertThat(moved(before, after, "yara_guard_scan_seconds_count")).isEqualTo(5);
        assertThat(moved(before, after, "yara_guard_scan_seconds_sum")).isPositive();
        assertThat(after.find("yara_guard_scan_seconds_quantile", "quantile", "0.99")).singleElement()
                .satisfies(s -> assertThat(s.value()).isPositive());

        assertThat(after.find("yara_guard_ruleset_info")).singleElement()
                .satisfies(s -> assertThat(s.labels().get("ruleset_id")).matches("[0-9a-f]{64}"));
        assertThat(after.value("yara_guard_rule_reloads_total", "result", "accepted")).isGreaterThanOrEqualTo(1);
        assertThat(after.find("yara_guard_quarantine_entries")).hasSize(1);
        assertThat(after.text()).doesNotContain(AET, clean.sopInstanceUid(), clean.studyInstanceUid());
    }

    private static PrometheusScrape scrape() throws Exception {
        return PrometheusScrape.of(URI.create("http://127.0.0.1:" + Integer.getInteger("it.management.port")
                + "/prometheus"));
    }

    private static double moved(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}

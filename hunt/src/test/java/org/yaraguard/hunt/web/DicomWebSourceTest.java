package org.yaraguard.hunt.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaraguard.hunt.StoredObject;

class DicomWebSourceTest {

    private static final Path REAL = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm");

    private ArchiveStandIn archive;
    private byte[] ct;

    @BeforeEach
    void start() throws IOException {
        archive = new ArchiveStandIn();
        ct = Files.readAllBytes(REAL);
    }

    @AfterEach
    void stop() {
        archive.close();
    }

    private DicomWebSource source(int pageSize) {
        return new DicomWebSource(new DicomWebArchive(archive.base(), () -> Optional.of("Bearer t0ken"),
                Duration.ofSeconds(10)),
                QidoQuery.parse(List.of("StudyDate=20240101-20241231", "ModalitiesInStudy=CT")),
                pageSize, 10_000, MultipartLimits.DEFAULT);
    }

    /** 5 studies × 3 series × 3 instances, UIDs chosen so that text order and listing order differ from insertion. */
    private List<String> fill() {
        List<String> keys = new ArrayList<>();
        for (int st = 5; st >= 1; st--) {
            for (int se = 3; se >= 1; se--) {
                for (int in = 3; in >= 1; in--) {
                    String study = "1.2.826.0.1." + st;
                    String series = study + "." + se;
                    String sop = series + "." + in;
                    archive.add(study, series, sop, ct);
                    keys.add(study + "/" + series + "/" + sop);
                }
            }
        }
        keys.sort(String::compareTo);
        return keys;
    }

    private static List<String> keys(Stream<StoredObject> objects) {
        try (objects) {
            return objects.map(StoredObject::key).toList();
        }
    }

    @Test
    void listsEveryInstanceOnceInOneOrderThroughCappedPages() throws IOException {
        List<String> expected = fill();
        archive.maxResults = 2;
        List<String> listed = keys(source(4).list(null));
        assertThat(listed).isEqualTo(expected);
        assertThat(keys(source(3).list(null))).isEqualTo(listed);
        assertThat(archive.requests).anyMatch(r -> r.startsWith("GET /studies?StudyDate=20240101-20241231"
                + "&ModalitiesInStudy=CT&orderby=StudyInstanceUID&offset=0&limit=4"));
        assertThat(archive.authorizations).containsOnly("Bearer t0ken");
    }

    @Test
    void resumesAfterAKeyAndStartsOverWhenItsStudyIsGone() throws IOException {
        List<String> expected = fill();
        String after = expected.get(10);
        assertThat(keys(source(4).list(after))).isEqualTo(expected.subList(11, expected.size()));

        String gone = "1.2.826.0.1.0/1.2.826.0.1.0.1/1.2.826.0.1.0.1.1";
        assertThat(keys(source(4).list(gone))).isEqualTo(expected);
    }

    @Test
    void opensTheStoredFileByteForByte() throws IOException {
        fill();
        StoredObject first;
        try (Stream<StoredObject> objects = source(10).list(null)) {
            first = objects.findFirst().orElseThrow();
        }
        assertThat(first.location()).isEqualTo(archive.base() + "/studies/1.2.826.0.1.1/series/1.2.826.0.1.1.1"
                + "/instances/1.2.826.0.1.1.1.1");
        assertThat(first.studyInstanceUid()).isEqualTo("1.2.826.0.1.1");
        try (InputStream in = source(10).open(first)) {
            assertThat(in.readAllBytes()).isEqualTo(ct);
        }
        assertThat(archive.requests).contains("GET /studies/1.2.826.0.1.1/series/1.2.826.0.1.1.1/instances"
                + "/1.2.826.0.1.1.1.1");
    }

    @Test
    void anHttpErrorOrAnOddAnswerConcernsThatInstanceOnly() throws IOException {
        fill();
        DicomWebSource source = source(10);
        List<StoredObject> objects;
        try (Stream<StoredObject> all = source.list(null)) {
            objects = all.toList();
        }
        archive.forced.put("1.2.826.0.1.1.1.1", new ArrayList<>(List.of(500)));
        archive.oddParts.put("1.2.826.0.1.1.1.2", "text/plain");
        archive.oddParts.put("1.2.826.0.1.1.1.3", "two");

        assertThatThrownBy(() -> source.open(objects.get(0))).isInstanceOf(DicomWebException.class)
                .hasMessageContaining("HTTP 500");
        assertThatThrownBy(() -> source.open(objects.get(1))).isInstanceOf(DicomWebTrouble.class)
                .hasMessageContaining("text/plain");
        try (InputStream twoParts = source.open(objects.get(2))) {
            assertThatThrownBy(twoParts::readAllBytes).isInstanceOf(DicomWebTrouble.class)
                    .hasMessageContaining("more than one part");
        }
        try (InputStream fine = source.open(objects.get(3))) {
            assertThat(fine.readAllBytes()).isEqualTo(ct);
        }
        IocmRejecter rejecter = new IocmRejecter(new DicomWebArchive(archive.base(), Optional::empty,
                Duration.ofSeconds(10)), RejectionCode.PATIENT_SAFETY, 1, Duration.ZERO);
        rejecter.reject("1.2.826.0.1.1", "1.2.826.0.1.1.2", "1.2.826.0.1.1.2.1");
        assertThatThrownBy(() -> source.open(objects.get(3))).isInstanceOf(DicomWebException.class)
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void aStudyWhoseInstancesCannotBeListedIsOneFailureAndTheListingGoesOn() throws IOException {
        List<String> expected = fill();
        archive.failInstancesOfStudy = "1.2.826.0.1.2";
        DicomWebSource source = source(10);
        List<StoredObject> objects;
        try (Stream<StoredObject> all = source.list(null)) {
            objects = all.toList();
        }
        assertThat(objects).hasSize(expected.size() - 9 + 1);
        StoredObject failed = objects.stream().filter(o -> o.key().equals("1.2.826.0.1.2/")).findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> source.open(failed)).hasMessageContaining("HTTP 500");
        assertThat(objects.get(objects.size() - 1).key()).isEqualTo(expected.get(expected.size() - 1));
    }

    @Test
    void refusesQueryKeysThatWouldBreakThePagingAndUidsThatAreNotUids() {
        assertThatThrownBy(() -> QidoQuery.parse(List.of("offset=5"))).hasMessageContaining("set by the hunt");
        assertThatThrownBy(() -> QidoQuery.parse(List.of("Study Date=1"))).hasMessageContaining("KEY=VALUE");
        assertThat(QidoQuery.parse(List.of("ModalitiesInStudy=CT")).since("20240101").queryString())
                .isEqualTo("ModalitiesInStudy=CT&StudyDate=20240101-");
        assertThat(DicomWebArchive.wellFormedUid("1.2.3/../../x")).isFalse();
        assertThat(DicomWebArchive.wellFormedUid("1.2.840.10008.1.2.1")).isTrue();
    }
}

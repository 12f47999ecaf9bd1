package org.yaraguard.hunt.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaraguard.review.hunt.Rejection;

class IocmRejecterTest {

    private static final String STUDY = "1.2.826.0.1.7";
    private static final String SERIES = STUDY + ".1";
    private static final String SOP = SERIES + ".1";

    private ArchiveStandIn archive;

    @BeforeEach
    void start() throws IOException {
        archive = new ArchiveStandIn();
        archive.add(STUDY, SERIES, SOP, new byte[] {1, 2, 3});
    }

    @AfterEach
    void stop() {
        archive.close();
    }

    private IocmRejecter rejecter(String code, int attempts) {
        return new IocmRejecter(new DicomWebArchive(archive.base(), Optional::empty, Duration.ofSeconds(10)),
                RejectionCode.parse(code), attempts, Duration.ZERO);
    }

    @Test
    void rejectsOnceThenAnswersAlreadyRejected() {
        Rejection first = rejecter("113037^DCM", 3).reject(STUDY, SERIES, SOP);
        assertThat(first).isEqualTo(new Rejection(Rejection.REJECTED, 200, "rejected with 113037^DCM"));
        assertThat(archive.isRejected(SOP)).isTrue();
        assertThat(archive.requests).containsExactly("POST /studies/" + STUDY + "/series/" + SERIES + "/instances/"
                + SOP + "/reject/113037^DCM");

        Rejection second = rejecter("113037^DCM", 3).reject(STUDY, SERIES, SOP);
        assertThat(second.status()).isEqualTo(Rejection.ALREADY_REJECTED);
        assertThat(second.httpStatus()).isEqualTo(404);
        assertThat(second.message()).isEqualTo("No instances of Study[UID=" + STUDY + "] found for rejection.");
        assertThat(archive.requests).hasSize(2);
    }

    @Test
    void aCodeTheArchiveDoesNotKnowFailsWithItsMessageAndIsNotRetried() {
        Rejection answer = rejecter("999999^99X", 3).reject(STUDY, SERIES, SOP);
        assertThat(answer).isEqualTo(new Rejection(Rejection.FAILED, 404,
                "Unknown Rejection Note Code: (999999, 99X)"));
        assertThat(archive.requests).hasSize(1);
        assertThat(archive.isRejected(SOP)).isFalse();
    }

    @Test
    void serverErrorsAreTriedAgainABoundedNumberOfTimes() {
        archive.forced.put(SOP, new ArrayList<>(List.of(500, 503)));
        assertThat(rejecter("113037^DCM", 3).reject(STUDY, SERIES, SOP).status())
                .isEqualTo(Rejection.REJECTED);
        assertThat(archive.requests).hasSize(3);

        archive.requests.clear();
        archive.forced.put("1.2.3", new ArrayList<>(List.of(500, 500, 500, 500)));
        Rejection failed = rejecter("113037^DCM", 3).reject(STUDY, SERIES, "1.2.3");
        assertThat(failed.status()).isEqualTo(Rejection.FAILED);
        assertThat(failed.httpStatus()).isEqualTo(500);
        assertThat(failed.message()).contains("stand-in fault").contains("after 3 attempts");
        assertThat(archive.requests).hasSize(3);

        archive.requests.clear();
        archive.forced.put("1.2.4", new ArrayList<>(List.of(409)));
        assertThat(rejecter("113037^DCM", 3).reject(STUDY, SERIES, "1.2.4").httpStatus()).isEqualTo(409);
        assertThat(archive.requests).hasSize(1);
    }

    @Test
    void noConnectionIsAFailureAfterTheRetries() {
        archive.close();
        Rejection answer = rejecter("113037^DCM", 2).reject(STUDY, SERIES, SOP);
        assertThat(answer.status()).isEqualTo(Rejection.FAILED);
        assertThat(answer.httpStatus()).isNull();
        assertThat(answer.message()).contains("no answer from the archive").contains("after 2 attempts");
    }

    @Test
    void neverPutsAnUntrustedUidOrCodeIntoTheUrl() {
        Rejection answer = rejecter("113037^DCM", 1).reject(STUDY, SERIES, "1.2/../../studies");
        assertThat(answer.status()).isEqualTo(Rejection.FAILED);
        assertThat(archive.requests).isEmpty();
        assertThatThrownBy(() -> RejectionCode.parse("113037^DCM/x")).isInstanceOf(IllegalArgumentException.class);
    }
}

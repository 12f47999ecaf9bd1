package org.yaraguard.rules.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adversarial corpus is what issue 7 asks for: at least 30 malicious objects spread over all seven classes, at
 * least 12 clean look-alikes, and every object a valid DICOM object as DCMTK's dcmdump reads it on its way in.
 */
class AdversarialCorpusValidityTest {

    @TempDir
    static Path folder;

    static List<AdversarialObject> corpus;

    @BeforeAll
    static void writeCorpus() throws Exception {
        corpus = AdversarialCorpus.write(folder);
    }

    @Test
    void everyObjectIsValidForDcmdump() throws Exception {
        List<String> invalid = new ArrayList<>();
        for (AdversarialObject object : corpus) {
            Dcmdump.Result result = Dcmdump.read(object);
            if (!result.valid()) {
                invalid.add(object.name() + " (" + object.arrival() + "): exit " + result.exitCode() + " "
                        + result.errors());
            }
        }
        assertThat(invalid).as("objects dcmdump does not read without error").isEmpty();
    }

    @Test
    void malicious30AcrossAllSevenClassesAndClean12() {
        Map<Integer, Long> perClass = corpus.stream().filter(AdversarialObject::malicious)
                .collect(Collectors.groupingBy(AdversarialObject::evasionClass, Collectors.counting()));
        assertThat(perClass.keySet()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7);
        assertThat(perClass.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(3));
        assertThat(corpus.stream().filter(AdversarialObject::malicious)).hasSizeGreaterThanOrEqualTo(30);
        assertThat(corpus.stream().filter(o -> !o.malicious())).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void namesCarryTheClassAndArrivalsMatchTheBytes() {
        assertThat(corpus.stream().map(AdversarialObject::name).distinct()).hasSameSizeAs(corpus);
        for (AdversarialObject object : corpus) {
            String prefix = (object.malicious() ? "c" : "clean-c") + object.evasionClass() + "-";
            assertThat(object.name()).startsWith(prefix);
            assertThat(object.arrival().source()).isIn("c-store", "stow-rs");
        }
        assertThat(corpus.stream().map(AdversarialObject::arrival).map(Arrival::source).distinct())
                .containsExactlyInAnyOrder("c-store", "stow-rs");
    }
}

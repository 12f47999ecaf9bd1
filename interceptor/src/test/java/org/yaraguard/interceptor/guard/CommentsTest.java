package org.yaraguard.interceptor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaraguard.engine.dicom.ReviewAttributes;
import org.yaraguard.engine.scan.Action;
import org.yaraguard.engine.scan.Finding;
import org.yaraguard.engine.scan.Trouble;
import org.yaraguard.engine.scan.Verdict;

class CommentsTest {

    @Test
    void namesTheDecisiveRuleWithinSixtyFourCharacters() {
        String longName = "Executable_In_Preamble_With_A_Very_Long_Name_That_Goes_On_And_On_And_On";
        Verdict verdict = verdict(Action.REJECT, null, finding(longName, Action.REJECT),
                finding("Other_Rule", Action.REJECT), finding("Logged", Action.LOG));

        String comment = Comments.forVerdict(verdict);

        assertThat(comment).hasSizeLessThanOrEqualTo(64).startsWith("YARA Guard: Executable_In_Preamble").endsWith(" +1");
    }

    @Test
    void namesTheTroubleWhenNoRuleDecided() {
        Verdict verdict = verdict(Action.REJECT, new Trouble(Trouble.Kind.TIMEOUT, "10 s"),
                finding("Logged", Action.LOG));

        assertThat(Comments.forVerdict(verdict)).isEqualTo("YARA Guard: scan timed out");
    }

    @Test
    void namesAnIncompleteInspection() {
        Verdict verdict = verdict(Action.REJECT, new Trouble(Trouble.Kind.INCOMPLETE, "length past end"));

        assertThat(Comments.forVerdict(verdict)).isEqualTo("YARA Guard: object not fully inspected");
    }

    @Test
    void controlCharactersNeverReachAComment() {
        assertThat(Comments.fit("YARA Guard: a\r\nb\u0000c", "")).isEqualTo("YARA Guard: a??b?c");
    }

    private static Finding finding(String rule, Action action) {
        return new Finding(rule, "default/x.yar", List.of(), Map.of(), "object", List.of(), action, 1);
    }

    private static Verdict verdict(Action action, Trouble trouble, Finding... findings) {
        return new Verdict(action, List.of(findings), List.of(), trouble, "id", "sha", 1, 1, false,
                ReviewAttributes.empty(), 0);
    }
}

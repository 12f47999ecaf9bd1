package org.yaraguard.review.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryCsvTest {

    @Test
    void oneRowPerStudyWithRulesJoinedAndCrlfLineEnds() {
        String csv = SummaryCsv.of(List.of(
                new AffectedStudy("1.2.3", "P1", "A1", "20261130", 3, List.of("eicar", "pdf_js"), 2, 1),
                new AffectedStudy("1.2.4", null, null, null, 1, List.of("pe"), 0, 0)));

        assertThat(csv).isEqualTo(SummaryCsv.HEADER + "\r\n"
                + "1.2.3,P1,A1,20261130,3,eicar;pdf_js,2,1\r\n"
                + "1.2.4,,,,1,pe,0,0\r\n");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAreDefused() {
        assertThat(SummaryCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(SummaryCsv.cell("+1")).isEqualTo("'+1");
        assertThat(SummaryCsv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(SummaryCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SummaryCsv.cell("\tx")).isEqualTo("'\tx");
        assertThat(SummaryCsv.cell("P-1")).isEqualTo("P-1");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAsRfc4180Says() {
        assertThat(SummaryCsv.cell("Doe, John")).isEqualTo("\"Doe, John\"");
        assertThat(SummaryCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(SummaryCsv.cell("a\nb")).isEqualTo("\"a\nb\"");
    }
}

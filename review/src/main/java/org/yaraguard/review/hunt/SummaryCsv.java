package org.yaraguard.review.hunt;

import java.util.List;

/**
 * {@code summary.csv}: one row per affected study for the PACS administrator's spreadsheet. RFC 4180 quoting; a cell
 * that starts with {@code = + - @} (or a tab/carriage return) is prefixed with {@code '} so that a UID or ID written
 * by whoever made the object can never run as a formula (CSV injection).
 */
public final class SummaryCsv {

    static final String HEADER =
            "studyInstanceUid,patientId,accessionNumber,studyDate,instances,rules,rejected,failed";

    private SummaryCsv() {
    }

    /** The whole file, CRLF line ends as RFC 4180 says. */
    public static String of(List<AffectedStudy> studies) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (AffectedStudy s : studies) {
            csv.append(cell(s.studyInstanceUid())).append(',')
                    .append(cell(s.patientId())).append(',')
                    .append(cell(s.accessionNumber())).append(',')
                    .append(cell(s.studyDate())).append(',')
                    .append(s.instances()).append(',')
                    .append(cell(String.join(";", s.rules()))).append(',')
                    .append(s.rejected()).append(',')
                    .append(s.failed()).append("\r\n");
        }
        return csv.toString();
    }

    /** One cell: defused, then quoted when it holds a comma, a quote or a line break. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}

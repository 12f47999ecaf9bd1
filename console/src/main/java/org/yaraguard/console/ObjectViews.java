package org.yaraguard.console;

import java.io.PrintWriter;
import java.util.List;
import org.yaraguard.review.ByteWindow;
import org.yaraguard.review.MatchView;

/**
 * The parts of an object's review view that the quarantine and the hunts share: the matches table (rule, region,
 * offsets) and the hex windows review's {@link org.yaraguard.review.HexViews} read. Every value is escaped.
 */
final class ObjectViews {

    private ObjectViews() {
    }

    static void matches(PrintWriter out, List<MatchView> matches) {
        out.println("<table class=\"matches\"><tr><th>Rule</th><th>Region</th><th>Offsets</th><th>Action</th>"
                + "<th>Tags</th><th>Metadata</th></tr>");
        for (MatchView m : matches) {
            out.println("<tr class=\"match\"><td>" + Html.text(m.namespace() + ":" + m.rule()) + "</td><td>"
                    + Html.text(m.region()) + "</td><td>" + Html.text(m.offsets()) + "</td><td>"
                    + Html.text(m.action()) + "</td><td>" + Html.text(m.tags()) + "</td><td>" + Html.text(m.meta())
                    + "</td></tr>");
        }
        out.println("</table>");
    }

    static void window(PrintWriter out, ByteWindow w) {
        // Each line escaped on its own: the escaping turns control characters, the line break too, into U+FFFD.
        out.println("<h3>" + Html.text(w.label()) + "</h3><pre class=\"hex\">"
                + String.join("\n", w.hexLines().stream().map(Html::text).toList()) + "</pre>");
    }
}

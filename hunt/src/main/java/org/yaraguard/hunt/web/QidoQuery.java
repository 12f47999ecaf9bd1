package org.yaraguard.hunt.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The study-level QIDO-RS matching keys of a hunt ({@code --qido StudyDate=20240101-20241231}, repeated), e.g.
 * StudyDate ranges, ModalitiesInStudy, any attribute keyword or tag. Paging and order belong to the hunt: offset,
 * limit and orderby are refused.
 */
public record QidoQuery(List<String> parameters) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]*|[0-9A-Fa-f]{8}(\\.[0-9A-Fa-f]{8})*");
    private static final Set<String> RESERVED = Set.of("offset", "limit", "orderby");

    public QidoQuery {
        parameters = List.copyOf(parameters);
    }

    /** Parses {@code key=value} pairs; an IllegalArgumentException names the one that is not acceptable. */
    public static QidoQuery parse(List<String> pairs) {
        List<String> parameters = new ArrayList<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? "" : pair.substring(0, eq).strip();
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("--qido wants KEY=VALUE with an attribute keyword or tag as KEY: "
                        + pair);
            }
            if (RESERVED.contains(key.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("--qido " + key + " is set by the hunt itself (it pages and orders"
                        + " the studies)");
            }
            parameters.add(key + "=" + URLEncoder.encode(pair.substring(eq + 1).strip(), StandardCharsets.UTF_8));
        }
        return new QidoQuery(parameters);
    }

    /** This query narrowed to studies on or after {@code yyyyMMdd} ({@code --since}), unless it has a StudyDate. */
    public QidoQuery since(String date) {
        if (date == null
                || parameters.stream().anyMatch(p -> p.startsWith("StudyDate=") || p.startsWith("00080020="))) {
            return this;
        }
        List<String> narrowed = new ArrayList<>(parameters);
        narrowed.add("StudyDate=" + URLEncoder.encode(date + "-", StandardCharsets.UTF_8));
        return new QidoQuery(narrowed);
    }

    /** The query string (without '?'), encoded. */
    String queryString() {
        return String.join("&", parameters);
    }
}

package org.yaraguard.it.archive.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.yaraguard.it.archive.store.StandInInstance;
import org.yaraguard.it.archive.store.StoredObjects;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Test code standing in for the archive's QidoRS, {@code GET /dcm4chee-arc/aets/{AET}/rs/studies} and
 * {@code .../studies/{study}/instances}, over what the stand-in stored (its database is the store records'
 * instance attribute filter): rejected instances are not shown (the default query view); matching on StudyDate
 * (ranges), ModalitiesInStudy, PatientID and AccessionNumber (with wild cards), StudyInstanceUID;
 * {@code offset}/{@code limit} as QidoRS
 * pages them: 204 No Content when nothing (more) matches, at most {@value #MAX_RESULTS} matches per answer
 * (qidoMaxNumberOfResults) with a {@code Warning} header telling how many more there are; answers are
 * {@code application/dicom+json}, ordered by UIDs.
 */
@RequestScoped
@Path("aets/{aet}/rs")
public class QidoRsResource {

    static final int MAX_RESULTS = 100;
    private static final Set<String> PAGING = Set.of("offset", "limit", "orderby", "includefield", "fuzzymatching");

    @Context
    UriInfo uri;

    @GET
    @Path("studies")
    public Response studies(@PathParam("aet") String aet) throws IOException {
        if (!ArchiveErrors.knownAe(aet)) {
            return ArchiveErrors.noSuchAe(aet);
        }
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        for (String key : params.keySet()) {
            if (!PAGING.contains(key) && !MATCHERS.containsKey(key)) {
                return ArchiveErrors.error(Response.Status.BAD_REQUEST, "the stand-in does not match on " + key);
            }
        }
        Map<String, List<StandInInstance>> studies = new LinkedHashMap<>();
        for (StandInInstance instance : StoredObjects.visible()) {
            studies.computeIfAbsent(instance.studyInstanceUid(), s -> new ArrayList<>()).add(instance);
        }
        List<String> matches = new ArrayList<>();
        for (List<StandInInstance> instances : studies.values()) {
            if (params.entrySet().stream().filter(e -> MATCHERS.containsKey(e.getKey()))
                    .allMatch(e -> MATCHERS.get(e.getKey()).apply(instances).matches(e.getValue().get(0)))) {
                matches.add(study(instances));
            }
        }
        return page(matches, params);
    }

    @GET
    @Path("studies/{study}/instances")
    public Response instances(@PathParam("aet") String aet, @PathParam("study") String study) throws IOException {
        if (!ArchiveErrors.knownAe(aet)) {
            return ArchiveErrors.noSuchAe(aet);
        }
        List<String> matches = new ArrayList<>();
        for (StandInInstance instance : StoredObjects.visible()) {
            if (instance.studyInstanceUid().equals(study)) {
                JsonObjectBuilder json = Json.createObjectBuilder();
                element(json, "00080016", "UI", instance.attribute(0x00080016));
                element(json, "00080018", "UI", instance.sopInstanceUid());
                element(json, "0020000D", "UI", instance.studyInstanceUid());
                element(json, "0020000E", "UI", instance.seriesInstanceUid());
                matches.add(json.build().toString());
            }
        }
        return page(matches, uri.getQueryParameters());
    }

    private static Response page(List<String> matches, MultivaluedMap<String, String> params) {
        int offset = Integer.parseInt(params.getFirst("offset") == null ? "0" : params.getFirst("offset"));
        int limit = Integer.parseInt(params.getFirst("limit") == null ? "0" : params.getFirst("limit"));
        int take = limit == 0 || limit > MAX_RESULTS ? MAX_RESULTS : limit;
        if (offset >= matches.size()) {
            return Response.noContent().build();
        }
        List<String> page = matches.subList(offset, Math.min(matches.size(), offset + take));
        Response.ResponseBuilder answer = Response.ok("[" + String.join(",", page) + "]", "application/dicom+json");
        int remaining = matches.size() - offset - page.size();
        if (remaining > 0 && (limit == 0 || take < limit)) {
            answer.header("Warning", "299 127.0.0.1: \"There are " + remaining
                    + " additional results that can be requested\"");
        }
        return answer.header("Cache-Control", "no-cache").build();
    }

    private static String study(List<StandInInstance> instances) {
        StandInInstance first = instances.get(0);
        JsonObjectBuilder json = Json.createObjectBuilder();
        element(json, "00080020", "DA", first.attribute(0x00080020));
        element(json, "00080050", "SH", first.attribute(0x00080050));
        element(json, "00080061", "CS", String.join("\\", modalities(instances)));
        element(json, "00100020", "LO", first.attribute(0x00100020));
        element(json, "0020000D", "UI", first.studyInstanceUid());
        element(json, "00201208", "IS", String.valueOf(instances.size()));
        return json.build().toString();
    }

    private static Set<String> modalities(List<StandInInstance> instances) {
        Set<String> modalities = new TreeSet<>();
        instances.forEach(i -> {
            if (!i.attribute(0x00080060).isEmpty()) {
                modalities.add(i.attribute(0x00080060));
            }
        });
        return modalities;
    }

    private static void element(JsonObjectBuilder json, String tag, String vr, String value) {
        JsonObjectBuilder element = Json.createObjectBuilder().add("vr", vr);
        if (value != null && !value.isEmpty()) {
            JsonArrayBuilder values = Json.createArrayBuilder();
            for (String v : value.split("\\\\")) {
                values.add(v);
            }
            element.add("Value", values);
        }
        json.add(tag, element);
    }

    /** A study's value of one matching key, tested against the query value. */
    private interface Matcher {
        boolean matches(String query);
    }

    private static final Map<String, Function<List<StandInInstance>, Matcher>> MATCHERS = Map.of(
            "StudyDate", instances -> q -> dateIn(instances.get(0).attribute(0x00080020), q),
            "ModalitiesInStudy", instances -> q -> modalities(instances).contains(q),
            "PatientID", instances -> q -> wildcard(instances.get(0).attribute(0x00100020), q),
            "AccessionNumber", instances -> q -> wildcard(instances.get(0).attribute(0x00080050), q),
            "StudyInstanceUID", instances -> q -> instances.get(0).studyInstanceUid().equals(q));

    /** DICOM wild card matching: {@code *} any characters, {@code ?} one. */
    private static boolean wildcard(String value, String query) {
        StringBuilder regex = new StringBuilder();
        for (char c : query.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return value.matches(regex.toString());
    }

    /** DICOM date range matching: {@code A}, {@code A-B}, {@code A-}, {@code -B}. */
    private static boolean dateIn(String date, String range) {
        int dash = range.indexOf('-');
        if (dash < 0) {
            return date.equals(range);
        }
        String from = range.substring(0, dash);
        String to = range.substring(dash + 1);
        return !date.isEmpty() && (from.isEmpty() || date.compareTo(from) >= 0)
                && (to.isEmpty() || date.compareTo(to) <= 0);
    }
}

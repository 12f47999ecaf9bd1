package org.yaraguard.hunt.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test code: a JDK HttpServer answering as dcm4chee-arc's QidoRS, WadoRS and IocmRS do for one AE (paths, media
 * types, status codes, the {@code {"errorMessage":...}} text/plain errors), with a QIDO page cap like
 * qidoMaxNumberOfResults. A rejected instance leaves QIDO and WADO; rejecting it again answers 404 as the archive
 * does through a view that hides rejected instances.
 */
final class ArchiveStandIn implements AutoCloseable {

    record Instance(String study, String series, String sop, byte[] file) {}

    private final HttpServer server;
    private final Map<String, Instance> instances = new ConcurrentHashMap<>();
    private final Map<String, String> rejected = new ConcurrentHashMap<>();
    /** Instances (by SOP UID) whose next answers are forced: status codes, consumed one per request. */
    final Map<String, List<Integer>> forced = new ConcurrentHashMap<>();
    /** Instances (by SOP UID) served as a part of another media type, or as two parts. */
    final Map<String, String> oddParts = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    volatile int maxResults = 1000;
    volatile String failInstancesOfStudy;

    ArchiveStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/dcm4chee-arc/aets/DCM4CHEE/rs/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dcm4chee-arc/aets/DCM4CHEE/rs");
    }

    void add(String study, String series, String sop, byte[] file) {
        instances.put(sop, new Instance(study, series, sop, file));
    }

    boolean isRejected(String sop) {
        return rejected.containsKey(sop);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/dcm4chee-arc/aets/DCM4CHEE/rs".length());
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String[] p = path.split("/");
            Map<String, String> params = params(query);
            if (exchange.getRequestMethod().equals("GET") && path.equals("/studies")) {
                studies(exchange, params);
            } else if (exchange.getRequestMethod().equals("GET") && p.length == 4 && p[3].equals("instances")) {
                instancesOf(exchange, p[2], params);
            } else if (exchange.getRequestMethod().equals("GET") && p.length == 7) {
                retrieve(exchange, p[6]);
            } else if (exchange.getRequestMethod().equals("POST") && p.length == 9 && p[7].equals("reject")) {
                reject(exchange, p[6], p[8]);
            } else {
                send(exchange, 404, "text/plain", "{\"errorMessage\":\"no such resource\"}".getBytes());
            }
        }
    }

    private List<Instance> visible() {
        List<Instance> list = new ArrayList<>();
        for (Instance i : instances.values()) {
            if (!rejected.containsKey(i.sop())) {
                list.add(i);
            }
        }
        return list;
    }

    private void studies(HttpExchange exchange, Map<String, String> params) throws IOException {
        TreeMap<String, Instance> byStudy = new TreeMap<>();
        for (Instance i : visible()) {
            byStudy.putIfAbsent(i.study(), i);
        }
        List<String> matches = new ArrayList<>();
        for (String study : byStudy.keySet()) {
            matches.add("{\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"" + study + "\"]},"
                    + "\"00100020\":{\"vr\":\"LO\",\"Value\":[\"PID-" + study + "\"]}}");
        }
        page(exchange, matches, params);
    }

    private void instancesOf(HttpExchange exchange, String study, Map<String, String> params) throws IOException {
        if (study.equals(failInstancesOfStudy)) {
            send(exchange, 500, "text/plain", "java.lang.IllegalStateException: stand-in fault".getBytes());
            return;
        }
        // A stable order that is not the UIDs' text order: the client sorts each study itself.
        List<Instance> list = new ArrayList<>(visible().stream().filter(i -> i.study().equals(study))
                .sorted(Comparator.comparing(i -> new StringBuilder(i.sop()).reverse().toString())).toList());
        List<String> matches = new ArrayList<>();
        for (Instance i : list) {
            matches.add("{\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"" + i.study() + "\"]},"
                    + "\"0020000E\":{\"vr\":\"UI\",\"Value\":[\"" + i.series() + "\"]},"
                    + "\"00080018\":{\"vr\":\"UI\",\"Value\":[\"" + i.sop() + "\"]}}");
        }
        page(exchange, matches, params);
    }

    /** Offset/limit as QidoRS: 204 when nothing is left, a Warning header when the cap cut the page. */
    private void page(HttpExchange exchange, List<String> matches, Map<String, String> params) throws IOException {
        int offset = Integer.parseInt(params.getOrDefault("offset", "0"));
        int limit = Integer.parseInt(params.getOrDefault("limit", "0"));
        int take = limit == 0 || limit > maxResults ? maxResults : limit;
        if (offset >= matches.size()) {
            send(exchange, 204, null, new byte[0]);
            return;
        }
        List<String> page = matches.subList(offset, Math.min(matches.size(), offset + take));
        int remaining = matches.size() - offset - page.size();
        if (remaining > 0 && take < (limit == 0 ? Integer.MAX_VALUE : limit)) {
            exchange.getResponseHeaders().add("Warning", "299 localhost: \"There are " + remaining
                    + " additional results that can be requested\"");
        }
        send(exchange, 200, "application/dicom+json",
                ("[" + String.join(",", page) + "]").getBytes(StandardCharsets.UTF_8));
    }

    private Integer forcedStatus(String sop) {
        List<Integer> codes = forced.get(sop);
        return codes == null || codes.isEmpty() ? null : codes.remove(0);
    }

    private void retrieve(HttpExchange exchange, String sop) throws IOException {
        Integer status = forcedStatus(sop);
        Instance instance = instances.get(sop);
        if (status != null) {
            send(exchange, status, "text/plain", "java.lang.RuntimeException: stand-in fault".getBytes());
            return;
        }
        if (instance == null || rejected.containsKey(sop)) {
            send(exchange, 404, "text/plain", "{\"errorMessage\":\"No matches found.\"}".getBytes());
            return;
        }
        String boundary = "b" + Integer.toHexString(sop.hashCode());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String odd = oddParts.get(sop);
        String type = odd != null && !odd.equals("two") ? odd : "application/dicom";
        out.writeBytes(("\r\n--" + boundary + "\r\nContent-Type: " + type + ";transfer-syntax=1.2.840.10008.1.2.1"
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(instance.file());
        if ("two".equals(odd)) {
            out.writeBytes(("\r\n--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(instance.file());
        }
        out.writeBytes(("\r\n--" + boundary + "--").getBytes(StandardCharsets.US_ASCII));
        send(exchange, 200, "multipart/related;type=\"application/dicom\";boundary=" + boundary
                + ";transfer-syntax=1.2.840.10008.1.2.1", out.toByteArray());
    }

    private void reject(HttpExchange exchange, String sop, String code) throws IOException {
        Integer status = forcedStatus(sop);
        if (status != null) {
            send(exchange, status, "text/plain", "java.lang.RuntimeException: stand-in fault".getBytes());
            return;
        }
        if (!code.equals("113037^DCM") && !code.equals("113001^DCM")) {
            String[] cs = code.split("\\^");
            send(exchange, 404, "text/plain", ("{\"errorMessage\":\"Unknown Rejection Note Code: (" + cs[0] + ", "
                    + cs[1] + ")\"}").getBytes());
            return;
        }
        Instance instance = instances.get(sop);
        if (instance == null || rejected.containsKey(sop)) {
            send(exchange, 404, "text/plain", ("{\"errorMessage\":\"No instances of Study[UID="
                    + (instance == null ? "?" : instance.study()) + "] found for rejection.\"}").getBytes());
            return;
        }
        rejected.put(sop, code);
        send(exchange, 200, "application/json", "{\"count\":1}".getBytes());
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().add("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

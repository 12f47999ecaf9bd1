package org.yaraguard.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand-in archive's QIDO-RS, WADO-RS retrieve and IOCM rejection answer as dcm4chee-arc 5.34.3 does (QidoRS,
 * WadoRS, IocmRS): media types, paging with 204, 406 for an Accept without a DICOM part, the stored file with its
 * zeroed preamble as the one part, the archive's error texts, and a rejected instance gone from query and retrieve.
 */
class StandInDicomWebIT extends DeployedArchive {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void theStandInAnswersQidoWadoAndIocmAsTheArchiveDoes() throws Exception {
        DicomSample image = samples("hunt-standin").image("hunt-standin", 920100, null);
        assertThat(archive.cStore(image.dataset(), "MODALITY1").stored()).isTrue();
        String url = rs() + "/studies/" + image.studyInstanceUid() + "/series/"
                + DicomSamples.uid(DicomSamples.SERIES, 920100) + "/instances/" + image.sopInstanceUid();
        String study = "/studies?PatientID=PID920100";

        HttpResponse<String> listed = send("GET", rs() + study + "&offset=0&limit=1", "application/dicom+json");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.headers().firstValue("Content-Type").orElse("")).startsWith("application/dicom+json");
        JsonNode match = JSON.readTree(listed.body()).path(0);
        assertThat(match.path("0020000D").path("Value").path(0).asText()).isEqualTo(image.studyInstanceUid());
        assertThat(match.path("00080061").path("Value").path(0).asText()).isEqualTo("OT");
        assertThat(send("GET", rs() + study + "&offset=1&limit=1", "application/dicom+json").statusCode())
                .as("nothing more: 204").isEqualTo(204);
        assertThat(send("GET", url, "application/dicom").statusCode()).as("not multipart: 406").isEqualTo(406);

        HttpResponse<String> retrieved = send("GET", url, "multipart/related; type=\"application/dicom\"");
        assertThat(retrieved.statusCode()).isEqualTo(200);
        String type = retrieved.headers().firstValue("Content-Type").orElse("");
        assertThat(type).startsWith("multipart/related").contains("type=\"application/dicom\"");
        String boundary = type.substring(type.indexOf("boundary=") + "boundary=".length()).split(";")[0];
        String body = retrieved.body();
        int start = body.indexOf("\r\n\r\n") + 4;
        byte[] part = body.substring(start, body.lastIndexOf("\r\n--" + boundary + "--"))
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(new String(part, 128, 4, StandardCharsets.US_ASCII)).isEqualTo("DICM");
        assertThat(Arrays.copyOf(part, 128)).as("the archive's zeroed preamble").isEqualTo(new byte[128]);

        assertThat(send("POST", url + "/reject/999999%5E99X", "application/json").body())
                .isEqualTo("{\"errorMessage\":\"Unknown Rejection Note Code: (999999, 99X)\"}");
        HttpResponse<String> rejected = send("POST", url + "/reject/113037%5EDCM", "application/json");
        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(rejected.body()).isEqualTo("{\"count\":1}");
        assertThat(send("GET", rs() + study, "application/dicom+json").statusCode()).isEqualTo(204);
        assertThat(send("GET", url, "multipart/related; type=\"application/dicom\"").statusCode()).isEqualTo(404);
        assertThat(send("GET", url + "/metadata", "application/dicom+json").statusCode()).isEqualTo(404);
        assertThat(send("POST", url + "/reject/113037%5EDCM", "application/json").statusCode()).isEqualTo(404);
    }


    private static String rs() {
        return "http://127.0.0.1:" + ItEnvironment.httpPort() + "/" + StandInArchive.CONTEXT_ROOT + "/aets/"
                + StandInArchive.AET + "/rs";
    }

    private HttpResponse<String> send(String method, String url, String accept) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", accept).method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}

package org.yaraguard.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaraguard.it.unrelated.PingResource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin is a global module, seen by every deployment on the server: an application without the archive's
 * StoreService deploys and works as if the plugin were not there, and the plugin logs no error about it.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "it.install.plugin", matches = "true")
class UnrelatedDeploymentIT {

    private static final String NAME = "unrelated";
    /** Size of the server log before this class deployed its application. */
    private static long logOffset;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        logOffset = Files.size(ItEnvironment.serverLog());
        return ShrinkWrap.create(WebArchive.class, NAME + ".war").addPackage(PingResource.class.getPackage());
    }

    @Test
    void unrelatedApplicationIsLeftAlone() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ItEnvironment.httpPort() + "/" + NAME
                        + "/ping")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("pong");
        byte[] bytes = Files.readAllBytes(ItEnvironment.serverLog());
        int start = (int) Math.min(logOffset, bytes.length);
        String log = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        assertThat(log).contains(NAME + ".war");
        assertThat(log.lines().filter(l -> l.contains("ERROR") && l.contains("YARA Guard"))).isEmpty();
    }
}

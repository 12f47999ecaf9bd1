package org.yaraguard.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.yaraguard.engine.dicom.ReviewAttributes;
import org.yaraguard.engine.quarantine.Quarantine;
import org.yaraguard.engine.quarantine.QuarantineEntry;
import org.yaraguard.engine.quarantine.Sidecar;

/**
 * The console in a real WildFly 39, driven by Debian's headless Chromium through /usr/bin/chromedriver: sign in, see a
 * refused study (with a script in the patient name shown as text), open it, release it (the stand-in archive's STOW
 * endpoint receives the exact bytes), purge another; actions without the token or from another origin are refused.
 * Needs the server started by {@code src/test/wildfly/browser-test.sh}, which passes the console.* properties.
 */
@EnabledIfSystemProperty(named = "console.url", matches = "https?://.+")
class ConsoleBrowserIT {

    private static final String STUDY = "1.2.826.0.1.3680043.2.1125.77";
    private static final String SCRIPT_NAME = "<script>alert('pwned')</script>^<img src=x onerror=alert(2)>";

    @TempDir
    Path dir;
    private final String url = System.getProperty("console.url");
    private final Path quarantine = Path.of(System.getProperty("console.quarantine"));
    private final Path findings = Path.of(System.getProperty("console.findings"));
    private final List<byte[]> stored = new CopyOnWriteArrayList<>();
    private HttpServer archive;
    private WebDriver browser;

    @BeforeEach
    void start() throws IOException {
        archive = HttpServer.create(new InetSocketAddress("127.0.0.1",
                Integer.getInteger("console.stow.port")), 0);
        archive.createContext("/stow", exchange -> {
            stored.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        archive.start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        archive.stop(0);
    }

    @Test
    void signInReviewReleaseAndPurge() throws Exception {
        QuarantineEntry toPurge = keep(polyglot("other", STUDY + ".1.2"), STUDY + ".1.2", "Other^Patient",
                Instant.now().minusSeconds(60));
        byte[] refused = polyglot("refused", STUDY + ".1.1");
        QuarantineEntry toRelease = keep(refused, STUDY + ".1.1", SCRIPT_NAME, Instant.now());

        browser.get(url + "/studies");
        browser.findElement(By.id("j_username")).sendKeys(System.getProperty("console.user"));
        browser.findElement(By.id("j_password")).sendKeys(System.getProperty("console.password"));
        browser.findElement(By.id("sign-in")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user")));

        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo(System.getProperty("console.user"));
        assertThat(browser.getPageSource()).contains("Study " + STUDY);
        assertThat(browser.findElements(By.cssSelector(".patient")))
                .anySatisfy(p -> assertThat(p.getText()).isEqualTo(SCRIPT_NAME));
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);

        browser.findElement(By.cssSelector("tr[data-id='" + toRelease.id() + "'] a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("detail")));
        assertThat(browser.findElement(By.cssSelector("pre.hex")).getText()).startsWith("00000000  4d 5a 90 00");
        screenshot("detail");
        assertThat(browser.findElement(By.id("detail")).getText()).contains(SCRIPT_NAME);
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);

        assertThat(browser.manage().getCookieNamed("JSESSIONID").getSameSite()).isEqualTo("Strict");
        assertThat(browser.manage().getCookieNamed("JSESSIONID").isHttpOnly()).isTrue();
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        assertThat(post(session, "action=purge&id=" + toPurge.id() + "&reason=forged", url)).isEqualTo(403);
        String token = browser.findElement(By.cssSelector("#purge-form input[name=csrf]")).getAttribute("value");
        assertThat(post(session, "action=purge&id=" + toPurge.id() + "&reason=forged&csrf=" + token,
                "https://evil.example")).isEqualTo(403);
        assertThat(toPurge.object()).exists();

        browser.findElement(By.id("release-reason")).sendKeys("vendor preamble, checked");
        browser.findElement(By.id("release-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
        assertThat(browser.findElement(By.id("flash")).getText()).startsWith("Released " + toRelease.id());
        assertThat(stored).singleElement().satisfies(body -> assertThat(contains(body, refused)).isTrue());
        assertThat(browser.findElement(By.id("trail")).getText()).contains("release by "
                + System.getProperty("console.user")).contains("vendor preamble, checked");

        browser.get(url + "/entry?id=" + toPurge.id());
        browser.findElement(By.id("purge-reason")).sendKeys("confirmed malware");
        browser.findElement(By.id("purge-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
        assertThat(browser.findElement(By.id("flash")).getText()).startsWith("Purged");
        assertThat(toPurge.object()).doesNotExist();
        assertThat(browser.findElements(By.cssSelector("tr[data-id='" + toRelease.id() + "'] td.released")))
                .hasSize(1);

        screenshot("studies");
        String log = Files.readString(findings);
        assertThat(log).contains("\"event\":\"view\"").contains("\"event\":\"release\"")
                .contains("\"event\":\"purge\"").contains("\"reason\":\"confirmed malware\"");
    }

    /** Saved beside the findings log for a person to look at; not asserted. */
    private void screenshot(String name) throws IOException {
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, findings.resolveSibling("console-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private int post(String session, String form, String origin) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/action"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + session).header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private byte[] polyglot(String name, String sop) throws IOException, InterruptedException {
        Path dump = dir.resolve(name + ".dump");
        Files.writeString(dump, String.join("\n", "(0008,0016) UI [1.2.840.10008.5.1.4.1.1.7]",
                "(0008,0018) UI [" + sop + "]", "(0010,0010) PN [Browser^Test]", "(0020,000d) UI [" + STUDY + "]",
                "(0020,000e) UI [" + STUDY + ".1]", ""));
        Path out = dir.resolve(name + ".dcm");
        Process p = new ProcessBuilder("dump2dcm", dump.toString(), out.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        byte[] bytes = Files.readAllBytes(out);
        byte[] pe = "MZ\u0090\0browser-test".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(pe, 0, bytes, 0, pe.length);
        return bytes;
    }

    private QuarantineEntry keep(byte[] bytes, String sop, String patientName, Instant at) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Sidecar sidecar = new Sidecar(sha, at.toString(), "stow-rs", "MODALITY1", "DCM4CHEE",
                "127.0.0.1", "enforce", "reject", Sidecar.QUARANTINED, "rs1", sha, bytes.length, true,
                "1.2.840.10008.1.2.1", null, new ReviewAttributes("1.2.840.10008.5.1.4.1.1.7", sop, STUDY,
                        STUDY + ".1", "PID", patientName, "20260101", "OT", "ACC"),
                List.of(new Sidecar.Match("PE_In_Preamble", "default", List.of("pe"), Map.of("severity", "high"),
                        "preamble", List.of(0L), "reject")), List.of(), List.of());
        return new Quarantine(quarantine).put(ByteBuffer.wrap(bytes), sidecar);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

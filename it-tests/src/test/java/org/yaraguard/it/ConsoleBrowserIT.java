package org.yaraguard.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.yaraguard.engine.quarantine.RulesStatusFile;
import org.yaraguard.review.hunt.HitMatch;
import org.yaraguard.review.hunt.HuntHit;
import org.yaraguard.review.hunt.HuntReport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Issue 4's web console in a real headless Chromium (Debian's chromium and chromium-driver, through Selenium),
 * deployed beside the stand-in archive in the test WildFly where deployment/install.sh installed the plugin with
 * {@code yara-guard.stow.url} pointing at the stand-in's STOW-RS endpoint and prepare-wildfly.xml added a reviewer
 * with bin/add-user.sh. Two polyglots (PE header in the preamble) are refused over STOW-RS and quarantined by the
 * hook; the reviewer signs in, sees the refused study (a script in the patient name is shown as text), opens it,
 * releases it — the console POSTs it to the archive's STOW-RS, the real hook honours the one-time approval and the
 * stand-in stores it byte for byte — and purges the other one. Actions without the CSRF token, or from another
 * origin, are refused with 403. The Status page shows the rule set in force and counts the objects sent.
 */
@EnabledIfSystemProperty(named = "it.install.plugin", matches = "true")
class ConsoleBrowserIT extends DeployedArchive {

    /** Debian's chromium and chromium-driver; {@code -Dit.chromium} / {@code -Dit.chromedriver} point elsewhere. */
    static final String CHROMIUM = System.getProperty("it.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("it.chromedriver", "/usr/bin/chromedriver");
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "<img src=x onerror=alert(2)>";
    private static final String SCRIPT_NAME = SCRIPT + "^" + IMG;
    private static final String RELEASE_REASON = "vendor preamble, checked by the reviewer";
    private static final String PURGE_REASON = "confirmed malware";
    /** A patient ID as an object could carry it: a hunt report holds it as it came. */
    private static final String HUNT_PATIENT = "<script>alert(3)</script>";

    @TempDir
    Path profile;
    private WebDriver browser;
    private WebDriverWait wait;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The console WAR the reactor built, deployed after the stand-in archive EAR (order 2). */
    @Deployment(name = "console", order = 2, testable = false)
    static WebArchive console() {
        Path war = ItEnvironment.consoleWar();
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("no console WAR at " + war.toAbsolutePath()
                    + ": build it with mvn -pl it-tests -am verify");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war.toFile());
    }

    @BeforeEach
    void startBrowser() {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            fail("The console's browser test needs Debian's headless Chromium and its driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "): apt-get install chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort()
                .withLogFile(ItEnvironment.work().resolve("chromedriver.log").toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signInSeeRefusedStudyReleaseItAndPurgeAnother() throws Exception {
        // One engine per JVM: the WAR brings no engine class and no Jackson, so every engine class the console uses
        // below (findings log, quarantine, approvals) is the plugin module's, the one the hook uses.
        assertThat(warEntries()).filteredOn(name -> name.startsWith("WEB-INF/lib/"))
                .singleElement().satisfies(jar -> assertThat(jar).matches("WEB-INF/lib/yara-guard-review-.*\\.jar"));
        assertThat(warEntries()).noneMatch(name -> name.contains("org/yaraguard/engine/"));
        DicomSamples samples = samples("console");
        DicomSample toRelease = samples.image("console-release", 701, null, SCRIPT_NAME)
                .withPreamble("console-release", DicomSamples.pePreamble());
        DicomSample toPurge = samples.image("console-purge", 702, null, "Other^Patient")
                .withPreamble("console-purge", DicomSamples.pePreamble());

        // Both are refused by the hook on the archive's STOW-RS endpoint and kept in the quarantine.
        for (DicomSample sample : List.of(toRelease, toPurge)) {
            ArchiveClient.StowOutcome outcome = archive.stowRs(List.of(sample.part10()));
            assertThat(outcome.httpStatus()).as("STOW-RS of %s: %s", sample.name(), outcome).isEqualTo(409);
            assertThat(outcome.failureReasons()).containsExactly(ItEnvironment.rejectStatus());
            assertThat(QuarantineFolder.object(sample.studyInstanceUid(), sample.sha256()))
                    .hasBinaryContent(sample.part10());
            assertNotStored(sample);
        }
        String releaseId = toRelease.sha256();
        String purgeId = toPurge.sha256();

        signIn("/studies");

        // The refused study is listed; the script in its patient name is text, never run.
        assertNoAlert();
        assertThat(browser.findElements(row(releaseId))).hasSize(1);
        assertThat(browser.findElements(row(purgeId))).hasSize(1);
        assertThat(browser.getPageSource()).contains("Study " + toRelease.studyInstanceUid());
        assertThat(browser.findElements(By.cssSelector(".patient")))
                .anySatisfy(p -> assertThat(p.getText()).contains(SCRIPT));
        assertThat(browser.findElements(By.cssSelector(".patient")))
                .anySatisfy(p -> assertThat(p.getText()).isEqualTo(SCRIPT_NAME));
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();
        assertThat(browser.getPageSource()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(SCRIPT)
                .doesNotContain(IMG);
        String session = sessionCookie();
        HttpResponse<String> raw = get(session, "/studies");
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(SCRIPT)
                .doesNotContain(IMG);
        assertThat(raw.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'none'"));
        screenshot("studies-before");

        // Open it: the detail view with the hex of the PE preamble.
        browser.findElement(By.cssSelector("tr[data-id='" + releaseId + "'] a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("detail")));
        assertNoAlert();
        assertThat(browser.findElement(By.id("detail")).getText()).contains(SCRIPT)
                .contains("(none) at 127.0.0.1 to " + StandInArchive.AET).doesNotContain("null");
        assertThat(browser.findElement(By.cssSelector("pre.hex")).getText()).startsWith("00000000  4d 5a");
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();
        assertThat(FindingsLog.events("view")).anyMatch(e -> releaseId.equals(e.path("id").asText())
                && ItEnvironment.reviewerUser().equals(e.path("user").asText()));
        screenshot("detail");

        // Cross-site protection: the session cookie, and release POSTs without the token or from elsewhere.
        Cookie cookie = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.isHttpOnly()).isTrue();
        String token = browser.findElement(By.cssSelector("#release-form input[name=csrf]")).getAttribute("value");
        assertThat(token).isNotBlank();
        String origin = "http://127.0.0.1:" + ItEnvironment.httpPort();
        String releaseForm = "action=release&id=" + releaseId + "&reason=" + encode("forged");
        assertThat(post(session, releaseForm, origin)).as("release without the CSRF token").isEqualTo(403);
        assertThat(post(session, releaseForm + "&csrf=wrong" + token, origin)).as("wrong token").isEqualTo(403);
        assertThat(post(session, releaseForm + "&csrf=" + encode(token), "https://evil.example"))
                .as("foreign origin").isEqualTo(403);
        assertNotStored(toRelease);
        assertThat(FindingsLog.events("release")).noneMatch(e -> releaseId.equals(e.path("id").asText()));
        assertThat(ItEnvironment.approvalsFolder().resolve(releaseId + ".approval")).doesNotExist();

        // Release with a reason: through the archive's STOW-RS and the real hook, on the one-time approval.
        browser.findElement(By.id("release-reason")).sendKeys(RELEASE_REASON);
        browser.findElement(By.id("release-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
        assertNoAlert();
        assertThat(browser.findElement(By.id("flash")).getText()).startsWith("Released " + releaseId)
                .contains("HTTP 200");
        assertThat(browser.findElement(By.id("trail")).getText())
                .contains("release by " + ItEnvironment.reviewerUser()).contains(RELEASE_REASON);
        List<ArchiveRecord> stored = ArchiveRecord.all().stream()
                .filter(r -> toRelease.sopInstanceUid().equals(r.sopInstanceUid())).toList();
        assertThat(stored).singleElement().satisfies(record -> {
            assertThat(record.entry()).isEqualTo("store-stream");
            assertThat(record.receivedBytes()).as("stored byte-identical").isEqualTo(toRelease.part10());
        });
        assertThat(FindingsLog.events("approval-used")).filteredOn(e -> releaseId.equals(e.path("id").asText()))
                .hasSize(1);
        assertThat(FindingsLog.events("release")).filteredOn(e -> releaseId.equals(e.path("id").asText()))
                .singleElement().satisfies(e -> {
                    assertThat(e.path("user").asText()).isEqualTo(ItEnvironment.reviewerUser());
                    assertThat(e.path("reason").asText()).isEqualTo(RELEASE_REASON);
                });
        assertThat(ItEnvironment.approvalsFolder().resolve(releaseId + ".approval")).as("approval used up")
                .doesNotExist();
        screenshot("released");

        // Purge the other one with a reason: gone from the list and from the quarantine folder.
        browser.get(ItEnvironment.consoleUrl() + "/entry?id=" + purgeId);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("purge-reason")));
        browser.findElement(By.id("purge-reason")).sendKeys(PURGE_REASON);
        browser.findElement(By.id("purge-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
        assertThat(browser.findElement(By.id("flash")).getText()).startsWith("Purged " + purgeId);
        assertThat(browser.findElements(row(purgeId))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("tr[data-id='" + releaseId + "'] td.released"))).hasSize(1);
        assertThat(QuarantineFolder.ids()).doesNotContain(purgeId).contains(releaseId);
        assertThat(QuarantineFolder.sidecarIds()).doesNotContain(purgeId);
        assertThat(QuarantineFolder.object(toPurge.studyInstanceUid(), purgeId)).doesNotExist();
        assertThat(FindingsLog.events("purge")).filteredOn(e -> purgeId.equals(e.path("id").asText()))
                .singleElement().satisfies(e -> assertThat(e.path("reason").asText()).isEqualTo(PURGE_REASON));
        assertNotStored(toPurge);
        screenshot("studies-after");

        // The approval was for one store only: the same bytes sent again are refused.
        ArchiveClient.StowOutcome again = archive.stowRs(List.of(toRelease.part10()));
        assertThat(again.httpStatus()).as("second STOW-RS of the released object: %s", again).isEqualTo(409);
        assertThat(FindingsLog.events("approval-used")).filteredOn(e -> releaseId.equals(e.path("id").asText()))
                .hasSize(1);
    }

    @Test
    void huntsPageListsAReportByStudyAndAStudysHitsWithTheirBytes() throws Exception {
        // The archive's storage as dcm4chee-arc lays it out ({date}/{study hash}/{series hash}/{sop hash}, no
        // extension) holding a real DCMTK-made PDF that opens with JavaScript, its Patient ID rewritten by dcmodify to
        // markup, and a clean image; the real command line hunts it into the default hunts folder install.sh made.
        DicomSamples samples = samples("hunts");
        DicomSample pdf = samples.pdf("hunt-pdf-javascript", 801, true);
        DicomSample clean = samples.image("hunt-clean", 802, null);
        Path storage = Files.createDirectories(ItEnvironment.work().resolve("hunt-storage"));
        Path infected = storage.resolve("2026/11/25/1A2B3C4D/5E6F7A8B/9C0D1E2F");
        Files.createDirectories(infected.getParent());
        Files.write(infected, pdf.part10());
        Files.write(infected.resolveSibling("0A1B2C3D"), clean.part10());
        assertThat(run(List.of("dcmodify", "-nb", "-m", "(0010,0020)=" + HUNT_PATIENT, infected.toString())))
                .isZero();
        Path report = ItEnvironment.huntsFolder().resolve("hunt-it");
        assertThat(run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                ItEnvironment.cliJar().toString(), "hunt", "--rules", ItEnvironment.rulesFolder().toString(),
                "--report", report.toString(), "--storage", storage.toString()))).as("exit code: hits").isEqualTo(1);
        HuntHit hit = HuntReport.open(report).hitsOfStudy(pdf.studyInstanceUid()).get(0);
        HitMatch match = hit.matches().stream().filter(m -> m.rule().equals("pdf_openaction_javascript"))
                .findFirst().orElseThrow();

        signIn("/hunts");
        assertNoAlert();
        assertThat(browser.findElements(By.cssSelector("tr.hunt[data-report='hunt-it']"))).hasSize(1);
        assertThat(browser.findElement(By.id("hunt-summary")).getText()).contains("1 patients, 1 studies")
                .contains("2 judged").contains("0 instances rejected, 0 failed");
        assertThat(browser.findElement(By.id("by-study")).getText()).contains(pdf.studyInstanceUid())
                .contains(HUNT_PATIENT).contains("pdf_openaction_javascript");
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        screenshot("hunts");

        browser.findElement(By.cssSelector("tr.hunt-study[data-study='" + pdf.studyInstanceUid() + "'] a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("div.hit")));
        assertNoAlert();
        assertThat(browser.findElement(By.cssSelector("div.hit")).getAttribute("data-sop"))
                .isEqualTo(pdf.sopInstanceUid());
        assertThat(browser.findElement(By.cssSelector("table.matches")).getText())
                .contains(match.namespace() + ":pdf_openaction_javascript").contains(match.region())
                .contains(match.offsets().toString());
        List<String> hex = browser.findElements(By.cssSelector("pre.hex")).stream().map(e -> e.getText()).toList();
        assertThat(hex).hasSizeGreaterThanOrEqualTo(2);
        assertThat(hex.get(0)).as("the stored file's zeroed preamble").startsWith("00000000  00 00 00 00")
                .contains("|DICM");
        assertThat(browser.getPageSource()).as("a window around the match")
                .contains("pdf_openaction_javascript at 0x" + Long.toHexString(match.offsets().get(0)))
                .contains("not acted on").doesNotContain(HUNT_PATIENT);
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        assertThat(browser.findElements(By.tagName("form"))).as("read-only: no actions").isEmpty();
        screenshot("hunt-study");
    }

    @Test
    void statusPageShowsTheRuleSetInForceAndTheCountsOfObjectsSent() throws Exception {
        signIn("/status");
        long before = objectsShown(0);
        DicomSamples samples = samples("status");
        DicomSample clean = samples.image("status-clean", 901, null, "Status^Clean");
        DicomSample polyglot = samples.image("status-refused", 902, null, "Status^Refused")
                .withPreamble("status-refused", DicomSamples.pePreamble());
        assertThat(archive.stowRs(List.of(clean.part10())).httpStatus()).isEqualTo(200);
        assertThat(archive.stowRs(List.of(polyglot.part10())).httpStatus()).isEqualTo(409);

        // The plugin writes its status within about 2 s of a change, never on the store's thread.
        assertThat(objectsShown(before + 2)).isGreaterThanOrEqualTo(before + 2);
        assertNoAlert();
        String inForce = RulesStatusFile.read(ItEnvironment.quarantineFolder()).orElseThrow().rulesetId();
        assertThat(browser.findElement(By.id("ruleset-id")).getText()).isEqualTo(inForce);
        assertThat(browser.findElement(By.id("by-outcome")).getText()).contains("refused").contains("stored");
        assertThat(browser.findElement(By.id("by-action")).getText()).contains("reject").contains("clean");
        assertThat(browser.findElement(By.id("by-rule")).getText()).contains("preamble_pe_executable");
        assertThat(browser.findElement(By.id("health")).getText()).doesNotStartWith("UNKNOWN");
        assertThat(browser.findElement(By.id("modes")).getText()).contains("(default)");
        assertThat(browser.findElements(By.tagName("form"))).as("read-only: no actions").isEmpty();
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        screenshot("status");
    }

    /** The objects the Status page counts, reloading it until the count reaches {@code atLeast}. */
    private long objectsShown(long atLeast) {
        return wait.until(page -> {
            page.navigate().refresh();
            long shown = Long.parseLong(page.findElement(By.id("objects")).getText());
            return shown >= atLeast ? shown : null;
        });
    }

    private void signIn(String page) {
        // Through the FORM login of WildFly's ApplicationRealm.
        browser.get(ItEnvironment.consoleUrl() + page);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        browser.findElement(By.id("j_username")).sendKeys(ItEnvironment.reviewerUser());
        browser.findElement(By.id("j_password")).sendKeys(ItEnvironment.reviewerPassword());
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user")));
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo(ItEnvironment.reviewerUser());
    }

    /** A tool run without a shell; its exit code (its output goes to the test's log). */
    private static int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " hung: " + output);
        }
        System.out.println(String.join(" ", command) + ":\n" + output);
        return process.exitValue();
    }

    /** The names in the console WAR the test deploys. */
    private static List<String> warEntries() throws IOException {
        try (ZipFile war = new ZipFile(ItEnvironment.consoleWar().toFile())) {
            return war.stream().map(ZipEntry::getName).filter(name -> !name.endsWith("/")).toList();
        }
    }

    private static By row(String id) {
        return By.cssSelector("tr.entry[data-id='" + id + "']");
    }

    private void assertNoAlert() {
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private static void assertNotStored(DicomSample sample) throws IOException {
        assertThat(ArchiveRecord.all()).noneMatch(r -> sample.sopInstanceUid().equals(r.sopInstanceUid()));
    }

    private String sessionCookie() {
        Cookie cookie = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(cookie).as("session cookie").isNotNull();
        return cookie.getValue();
    }

    private HttpResponse<String> get(String session, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ItEnvironment.consoleUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Cookie", "JSESSIONID=" + session).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A release or purge form posted outside the browser, with the reviewer's session; the HTTP status. */
    private int post(String session, String form, String origin) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ItEnvironment.consoleUrl() + "/action"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + session).header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Saved beside the findings log for a person to look at; not asserted. */
    private void screenshot(String name) throws IOException {
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, ItEnvironment.work().resolve("console-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}

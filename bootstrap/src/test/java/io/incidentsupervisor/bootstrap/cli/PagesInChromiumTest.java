package io.incidentsupervisor.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.bootstrap.cli.web.PageServer;
import io.incidentsupervisor.domain.model.IncidentId;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser: Debian's chromium, headless, driven by Selenium through Debian's chromedriver. The
 * examples' alerts and a hostile one are handled by the CLI into an embedded store; {@code supervisor serve}'s server
 * and {@code report --html}'s file are then looked at. Screenshots go to {@code target/screenshots/}.
 */
class PagesInChromiumTest {

    static final String SAMPLE = "data-processor#2026-11-23T08:00:00.512Z";
    static final String SAMPLE_CHANGE = "9d2f3a1c-5e6b-4c7d-8e9f-0a1b2c3d4e02";
    static final String HOSTILE = "data-processor#2026-11-23T09:30:00Z";
    /** Each would set {@code window.pwned} if the page let it run. */
    static final String PAYLOAD = "<script>window.pwned='script'</script> \"><img src=x onerror=\"window.pwned='img'\">"
            + " <a href=\"javascript:window.pwned='link'\">open</a> javascript:window.pwned='bare'";

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    static Path home;

    private static Path report;
    private static List<String> sampleEventTypes;
    private static CliRuntime runtime;
    private static PageServer server;
    private static WebDriver browser;

    @BeforeAll
    static void handleTheExamplesThenServeThem() throws Exception {
        for (String example : List.of("sns-s3-access-error", "sns-cloudwatch-access-error", "sns-unknown-error-type")) {
            cli("handle", "--event", "../examples/" + example + ".json");
        }
        cli("handle", "--event", hostileEvent().toString());
        cli("handle", "--event", repeatOfTheSample().toString());
        report = home.resolve("report.html");
        assertThat(cli("report", SAMPLE, "--html", report.toString())).contains("Wrote");

        runtime = CliRuntime.open(
                Map.of("SUPERVISOR_HOME", home.toString()),
                CliRuntime.Storage.PERSISTED,
                CliRuntime.Needs.STORES,
                false);
        sampleEventTypes = runtime.stores().history().history(new IncidentId(SAMPLE)).stream()
                .map(AuditEntry::type)
                .toList();
        server = PageServer.start(0, runtime.stores(), runtime.description(), new PrintWriter(System.err, true));
        browser = chromium();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void theListShowsTheExamplesIncidentsWithLinksAndFiltersByStatus() throws IOException {
        browser.get(base());

        assertThat(browser.findElements(By.cssSelector("#incidents tbody a")))
                .extracting(WebElement::getText)
                .contains(
                        SAMPLE, "report-builder#2026-11-23T08:05:00Z", "data-processor#2026-11-23T08:00:00Z", HOSTILE);
        screenshot("incident-list.png");

        new Select(browser.findElement(By.name("status"))).selectByValue("FAILED");
        WebElement unfiltered = browser.findElement(By.id("incidents"));
        browser.findElement(By.cssSelector("form button")).click();
        // The click starts the navigation; reading the list before the new page replaced it read a stale element once.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(unfiltered));

        assertThat(browser.findElements(By.cssSelector("#incidents tbody a")))
                .extracting(WebElement::getText)
                .containsExactly("report-builder#2026-11-23T08:05:00Z");
        assertThat(browser.findElement(By.cssSelector("#incidents .status")).getText())
                .as("the status is in words and a mark, not colour alone")
                .isEqualTo("✗ failed");
    }

    @Test
    void anIncidentLinksToTheGroupOfTheChangeThatCausedItAndTheGroupBackToItsIncidents() throws IOException {
        browser.get(base());
        WebElement sampleRow = browser.findElement(By.linkText(SAMPLE)).findElement(By.xpath("./ancestor::tr"));
        assertThat(sampleRow.findElement(By.cssSelector("td.alerts")).getText())
                .startsWith("2")
                .contains("last 2026-11-23 08:02:00.512 UTC");
        sampleRow.findElement(By.cssSelector("a.cause")).click();

        WebElement group = browser.findElement(By.cssSelector("section.cause"));
        assertThat(group.getAttribute("data-event-id")).isEqualTo(SAMPLE_CHANGE);
        assertThat(group.findElement(By.tagName("h2")).getText())
                .startsWith("PutRolePolicy by arn:aws:iam::123456789012:user/ops-alice");
        assertThat(group.findElement(By.cssSelector(".functions")).getText())
                .as("the hostile alert of data-processor blames the same change")
                .isEqualTo("data-processor (2 incidents, 3 alerts)");
        screenshot("root-cause-group.png");
        group.findElement(By.linkText(SAMPLE)).click();

        assertThat(browser.findElement(By.id("episode")).getText())
                .isEqualTo("2 alerts, the first at 2026-11-23 08:00:00.512 UTC, the last at 2026-11-23 08:02:00.512 UTC"
                        + " · caused by change " + SAMPLE_CHANGE);
        assertThat(browser.findElement(By.id("cause-group")).getAttribute("href"))
                .endsWith("/causes/" + SAMPLE_CHANGE);
        browser.get(base() + "causes");
        assertThat(browser.findElements(By.cssSelector("section.cause")))
                .extracting(section -> section.getAttribute("data-event-id"))
                .containsExactly(SAMPLE_CHANGE);
    }

    @Test
    void theSampleIncidentPageShowsTheVerdictEveryEventInOrderTheAttemptLaneAndEvidenceLinks() throws IOException {
        browser.get(base());
        browser.findElement(By.linkText(SAMPLE)).click();

        assertTheSamplePage();
        screenshot("incident-page.png");
        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot("incident-page-phone.png");
        browser.manage().window().setSize(new Dimension(1280, 1600));
    }

    @Test
    void theReportFileIsTheSamePageAndLoadsNothingFromAnywhere() {
        browser.get(report.toUri().toString());

        assertTheSamplePage();
        List<?> requests = (List<?>) ((JavascriptExecutor) browser)
                .executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(requests).as("requests the page made").isEmpty();
        assertThat(browser.findElement(By.cssSelector("meta[http-equiv='Content-Security-Policy']"))
                        .getAttribute("content"))
                .startsWith("default-src 'none'; style-src 'sha256-");
        assertThat(browser.findElements(By.cssSelector("nav a")))
                .as("no link back to a server")
                .isEmpty();
    }

    @Test
    void aHostileAlertAndLogLineAreShownAsTextAndNothingInThemRuns() throws IOException {
        browser.get(base() + PageServer.href(HOSTILE).substring(1));
        assertThat(browser.findElement(By.id("alert-message")).getText()).isEqualTo(PAYLOAD);
        assertNothingRan();
        screenshot("hostile-alert.png");

        Path page = HostileHistory.writePage(home.resolve("hostile-log.html"), PAYLOAD);
        browser.get(page.toUri().toString());
        assertThat(browser.findElement(By.cssSelector("li.item[data-id='logs:1'] pre"))
                        .getText())
                .startsWith(PAYLOAD);
        assertThat(browser.findElements(By.cssSelector("li.item[data-id='logs:1'] a.console")))
                .as("a javascript: console link is not made a link")
                .isEmpty();
        assertNothingRan();
    }

    private static void assertNothingRan() {
        assertThat(((JavascriptExecutor) browser).executeScript("return typeof window.pwned"))
                .isEqualTo("undefined");
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("a[href^='javascript']")))
                .isEmpty();
    }

    private static void assertTheSamplePage() {
        assertThat(browser.findElement(By.id("verdict")).getText())
                .contains("s3:GetObject")
                .contains("PutRolePolicy by arn:aws:iam::123456789012:user/ops-alice")
                .contains("aws iam put-role-policy");
        assertThat(browser.findElements(By.cssSelector("tr.event")))
                .extracting(row -> row.getAttribute("data-type"))
                .as("every event of the history, in order")
                .containsExactlyElementsOf(sampleEventTypes)
                .hasSizeGreaterThanOrEqualTo(6);
        assertThat(browser.findElements(By.cssSelector("th.lane-head")))
                .extracting(WebElement::getText)
                .containsExactly("Incident", "Attempt 1");
        assertThat(browser.findElements(By.cssSelector("tr.event[data-lane='1'] td.lane")))
                .extracting(WebElement::getText)
                .anySatisfy(cell -> assertThat(cell).startsWith("InvestigationStarted"));
        List<WebElement> links = browser.findElements(By.cssSelector("a.console"));
        assertThat(links).isNotEmpty();
        assertThat(links)
                .extracting(link -> link.getAttribute("href"))
                .allMatch(href -> href.startsWith("https://") && href.contains(".console.aws.amazon.com/"));
        assertThat(browser.findElement(By.id("reports")).getText()).contains("Budget");
    }

    private static String base() {
        return "http://127.0.0.1:" + server.address().getPort() + "/";
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1600");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** The sample alert two minutes later, in a message of its own: an occurrence of the sample incident. */
    private static Path repeatOfTheSample() throws IOException {
        return sampleEvent(
                "repeat-event.json", "6a1f3e5c-2b4d-4e8f-9a0b-1c2d3e4f5a6b", "2026-11-23T08:02:00.512Z", null);
    }

    /** The sample SNS event with the payload in its alert's error_message, as a new incident. */
    private static Path hostileEvent() throws IOException {
        return sampleEvent(
                "hostile-event.json", "0b7e0c4e-8d2f-4f55-9f59-3c1f0b6b2a11", "2026-11-23T09:30:00Z", PAYLOAD);
    }

    /** The sample SNS event as a message of its own, its alert at {@code timestamp}, its message replaced unless null. */
    private static Path sampleEvent(String file, String messageId, String timestamp, String errorMessage)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode event = (ObjectNode)
                json.readTree(Path.of("../examples/sns-s3-access-error.json").toFile());
        ObjectNode sns = (ObjectNode) event.get("Records").get(0).get("Sns");
        ObjectNode alert = (ObjectNode) json.readTree(sns.get("Message").asText());
        if (errorMessage != null) {
            alert.put("error_message", errorMessage);
        }
        alert.put("timestamp", timestamp);
        sns.put("Message", json.writeValueAsString(alert));
        sns.put("MessageId", messageId);
        Path written = home.resolve(file);
        json.writeValue(written.toFile(), event);
        return written;
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SupervisorCli.run(
                args,
                Map.of("SUPERVISOR_HOME", home.toString()),
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(exit).as(String.join(" ", args) + ": " + err).isEqualTo(SupervisorCli.OK);
        return out.toString();
    }
}

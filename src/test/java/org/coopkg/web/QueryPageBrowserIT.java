package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.coopkg.core.CoopIris;
import org.coopkg.core.vocab.Coop;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.coopkg.query.Gallery;
import org.coopkg.query.GalleryQuery;
import org.coopkg.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The query page in real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; runs with
 * {@code -Pbrowser}): the page loads with every other host unreachable, gallery query 1 opens from the
 * example list in its own tab, runs, and its result table lists the four programmes with labels that link
 * to the entity IRIs. Every request the page made went to this server. A screenshot is saved to
 * {@code ${coopkg.screenshots.dir}}.
 */
class QueryPageBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The expected answer of queries/01-programmes-initiated-by-china.rq over the bundled data. */
    private static final Set<String> PROGRAMMES = Set.of("DDE", "ONCE", "π-HuB", "IMCP");
    private static final Set<String> NETWORK_SCHEMES = Set.of("http", "https", "ws", "wss", "ftp");
    private static final Pattern LITERAL = Pattern.compile("(?s)^\"(.*)\"(@[A-Za-z0-9-]+|\\^\\^.*)?$");

    private static CoopServer server;
    private static HeadlessChromium chromium;
    private static ChromeDriver driver;
    private static String origin;

    @BeforeAll
    static void start() throws Exception {
        var graph = new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load();
        server = CoopServer.builder().dataset(graph.dataset()).port(0).loopback(true).build().start();
        origin = "http://localhost:" + server.port();
        try {
            chromium = HeadlessChromium.start(1440, 1100, options -> {
                LoggingPreferences logs = new LoggingPreferences();
                logs.enable(LogType.PERFORMANCE, Level.ALL);
                logs.enable(LogType.BROWSER, Level.ALL);
                options.setCapability("goog:loggingPrefs", logs);
            });
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        driver = chromium.driver();
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (chromium != null) chromium.close();
        } finally {
            chromium = null;
            driver = null;
            if (server != null) server.close();
            server = null;
        }
    }

    @Test
    void galleryQueryOneRunsFromTheExamplesAndListsTheFourProgrammes() throws Exception {
        try {
            runGalleryQueryOne();
        } catch (Exception | AssertionError e) {
            // What the browser showed and said, for whoever reads the failure.
            saveScreenshot("query-page-failure.png");
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) System.err.println("browser: " + entry);
            throw e;
        }
    }

    private void runGalleryQueryOne() throws Exception {
        List<GalleryQuery> gallery = Gallery.bundled();
        assertFalse(gallery.isEmpty(), "the gallery has queries");
        GalleryQuery first = gallery.get(0);
        assertTrue(first.file().startsWith("01-"), first.file());

        // Start from a blank page and forget what the browser's own start page loaded.
        driver.get("about:blank");
        driver.manage().logs().get(LogType.PERFORMANCE);
        driver.get(origin + "/");
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-coopkg-ready", "true"));

        // The summary counts kinds from the loaded data, the examples are the gallery, the prefixes the ontology's.
        List<WebElement> counts = driver.findElements(By.cssSelector("#coop-counts li"));
        assertTrue(counts.size() >= 5, "counts per kind: " + counts.size());
        assertTrue(driver.findElement(By.cssSelector("#coop-counts li[data-kind='person']")).getText().matches("\\d+ people"),
                driver.findElement(By.id("coop-counts")).getText());
        assertEquals(gallery.size(), driver.findElements(By.cssSelector("button.coop-example")).size());
        assertTrue(driver.findElement(By.id("coop-prefix-list")).getText().contains("coop:"));
        // A new tab starts with the prefixes declared.
        String firstTabQuery = (String) js("return window.coopkg.yasgui.getTab().getYasqe().getValue();");
        assertTrue(firstTabQuery.contains("PREFIX coop:") && firstTabQuery.contains("PREFIX rdfs:"), firstTabQuery);

        // Autocompletion of classes and prefixes answers from the ontology, not from a service elsewhere.
        Object classes = ((JavascriptExecutor) driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var yasqe = window.coopkg.yasgui.getTab().getYasqe();
                window.Yasgui.Yasqe.Autocompleters['class'].get(yasqe, { autocompletionString: arguments[0] })
                    .then(done, function (e) { done('failed: ' + e); });""", Coop.NS + "BigSci");
        assertEquals(List.of(Coop.NS + "BigScienceProgramme"), classes);
        Object prefixLines = ((JavascriptExecutor) driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var yasqe = window.coopkg.yasgui.getTab().getYasqe();
                window.Yasgui.Yasqe.Autocompleters.prefixes.get(yasqe).then(done, function (e) { done('failed: ' + e); });""");
        assertTrue(prefixLines instanceof List<?> lines && lines.contains("coop: <" + Coop.NS + ">"),
                () -> "prefix completions: " + String.valueOf(prefixLines).substring(0, 200));

        int tabsBefore = tabCount();
        driver.findElement(By.cssSelector("button.coop-example[data-file='" + first.file() + "']")).click();
        wait.until(d -> tabCount() == tabsBefore + 1);
        assertEquals(first.sparql(), js("return window.coopkg.yasgui.getTab().getYasqe().getValue();"),
                "the example opens in a new tab with the gallery text");
        String tabName = driver.findElement(By.cssSelector(".tabsList .tab.active")).getText();
        assertTrue(tabName.startsWith("1. "), "tab named after the example: " + tabName);

        driver.findElement(By.cssSelector(".tabPanel.active .yasqe_queryButton")).click();
        By rows = By.cssSelector(".tabPanel.active .yasr table.dataTable tbody tr");
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(rows, 3));
        // Labels are looked up after the response; the programme column then shows names linking to IRIs.
        By labelled = By.cssSelector(".tabPanel.active .yasr table.dataTable tbody a.coop-label");
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(labelled, 3));

        List<String> headers = driver.findElements(By.cssSelector(".tabPanel.active .yasr table.dataTable thead th"))
                .stream().map(WebElement::getText).map(String::strip).toList();
        int acronym = headers.indexOf("acronym");
        int programme = headers.indexOf("programme");
        assertTrue(acronym > 0 && programme > 0, "columns " + headers);
        Set<String> acronyms = new TreeSet<>();
        Set<String> programmeLabels = new TreeSet<>();
        for (WebElement row : driver.findElements(rows)) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            acronyms.add(lexicalForm(cells.get(acronym).getText()));
            WebElement link = cells.get(programme).findElement(By.cssSelector("a.coop-label"));
            String href = link.getDomAttribute("href");
            assertTrue(href != null && href.startsWith("id/project/"),
                    "links the entity's page on this server, whatever port the IRI names: " + href);
            assertFalse(link.getText().startsWith("http"), "a label, not the IRI: " + link.getText());
            programmeLabels.add(link.getText().strip());
        }
        assertEquals(PROGRAMMES, acronyms);
        assertEquals(4, programmeLabels.size(), programmeLabels::toString);
        assertTrue(programmeLabels.stream().anyMatch(l -> l.contains("Deep-time Digital Earth")), programmeLabels::toString);
        assertTrue(programmeLabels.stream().anyMatch(l -> l.contains("Meridian")), programmeLabels::toString);

        saveScreenshot("query-page.png");
        assertOnlyThisServerWasAsked();
    }

    private void assertOnlyThisServerWasAsked() {
        List<String> elsewhere = new ArrayList<>();
        int requests = 0;
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonObject message = JSON.parse(entry.getMessage()).get("message").getAsObject();
            if (!"Network.requestWillBeSent".equals(message.get("method").getAsString().value())) continue;
            String url = message.get("params").getAsObject().get("request").getAsObject().get("url").getAsString().value();
            requests++;
            if (!local(url)) elsewhere.add(url);
        }
        assertTrue(requests >= 5, "the performance log saw " + requests + " requests");
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name);");
        resources.stream().filter(url -> !local(url)).forEach(elsewhere::add);
        assertTrue(elsewhere.isEmpty(), "requests to other hosts: " + elsewhere);

        List<String> problems = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) problems.add(entry.getMessage());
        }
        assertTrue(problems.isEmpty(), "console: " + problems);
    }

    /** The text of a literal as YASR shows it ({@code "DDE"@en}, {@code "12"^^xsd:integer}, or plain). */
    private static String lexicalForm(String shown) {
        Matcher m = LITERAL.matcher(shown.strip());
        return m.matches() ? m.group(1) : shown.strip();
    }

    /** This server, or no network at all (data:, blob:, about:, the browser's own chrome: pages). */
    private static boolean local(String url) {
        if (url.startsWith(origin + "/")) return true;
        String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')).toLowerCase(java.util.Locale.ROOT) : "";
        return !NETWORK_SCHEMES.contains(scheme);
    }

    private static void saveScreenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("coopkg.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static int tabCount() {
        return ((Number) js("return Object.keys(window.coopkg.yasgui._tabs).length;")).intValue();
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }
}

package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.coopkg.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An entity page in real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; runs with
 * {@code -Pbrowser}): Philip Diamond's page shows his name and post, following the link to the SKA
 * Observatory opens that organisation's page, and its sources list carries the quote; an implied statement is
 * marked, and its reference leads to the curator's note beside the quote. The page needs no
 * JavaScript, so it is checked with JavaScript switched off. Screenshots go to
 * {@code ${coopkg.screenshots.dir}} (default {@code target/screenshots}).
 */
class EntityPageBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static CoopServer server;
    private static HeadlessChromium chromium;
    private static ChromeDriver driver;
    private static String origin;

    @BeforeAll
    static void start() throws Exception {
        var graph = new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load();
        server = CoopServer.builder().dataset(graph.dataset()).port(0).loopback(true).build().start();
        origin = "http://localhost:" + server.port();
        // The pages are server-rendered: they must work with JavaScript off.
        chromium = HeadlessChromium.start(1280, 1400, options -> options.setExperimentalOption("prefs",
                java.util.Map.of("profile.managed_default_content_settings.javascript", 2)));
        driver = chromium.driver();
        driver.manage().timeouts().pageLoadTimeout(WAIT);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (chromium != null) chromium.close();
        } finally {
            if (server != null) server.close();
        }
    }

    @Test
    void anEntityPageLinksToAnotherEntitysPage() throws Exception {
        driver.get(origin + "/id/person/philip-diamond");
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertEquals("Philip Diamond", heading.getText());
        assertTrue(driver.getTitle().startsWith("Philip Diamond"), driver.getTitle());
        assertTrue(driver.findElement(By.tagName("main")).getText().contains("director general"));
        screenshot("entity-page-person.png");

        WebElement link = driver.findElement(By.linkText("SKA Observatory"));
        link.click();
        wait.until(ExpectedConditions.urlToBe(origin + "/id/organisation/ska-observatory"));
        WebElement next = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertEquals("SKA Observatory", next.getText());
        assertTrue(driver.findElement(By.id("sources")).getText().contains("SKA Observatory"), "sources with their quotes");
        screenshot("entity-page-organisation.png");

        driver.findElement(By.linkText("Organisations")).click();
        wait.until(ExpectedConditions.urlToBe(origin + "/id/organisation/"));
        assertEquals("Organisations", driver.findElement(By.tagName("h1")).getText());
        assertTrue(driver.findElements(By.cssSelector("main table a")).size() > 10, "the index lists the organisations");
    }

    @Test
    void anImpliedStatementIsMarkedAndItsNoteStandsBesideTheQuote() throws Exception {
        driver.get(origin + "/id/project/youth-scientist-groups");
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        // Germany as a participant country is the curator's reading of "the two countries".
        WebElement germany = driver.findElement(By.xpath("//table[@class='facts']//li[a[text()='Germany']]"));
        WebElement mark = germany.findElement(By.cssSelector("sup.implied a"));
        assertTrue(mark.getText().endsWith("implied]"), mark.getText());
        String target = mark.getAttribute("href");
        mark.click();
        wait.until(ExpectedConditions.urlToBe(target));
        WebElement source = driver.findElement(By.id(target.substring(target.indexOf('#') + 1)));
        assertEquals("implied", source.getAttribute("class"));
        WebElement note = source.findElement(By.cssSelector("p.curator-note"));
        assertTrue(note.isDisplayed());
        assertTrue(note.getText().startsWith("Implied — the curator's reading, not the source's words: "), note.getText());
        assertTrue(note.getText().contains("'the two countries' are read as China and Germany"), note.getText());
        assertTrue(source.findElement(By.tagName("blockquote")).getText().contains("partnerships between the two countries"));
        screenshot("entity-page-implied-statement.png");
    }

    private static void screenshot(String name) throws Exception {
        Path dir = Path.of(System.getProperty("coopkg.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}

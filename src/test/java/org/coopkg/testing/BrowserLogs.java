package org.coopkg.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * What a page asked for and said, from Chromium's performance and console logs: a page passes only if every
 * request it made went to the server under test (or to no network at all: data:, blob:, about:), and it logged no
 * warning or error.
 */
public final class BrowserLogs {
    private static final Set<String> NETWORK_SCHEMES = Set.of("http", "https", "ws", "wss", "ftp");

    private BrowserLogs() {}

    /** Turns on the logs these checks read. */
    public static void enable(ChromeOptions options) {
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
    }

    /** Forgets what was logged so far. */
    public static void clear(ChromeDriver driver) {
        driver.manage().logs().get(LogType.PERFORMANCE);
        driver.manage().logs().get(LogType.BROWSER);
    }

    /** Every request since the last check went to {@code origin}; the console has no warning or error. */
    public static void assertOnlyLocalAndQuiet(ChromeDriver driver, String origin) {
        List<String> elsewhere = new ArrayList<>();
        int requests = 0;
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonObject message = JSON.parse(entry.getMessage()).get("message").getAsObject();
            if (!"Network.requestWillBeSent".equals(message.get("method").getAsString().value())) continue;
            String url = message.get("params").getAsObject().get("request").getAsObject().get("url").getAsString().value();
            requests++;
            if (!local(url, origin)) elsewhere.add(url);
        }
        assertTrue(requests >= 1, "the performance log saw " + requests + " requests");
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) ((JavascriptExecutor) driver)
                .executeScript("return performance.getEntriesByType('resource').map(e => e.name);");
        resources.stream().filter(url -> !local(url, origin)).forEach(elsewhere::add);
        assertTrue(elsewhere.isEmpty(), "requests to other hosts: " + elsewhere);
        List<String> problems = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) problems.add(entry.getMessage());
        }
        assertTrue(problems.isEmpty(), "console: " + problems);
    }

    private static boolean local(String url, String origin) {
        if (url.startsWith(origin + "/")) return true;
        String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        return !NETWORK_SCHEMES.contains(scheme);
    }
}

package org.coopkg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.coopkg.testing.HeadlessChromium;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Cytoscape against sigma + graphology drawing the same SPARQL answer in {@code bench/network-libraries/harness.html}
 * (run by {@code bench/network-libraries/run.sh}): median draw time and longest main-thread task over the runs, each
 * run in a freshly loaded page. Prints a Markdown table.
 */
public final class NetworkLibrariesBench {
    private NetworkLibrariesBench() {}

    public static void main(String[] args) throws Exception {
        Path harness = Path.of(args[0]).toAbsolutePath();
        String answer = Files.readString(Path.of(args[1]));
        int runs = Integer.parseInt(args[2]);
        try (var chromium = HeadlessChromium.start(1100, 800, options -> {})) {
            var driver = chromium.driver();
            System.out.println("| library | nodes | edges | draw to first frame (ms) | longest main-thread task (ms) |");
            System.out.println("|---|---:|---:|---:|---:|");
            for (String library : List.of("cytoscape", "sigma")) {
                List<Double> ms = new ArrayList<>(), freeze = new ArrayList<>();
                Map<String, Object> last = Map.of();
                for (int run = 0; run <= runs; run++) {
                    driver.get(harness.toUri().toString());
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
                            "var done = arguments[arguments.length - 1]; window.measure(JSON.parse(arguments[0]), arguments[1], done);",
                            answer, library);
                    if (run == 0) continue;
                    ms.add(((Number) m.get("drawMs")).doubleValue());
                    freeze.add(((Number) m.get("longestTaskMs")).doubleValue());
                    last = m;
                }
                System.out.printf("| %s | %s | %s | %.0f | %.0f |%n", library, last.get("nodes"), last.get("edges"),
                        Stats.median(ms), Stats.median(freeze));
            }
        }
    }
}

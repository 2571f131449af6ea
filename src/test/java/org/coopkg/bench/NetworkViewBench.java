package org.coopkg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.coopkg.query.Gallery;
import org.coopkg.query.GalleryQuery;
import org.coopkg.store.Folders;
import org.coopkg.synth.SyntheticData;
import org.coopkg.testing.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How long the network view takes to draw the country cooperation network (gallery query 12) of synthetic data at a
 * given scale, and the longest task it runs on the page's main thread (the time the page is frozen), in headless
 * Chromium; the baseline is YASR's own Table drawing the same answer in the same page. Also the two-step network of
 * the most connected country's page. Run by {@code bench/network-view.sh [scale] [runs]}; prints a Markdown report.
 */
public final class NetworkViewBench {
    private static final Duration WAIT = Duration.ofSeconds(300);

    private NetworkViewBench() {}

    public static void main(String[] args) throws Exception {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Path.of("target/bench/network-view-" + scale);
        Folders.deleteTree(dir);
        Files.createDirectories(dir);
        new SyntheticData(scale, 1).writeTo(dir);
        var graph = new CoopLoader(CuratedFiles.directory(dir), CoopIris.DEFAULT_BASE).load();
        GalleryQuery network = Gallery.bundled().stream().filter(q -> q.name().equals("12-country-cooperation-network"))
                .findFirst().orElseThrow();
        try (var server = org.coopkg.web.CoopServer.builder().dataset(graph.dataset()).port(0).loopback(true).build().start();
             var chromium = HeadlessChromium.start(1400, 1000, options -> {})) {
            var driver = chromium.driver();
            String origin = "http://localhost:" + server.port();
            List<Double> networkMs = new java.util.ArrayList<>(), networkFreeze = new java.util.ArrayList<>(), tableMs = new java.util.ArrayList<>(), tableFreeze = new java.util.ArrayList<>();
            long nodes = 0, edges = 0;
            for (int run = 0; run <= runs; run++) {
                driver.get(origin + "/");
                new WebDriverWait(driver, WAIT).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-coopkg-ready", "true"));
                for (String view : List.of("table", "coopnetwork")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(DRAW, network.sparql(), view);
                    if (m.containsKey("error")) throw new IllegalStateException(String.valueOf(m.get("error")));
                    if (run == 0) continue;
                    double ms = ((Number) m.get("drawMs")).doubleValue(), freeze = ((Number) m.get("longestTaskMs")).doubleValue();
                    if (view.equals("table")) {
                        tableMs.add(ms);
                        tableFreeze.add(freeze);
                    } else {
                        networkMs.add(ms);
                        networkFreeze.add(freeze);
                        nodes = ((Number) m.get("nodes")).longValue();
                        edges = ((Number) m.get("edges")).longValue();
                    }
                }
            }
            System.out.printf("Scale %d synthetic data (`coopkg synth --scale %d --seed 1`), gallery query 12 answered by the server: "
                            + "%d countries and %d pairs. Median of %d runs after one warm-up, headless Chromium, 2 cores.%n%n",
                    scale, scale, nodes, edges, runs);
            System.out.println("| view | draw (ms) | longest main-thread task (ms) |");
            System.out.println("|---|---:|---:|");
            System.out.printf("| Network (cytoscape, cose layout) | %.0f | %.0f |%n", Stats.median(networkMs), Stats.median(networkFreeze));
            System.out.printf("| Table (YASR, baseline) | %.0f | %.0f |%n", Stats.median(tableMs), Stats.median(tableFreeze));
            System.out.printf("%nRatio network ÷ table: draw %.2f. A longest task of 0 ms means none over 50 ms (the browser's "
                    + "long-task threshold).%n", Stats.median(networkMs) / Stats.median(tableMs));
        }
    }

    /**
     * Runs the query in a new tab shown in {@code view}, and answers how long YASR took from the start of drawing to
     * "drawn", and the longest task the page ran meanwhile (PerformanceObserver "longtask", tasks over 50 ms).
     */
    private static final String DRAW = """
            var done = arguments[arguments.length - 1], sparql = arguments[0], view = arguments[1];
            var longest = 0, started = 0;
            var observer = new PerformanceObserver(function (list) {
              list.getEntries().forEach(function (e) { if (e.startTime >= started) longest = Math.max(longest, e.duration); });
            });
            observer.observe({ type: 'longtask', buffered: false });
            var yasgui = window.coopkg.yasgui;
            var tab = yasgui.addTab(true, { yasqe: { value: sparql }, yasr: { settings: { selectedPlugin: view }, response: undefined } });
            tab = yasgui.getTab();
            var yasr = tab.getYasr();
            yasr.on('draw', function () { started = performance.now(); });
            yasr.on('drawn', function () {
              var ms = performance.now() - started;
              setTimeout(function () {
                observer.disconnect();
                var el = yasr.resultsEl.querySelector('[data-view="network"]');
                done({ drawMs: ms, longestTaskMs: longest, nodes: el ? Number(el.getAttribute('data-nodes')) : 0,
                       edges: el ? Number(el.getAttribute('data-edges')) : 0 });
              }, 500);
            });
            tab.query().catch(function (e) { done({ error: String(e) }); });
            """;
}

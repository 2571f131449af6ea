package org.coopkg.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.derive.LoadedGraph;
import org.coopkg.load.CuratedFiles;
import org.coopkg.store.TextSearch;
import org.coopkg.web.CoopServer;

/**
 * A small harness, not a test: the latency of one 10-query reconciliation batch (POST {@code /reconcile}, names as
 * people type them) against a served data set, measured over HTTP on loopback after a warm-up, with the time the
 * service's index took to be ready. Run it on the bundled data and on synthetic data
 * ({@code coopkg synth --scale 100 --out DIR}):
 *
 * <pre>
 * mvn -B -q -DskipTests package
 * mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
 * java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" org.coopkg.bench.ReconcileLatency [DIR]
 * </pre>
 */
public final class ReconcileLatency {
    static final String BATCH = "{"
            + "\"q0\":{\"query\":\"Tsinghua Univ.\"},"
            + "\"q1\":{\"query\":\"Chinese Acad. of Sciences\",\"type\":\"Organisation\"},"
            + "\"q2\":{\"query\":\"Stellenbosh University\",\"properties\":[{\"pid\":\"country\",\"v\":\"ZA\"}]},"
            + "\"q3\":{\"query\":\"Max-Planck-Gesellschaft\"},"
            + "\"q4\":{\"query\":\"CSIRO\"},"
            + "\"q5\":{\"query\":\"Square Kilometer Array\",\"type\":\"Facility\"},"
            + "\"q6\":{\"query\":\"Phillip Diamond\",\"type\":\"Person\"},"
            + "\"q7\":{\"query\":\"Belt & Road Initiative\"},"
            + "\"q8\":{\"query\":\"Zhong guan cun forum\"},"
            + "\"q9\":{\"query\":\"Northwest A&F Univ\",\"properties\":[{\"pid\":\"ror\",\"v\":\"0051rme32\"}]}}";
    private static final int WARM_UP = 20;
    private static final int MEASURED = 100;

    private ReconcileLatency() {}

    public static void main(String[] args) throws Exception {
        CuratedFiles files = args.length > 0 ? CuratedFiles.directory(Path.of(args[0])) : CuratedFiles.bundled();
        LoadedGraph graph = new CoopLoader(files, CoopIris.DEFAULT_BASE).load();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (CoopServer server = CoopServer.builder().dataset(TextSearch.withInMemoryIndex(graph.readOnlyDataset()))
                .port(0).loopback(true).build().start()) {
            long start = System.nanoTime();
            String manifest = server.url(CoopIris.RECONCILE_PATH);
            while (http.send(HttpRequest.newBuilder(URI.create(manifest)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() != 200) {
                Thread.sleep(100);
            }
            double readyMs = (System.nanoTime() - start) / 1e6;
            HttpRequest batch = HttpRequest.newBuilder(URI.create(manifest))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("queries=" + URLEncoder.encode(BATCH, StandardCharsets.UTF_8)))
                    .build();
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                long t = System.nanoTime();
                HttpResponse<String> response = http.send(batch, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) throw new IllegalStateException(response.statusCode() + " " + response.body());
                if (i >= WARM_UP) millis.add((System.nanoTime() - t) / 1e6);
            }
            System.out.printf(Locale.ROOT, "data: %s, %d curated rows, %d quads in named graphs%n", files.location(),
                    graph.rows(), graph.namedGraphQuads());
            System.out.printf(Locale.ROOT, "reconciliation service ready %.0f ms after start; 10-query batch over %d runs: "
                            + "median %.1f ms, p95 %.1f ms, max %.1f ms%n", readyMs, MEASURED, Stats.median(millis),
                    Stats.percentile(millis, 95), millis.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        }
    }
}

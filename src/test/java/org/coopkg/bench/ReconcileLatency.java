package org.coopkg.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.coopkg.core.CoopIris;

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
        try (ServedData data = ServedData.of(args)) {
            long start = System.nanoTime();
            String manifest = data.url(CoopIris.RECONCILE_PATH);
            while (data.status(HttpRequest.newBuilder(URI.create(manifest)).build()) != 200) Thread.sleep(100);
            double readyMs = (System.nanoTime() - start) / 1e6;
            HttpRequest batch = HttpRequest.newBuilder(URI.create(manifest))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("queries=" + URLEncoder.encode(BATCH, StandardCharsets.UTF_8)))
                    .build();
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                long t = System.nanoTime();
                data.ok(batch);
                if (i >= WARM_UP) millis.add((System.nanoTime() - t) / 1e6);
            }
            System.out.println(data.description());
            System.out.printf(Locale.ROOT, "reconciliation service ready %.0f ms after start; 10-query batch over %d runs: "
                            + "median %.1f ms, p95 %.1f ms, max %.1f ms%n", readyMs, MEASURED, Stats.median(millis),
                    Stats.percentile(millis, 95), millis.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        }
    }
}

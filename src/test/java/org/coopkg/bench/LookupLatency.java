package org.coopkg.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.atlas.json.JSON;
import org.coopkg.core.CoopIris;
import org.coopkg.testing.TypedNames;

/**
 * A small harness, not a test: the latency of the entity lookup ({@code GET /api/lookup}, {@code limit=10} as the
 * query editor asks) for the 24 typed names of {@link TypedNames}, over HTTP on loopback after a warm-up, with how
 * many of them find their entity in the top three. Run it on the bundled data and on synthetic data
 * ({@code coopkg synth --scale 100 --out DIR}):
 *
 * <pre>
 * mvn -B -q -DskipTests package
 * mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
 * java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" org.coopkg.bench.LookupLatency [DIR]
 * </pre>
 */
public final class LookupLatency {
    private static final int WARM_UP = 20;
    private static final int MEASURED = 50;

    private LookupLatency() {}

    public static void main(String[] args) throws Exception {
        try (ServedData data = ServedData.of(args)) {
            List<Map.Entry<String, String>> table = List.copyOf(TypedNames.INTENDED.entrySet());
            List<Double> perLookup = new ArrayList<>();
            List<Double> perTable = new ArrayList<>();
            int inTopThree = 0;
            for (int round = 0; round < WARM_UP + MEASURED; round++) {
                long tableStart = System.nanoTime();
                for (Map.Entry<String, String> typed : table) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(data.url(CoopIris.LOOKUP_PATH) + "?limit=10&q="
                            + URLEncoder.encode(typed.getKey(), StandardCharsets.UTF_8))).build();
                    long start = System.nanoTime();
                    String answer = data.ok(request);
                    if (round >= WARM_UP) perLookup.add((System.nanoTime() - start) / 1e6);
                    if (round == 0 && topThree(answer).contains(CoopIris.DEFAULT_BASE + "id/" + typed.getValue())) inTopThree++;
                }
                if (round >= WARM_UP) perTable.add((System.nanoTime() - tableStart) / 1e6);
            }
            System.out.println(data.description());
            System.out.printf(Locale.ROOT, "%d typed names, %d found in the top three; over %d rounds after %d of warm-up: "
                            + "one lookup median %.2f ms, p95 %.2f ms, max %.2f ms; the table of %d median %.1f ms%n",
                    table.size(), inTopThree, MEASURED, WARM_UP, Stats.median(perLookup), Stats.percentile(perLookup, 95),
                    perLookup.stream().mapToDouble(Double::doubleValue).max().orElse(0), table.size(), Stats.median(perTable));
        }
    }

    private static List<String> topThree(String answer) {
        List<String> iris = new ArrayList<>();
        JSON.parseAny(answer).getAsArray().stream().limit(3).forEach(v -> iris.add(v.getAsObject().get("iri").getAsString().value()));
        return iris;
    }
}

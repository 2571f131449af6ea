package org.coopkg.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.coopkg.query.Gallery;
import org.coopkg.query.GalleryQuery;

/**
 * The bounded load test of issue 6 §5: starts the real jar ({@code java -jar coopkg.jar serve --port P
 * --localhost --timeout 5}) as a separate process, lets 2–4 concurrent clients on loopback send the gallery
 * queries, malformed queries (400 expected) and heavy queries (the timeout's 503 expected) for a fixed time,
 * polls {@code /$/ping} every second, samples the server's heap from Prometheus {@code /$/metrics}
 * ({@code jvm_memory_used_bytes{area="heap"}}) every few seconds, and measures the live heap after forced full
 * collections ({@code jcmd PID GC.run}; we started the process, so we may attach to it). Writes a markdown
 * report and returns the targets that were missed.
 *
 * <p>Every request goes to 127.0.0.1; every loop is bounded in time and count; the server process is killed
 * at the end whatever happens (and by a shutdown hook if the JVM is stopped).
 *
 * <p>System properties: {@code coopkg.load.seconds} (300), {@code coopkg.load.clients} (3),
 * {@code coopkg.load.timeout} (server query timeout, 5), {@code coopkg.load.jar} (target/coopkg.jar),
 * {@code coopkg.load.dir} (target/load-test).
 */
public final class LoadTest {
    static final String HOST = "127.0.0.1";
    static final String HEAVY = "heavy";
    static final String MALFORMED = "malformed";
    /** Finds nothing for hours on the bundled data (a filtered three-way cross product): only the timeout ends it. */
    static final String HEAVY_QUERY =
            "SELECT * { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f FILTER(STR(?b) = CONCAT(STR(?d), STR(?f), \"never\")) }";
    static final List<String> MALFORMED_QUERIES = List.of(
            "SELECT * WHERE { ?s ?p }",
            "SELECT ?x WHERE { ?x a <http://example.org/C> ",
            "PREFIX coop: <https://w3id.org/coop-kg/ontology#> SELECT ?x WHERE { ?x undeclared:p ?y }",
            "SELEKT * { ?s ?p ?o }");
    /** Requests per client at most, whatever the duration (loops are bounded in count as well as time). */
    static final int MAX_REQUESTS_PER_CLIENT = 1_000_000;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    static final Duration PING_TIMEOUT = Duration.ofSeconds(5);

    public record Config(int seconds, int clients, int timeoutSeconds, Path jar, Path dir) {
        public Config {
            if (seconds < 5 || seconds > 3600) throw new IllegalArgumentException("coopkg.load.seconds must be 5..3600: " + seconds);
            if (clients < 1 || clients > 4) throw new IllegalArgumentException("coopkg.load.clients must be 1..4: " + clients);
            if (timeoutSeconds < 1 || timeoutSeconds > 60) throw new IllegalArgumentException("coopkg.load.timeout must be 1..60");
        }

        public static Config fromSystemProperties() {
            return new Config(Integer.getInteger("coopkg.load.seconds", 300), Integer.getInteger("coopkg.load.clients", 3),
                    Integer.getInteger("coopkg.load.timeout", 5),
                    Path.of(System.getProperty("coopkg.load.jar", "target/coopkg.jar")),
                    Path.of(System.getProperty("coopkg.load.dir", "target/load-test")));
        }

        /** Traffic before this is warm-up: not used for the heap trend (a fifth of the run). */
        int warmupSeconds() {
            return Math.max(2, seconds / 5);
        }

        /** Prometheus heap samples: every 5 s, every 2 s in short (smoke) runs. */
        int sampleSeconds() {
            return seconds >= 60 ? 5 : 2;
        }

        /** Forced full collections after warm-up: about fifteen over the run, at least 2 s apart. */
        int gcSeconds() {
            return Math.max(2, seconds / 15);
        }
    }

    public record Outcome(String report, List<String> failures, Path reportFile) {}

    record Sample(String kind, int status, long nanos, long bytes, String error) {}

    record HeapSample(double t, long heapUsed, long oldGenUsed, String load) {}

    record LiveHeap(double t, long heapUsed, long jcmdMillis) {}

    record Ping(double t, int status, long nanos) {}

    record Item(String kind, String sparql, String accept, int expected) {}

    public static void main(String[] args) throws Exception {
        Outcome outcome = run(Config.fromSystemProperties());
        System.out.println(outcome.report());
        System.out.println("report: " + outcome.reportFile().toAbsolutePath());
        if (!outcome.failures().isEmpty()) {
            System.err.println("load test targets missed:\n  " + String.join("\n  ", outcome.failures()));
            System.exit(1);
        }
    }

    public static Outcome run(Config config) throws Exception {
        Files.createDirectories(config.dir());
        if (!Files.isRegularFile(config.jar())) {
            throw new IllegalStateException(config.jar().toAbsolutePath() + " is missing: run mvn -B -q package -DskipTests first");
        }
        // A private copy: another build replacing target/coopkg.jar mid-run must not pull it from under the server.
        Path jar = config.dir().resolve("coopkg-under-test.jar");
        Files.copy(config.jar(), jar, StandardCopyOption.REPLACE_EXISTING);
        List<Item> mix = mix();
        int port = freePort();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(javaBin, "-jar", jar.toAbsolutePath().toString(), "serve", "--port", Integer.toString(port),
                "--localhost", "--timeout", Integer.toString(config.timeoutSeconds()));
        Path serverLog = config.dir().resolve("server.log");
        String started = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        String loadBefore = loadAverage();
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(serverLog.toFile()).start();
        Thread killer = new Thread(() -> kill(server), "load-test-server-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        try {
            Run r = new Run(config, mix, port, server);
            r.awaitServer(serverLog);
            r.execute();
            String loadAfter = loadAverage();
            kill(server);
            return r.report(command, started, loadBefore, loadAfter, serverLog);
        } finally {
            kill(server);
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    /** One pass of the mix: every gallery query, the malformed queries, one heavy query. */
    static List<Item> mix() {
        List<Item> items = new ArrayList<>();
        for (GalleryQuery q : Gallery.bundled()) {
            Query parsed = QueryFactory.create(q.sparql());
            String accept = parsed.isSelectType() || parsed.isAskType() ? "application/sparql-results+json" : "text/turtle";
            items.add(new Item(q.file().replaceFirst("\\.rq$", ""), q.sparql(), accept, 200));
        }
        if (items.isEmpty()) throw new IllegalStateException("no gallery queries found on the classpath");
        for (String bad : MALFORMED_QUERIES) items.add(new Item(MALFORMED, bad, "application/sparql-results+json", 400));
        items.add(new Item(HEAVY, HEAVY_QUERY, "application/sparql-results+json", 503));
        return List.copyOf(items);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void kill(Process p) {
        if (!p.isAlive()) return;
        p.destroy();
        try {
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** The state of one run. */
    static final class Run {
        final Config config;
        final List<Item> mix;
        final int port;
        final Process server;
        final HttpClient monitor = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        final List<Sample> samples = new ArrayList<>();
        final List<HeapSample> heap = new CopyOnWriteArrayList<>();
        final List<LiveHeap> live = new CopyOnWriteArrayList<>();
        final List<Ping> pings = new CopyOnWriteArrayList<>();
        final List<String> monitorErrors = new CopyOnWriteArrayList<>();
        LiveHeap liveBefore;
        LiveHeap liveAfter;
        long startNanos;
        long trafficNanos;
        /** Pings and heap samples go on until the last client has its last answer (heavy queries end after the deadline). */
        volatile boolean trafficDone;
        long serverStartMillis;

        Run(Config config, List<Item> mix, int port, Process server) {
            this.config = config;
            this.mix = mix;
            this.port = port;
            this.server = server;
        }

        URI uri(String path) {
            return URI.create("http://" + HOST + ":" + port + path);
        }

        double t() {
            return (System.nanoTime() - startNanos) / 1e9;
        }

        void awaitServer(Path log) throws Exception {
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline) {
                if (!server.isAlive()) {
                    throw new IllegalStateException("the server exited with " + server.exitValue() + ":\n" + tail(log));
                }
                try {
                    HttpResponse<Void> r = monitor.send(HttpRequest.newBuilder(uri("/$/ping")).timeout(PING_TIMEOUT).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        serverStartMillis = (System.nanoTime() - start) / 1_000_000;
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("the server did not answer /$/ping within 180 s:\n" + tail(log));
        }

        void execute() throws Exception {
            startNanos = System.nanoTime();
            liveBefore = forcedGc();
            startNanos = System.nanoTime();
            long deadline = startNanos + TimeUnit.SECONDS.toNanos(config.seconds());
            ScheduledExecutorService monitors = Executors.newScheduledThreadPool(3);
            monitors.scheduleAtFixedRate(() -> ping(deadline), 0, 1, TimeUnit.SECONDS);
            monitors.scheduleAtFixedRate(() -> sampleHeap(deadline), 0, config.sampleSeconds(), TimeUnit.SECONDS);
            monitors.scheduleAtFixedRate(() -> {
                if (System.nanoTime() < deadline) {
                    try {
                        live.add(forcedGc());
                    } catch (Exception e) {
                        monitorErrors.add(String.format(Locale.ROOT, "t=%.0f s forced GC: %s", t(), e));
                    }
                }
            }, config.warmupSeconds(), config.gcSeconds(), TimeUnit.SECONDS);
            ExecutorService clients = Executors.newFixedThreadPool(config.clients());
            List<Future<List<Sample>>> results = new ArrayList<>();
            for (int c = 0; c < config.clients(); c++) {
                int client = c;
                results.add(clients.submit(() -> client(client, deadline)));
            }
            clients.shutdown();
            long bound = config.seconds() + REQUEST_TIMEOUT.toSeconds() + 30;
            if (!clients.awaitTermination(bound, TimeUnit.SECONDS)) clients.shutdownNow();
            for (Future<List<Sample>> f : results) samples.addAll(f.get(10, TimeUnit.SECONDS));
            trafficNanos = System.nanoTime() - startNanos;
            trafficDone = true;
            monitors.shutdown();
            if (!monitors.awaitTermination(30, TimeUnit.SECONDS)) monitors.shutdownNow();
            Thread.sleep(1000);
            liveAfter = forcedGc();
        }

        /** One client: its own connections, the mix in turn (starting at a different place), GET and POST alternately. */
        List<Sample> client(int client, long deadline) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            List<Sample> mine = new ArrayList<>();
            int offset = client * mix.size() / config.clients();
            for (int n = 0; n < MAX_REQUESTS_PER_CLIENT && System.nanoTime() < deadline; n++) {
                Item item = mix.get((offset + n) % mix.size());
                boolean post = ((offset + n) / mix.size()) % 2 == 1;
                HttpRequest.Builder b;
                if (post) {
                    b = HttpRequest.newBuilder(uri("/coop/sparql")).header("Content-Type", "application/sparql-query")
                            .POST(HttpRequest.BodyPublishers.ofString(item.sparql(), StandardCharsets.UTF_8));
                } else {
                    b = HttpRequest.newBuilder(uri("/coop/sparql?query=" + URLEncoder.encode(item.sparql(), StandardCharsets.UTF_8))).GET();
                }
                HttpRequest request = b.header("Accept", item.accept()).timeout(REQUEST_TIMEOUT).build();
                long start = System.nanoTime();
                try {
                    HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    mine.add(new Sample(item.kind(), r.statusCode(), System.nanoTime() - start, r.body().length, null));
                } catch (IOException e) {
                    mine.add(new Sample(item.kind(), -1, System.nanoTime() - start, 0, e.getClass().getSimpleName() + ": " + e.getMessage()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return mine;
        }

        void ping(long deadline) {
            if (trafficDone) return;
            double t = t();
            long start = System.nanoTime();
            int status;
            try {
                status = monitor.send(HttpRequest.newBuilder(uri("/$/ping")).timeout(PING_TIMEOUT).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = -1;
                monitorErrors.add(String.format(Locale.ROOT, "t=%.0f s ping: %s", t, e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pings.add(new Ping(t, status, System.nanoTime() - start));
        }

        void sampleHeap(long deadline) {
            if (trafficDone) return;
            try {
                long[] h = heapUsed();
                heap.add(new HeapSample(t(), h[0], h[1], loadAverage()));
            } catch (Exception e) {
                monitorErrors.add(String.format(Locale.ROOT, "t=%.0f s metrics: %s", t(), e));
            }
        }

        /** Heap used (sum of the heap pools) and old generation used, from Fuseki's Prometheus metrics. */
        long[] heapUsed() throws IOException, InterruptedException {
            HttpResponse<String> r = monitor.send(HttpRequest.newBuilder(uri("/$/metrics")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IOException("/$/metrics answered " + r.statusCode());
            long total = 0;
            long old = 0;
            boolean found = false;
            for (String line : r.body().split("\n")) {
                if (!line.startsWith("jvm_memory_used_bytes{") || !line.contains("area=\"heap\"")) continue;
                long v = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                total += v;
                if (line.contains("Old Gen") || line.contains("Tenured")) old += v;
                found = true;
            }
            if (!found) throw new IOException("no jvm_memory_used_bytes{area=\"heap\"} lines in /$/metrics");
            return new long[] {total, old};
        }

        /** A full collection in the server ({@code jcmd PID GC.run}), then the old generation used: the live heap. */
        LiveHeap forcedGc() throws IOException, InterruptedException {
            double t = t();
            long start = System.nanoTime();
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            if (!Files.isExecutable(jcmd)) throw new IOException("no jcmd in " + jcmd.getParent());
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(server.pid()), "GC.run").redirectErrorStream(true).start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readNBytes(4096);
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("jcmd GC.run did not finish within 30 s");
            }
            if (p.exitValue() != 0) throw new IOException("jcmd GC.run: " + new String(out, StandardCharsets.UTF_8).strip());
            long ms = (System.nanoTime() - start) / 1_000_000;
            // After a full collection every live object is in the old generation; the young generation refills
            // with new garbage from the running traffic at once, so the old generation is the live heap.
            return new LiveHeap(t, heapUsed()[1], ms);
        }

        Outcome report(List<String> command, String started, String loadBefore, String loadAfter, Path serverLog) throws IOException {
            List<String> failures = new ArrayList<>();
            StringBuilder md = new StringBuilder();
            double seconds = trafficNanos / 1e9;
            md.append("# coop-kg load test report\n\n");
            md.append("| | |\n|---|---|\n");
            row(md, "Started (UTC)", started);
            row(md, "Server command", "`" + String.join(" ", command).replace(config.dir().toAbsolutePath().toString(), "target/load-test")
                    .replace(System.getProperty("java.home"), "$JAVA_HOME") + "`");
            row(md, "Server start (to first ping 200)", serverStartMillis + " ms");
            row(md, "Machine", Runtime.getRuntime().availableProcessors() + " CPUs (nproc), " + memTotal() + " memory, "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            row(md, "JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                    + " (server started with the same java; default heap settings)");
            row(md, "Load average (1/5/15 min) before / after", loadBefore + " / " + loadAfter);
            row(md, "Load average (1 min) during, mean / max", loadDuring());
            row(md, "Duration (traffic)", String.format(Locale.ROOT, "%.1f s (configured %d s; warm-up %d s)", seconds,
                    config.seconds(), config.warmupSeconds()));
            row(md, "Clients", config.clients() + " (each with its own connections; GET and POST alternately)");
            row(md, "Server query timeout", config.timeoutSeconds() + " s");
            row(md, "Mix per pass", (mix.size() - MALFORMED_QUERIES.size() - 1) + " gallery queries, "
                    + MALFORMED_QUERIES.size() + " malformed (400 expected), 1 heavy (503 expected)");
            row(md, "Requests", samples.size() + String.format(Locale.ROOT, " (%.1f per second)", samples.size() / seconds));
            md.append('\n');

            // ---- latency per kind
            md.append("## Latency and status per kind\n\n");
            md.append("| kind | expected | requests | p50 ms | p99 ms | max ms | statuses |\n|---|---|---:|---:|---:|---:|---|\n");
            Map<String, List<Sample>> byKind = new LinkedHashMap<>();
            for (Item i : mix) byKind.putIfAbsent(i.kind(), new ArrayList<>());
            for (Sample s : samples) byKind.get(s.kind()).add(s);
            Map<String, Integer> expected = new LinkedHashMap<>();
            for (Item i : mix) expected.put(i.kind(), i.expected());
            for (var e : byKind.entrySet()) kindRow(md, e.getKey(), Integer.toString(expected.get(e.getKey())), e.getValue());
            List<Sample> gallery = samples.stream().filter(s -> !s.kind().equals(HEAVY) && !s.kind().equals(MALFORMED)).toList();
            kindRow(md, "**all gallery queries**", "200", gallery);
            kindRow(md, "**overall**", "", samples);
            md.append('\n');

            // ---- statuses
            md.append("## Status counts\n\n| status | count | kinds |\n|---|---:|---|\n");
            Map<Integer, List<Sample>> byStatus = samples.stream().collect(Collectors.groupingBy(Sample::status, TreeMap::new, Collectors.toList()));
            for (var e : byStatus.entrySet()) {
                String kinds = e.getValue().stream().collect(Collectors.groupingBy(s -> kindGroup(s.kind()), TreeMap::new, Collectors.counting()))
                        .entrySet().stream().map(k -> k.getKey() + " " + k.getValue()).collect(Collectors.joining(", "));
                md.append("| ").append(e.getKey() == -1 ? "I/O error" : Integer.toString(e.getKey())).append(" | ")
                        .append(e.getValue().size()).append(" | ").append(kinds).append(" |\n");
            }
            md.append('\n');
            long unintended5xx = samples.stream().filter(s -> s.status() >= 500 && !(s.status() == 503 && s.kind().equals(HEAVY))).count();
            long ioErrors = samples.stream().filter(s -> s.status() == -1).count();
            long unexpected = samples.stream().filter(s -> s.status() != expected.get(s.kind())).count();
            if (unintended5xx > 0) failures.add(unintended5xx + " responses with a 5xx status other than the heavy queries' 503 (timeout)");
            if (ioErrors > 0) {
                failures.add(ioErrors + " requests failed with an I/O error, e.g. "
                        + samples.stream().filter(s -> s.status() == -1).findFirst().map(Sample::error).orElse(""));
            }
            if (unexpected > 0) failures.add(unexpected + " responses with another status than expected for their kind");
            if (samples.isEmpty()) failures.add("no request was answered");
            long heavy503 = byKind.get(HEAVY).stream().filter(s -> s.status() == 503).count();
            if (heavy503 == 0) failures.add("no heavy query hit the timeout (503)");

            // ---- ping
            md.append("## `/$/ping` every second\n\n");
            long pingOk = pings.stream().filter(p -> p.status() == 200).count();
            List<Long> pingNanos = pings.stream().map(Ping::nanos).sorted().toList();
            md.append(String.format(Locale.ROOT, "%d pings, %d answered 200; latency p50 %s ms, p99 %s ms, max %s ms.%n",
                    pings.size(), pingOk, ms(pct(pingNanos, 50)), ms(pct(pingNanos, 99)), ms(pct(pingNanos, 100))));
            List<Ping> badPings = pings.stream().filter(p -> p.status() != 200).toList();
            for (Ping p : badPings) md.append(String.format(Locale.ROOT, "- t=%.1f s: status %d after %s ms%n", p.t(), p.status(), ms(p.nanos())));
            md.append('\n');
            if (!badPings.isEmpty()) failures.add(badPings.size() + " pings did not answer 200");
            long expectedPings = (long) Math.floor(seconds * 0.9);
            if (pings.size() < expectedPings) failures.add("only " + pings.size() + " pings were sent in " + Math.round(seconds) + " s");

            // ---- heap
            md.append("## Server heap\n\n");
            md.append(String.format(Locale.ROOT, "Live heap (old generation used right after a forced full GC, `jcmd PID GC.run`): "
                    + "before traffic %s MiB, after traffic %s MiB (difference %+.1f MiB).%n%n",
                    mib(liveBefore.heapUsed()), mib(liveAfter.heapUsed()), (liveAfter.heapUsed() - liveBefore.heapUsed()) / 1048576.0));
            double warm = config.warmupSeconds();
            List<HeapSample> raw = heap.stream().filter(h -> h.t() >= warm).toList();
            md.append(String.format(Locale.ROOT, "Prometheus samples (`jvm_memory_used_bytes{area=\"heap\"}` summed over the pools, every %d s): "
                    + "%d in all, %d after warm-up; heap used min %s / mean %s / max %s MiB; old generation min %s / max %s MiB.%n",
                    config.sampleSeconds(), heap.size(), raw.size(),
                    mib(raw.stream().mapToLong(HeapSample::heapUsed).min().orElse(0)),
                    mib((long) raw.stream().mapToLong(HeapSample::heapUsed).average().orElse(0)),
                    mib(raw.stream().mapToLong(HeapSample::heapUsed).max().orElse(0)),
                    mib(raw.stream().mapToLong(HeapSample::oldGenUsed).min().orElse(0)),
                    mib(raw.stream().mapToLong(HeapSample::oldGenUsed).max().orElse(0))));
            double[] rawFit = fit(raw.stream().map(h -> new double[] {h.t(), h.heapUsed()}).toList());
            double[] oldFit = fit(raw.stream().map(h -> new double[] {h.t(), h.oldGenUsed()}).toList());
            md.append(String.format(Locale.ROOT, "Slopes of those samples after warm-up (least squares, informational): heap used %s "
                    + "(young-generation sawtooth); old generation %s.%n%n", slope(rawFit), slope(oldFit)));
            List<LiveHeap> liveAfterWarmup = live.stream().filter(l -> l.t() >= warm).toList();
            double[] liveFit = fit(liveAfterWarmup.stream().map(l -> new double[] {l.t(), l.heapUsed()}).toList());
            md.append(String.format(Locale.ROOT, "Forced-GC live heap after warm-up, every %d s (%d samples; jcmd took median %s ms):%n%n",
                    config.gcSeconds(), liveAfterWarmup.size(),
                    liveAfterWarmup.stream().map(LiveHeap::jcmdMillis).sorted().skip(liveAfterWarmup.size() / 2).findFirst().orElse(0L)));
            md.append("| t (s) | live heap (MiB) |\n|---:|---:|\n");
            for (LiveHeap l : liveAfterWarmup) md.append(String.format(Locale.ROOT, "| %.0f | %s |%n", l.t(), mib(l.heapUsed())));
            md.append('\n');
            md.append("Live-heap slope: ").append(slope(liveFit)).append(".\n\n");
            double span = liveAfterWarmup.isEmpty() ? 0 : liveAfterWarmup.get(liveAfterWarmup.size() - 1).t() - liveAfterWarmup.get(0).t();
            double meanLive = liveAfterWarmup.stream().mapToLong(LiveHeap::heapUsed).average().orElse(0);
            double threshold = Math.max(4 * 1048576.0, 0.05 * meanLive);
            String verdict;
            if (liveFit == null || liveAfterWarmup.size() < 4) {
                verdict = "not judged: fewer than 4 forced-GC samples after warm-up";
                if (config.seconds() >= 60) failures.add("heap trend not judged: only " + liveAfterWarmup.size() + " forced-GC samples");
            } else {
                double growth = liveFit[0] * span;
                boolean significant = liveFit[0] - 2 * liveFit[1] > 0;
                boolean large = growth > threshold;
                verdict = String.format(Locale.ROOT, "growth over the %.0f s after warm-up %+.2f MiB (slope × span); "
                        + "statistically positive (slope − 2·SE > 0): %s; larger than max(4 MiB, 5%% of the mean live heap) = %.1f MiB: %s → %s",
                        span, growth / 1048576.0, significant ? "yes" : "no", threshold / 1048576.0, large ? "yes" : "no",
                        significant && large ? "**heap growth trend**" : "no heap growth trend");
                if (significant && large) failures.add("heap growth trend: " + verdict);
            }
            md.append("Criterion: ").append(verdict).append(".\n\n");
            if (!monitorErrors.isEmpty()) {
                md.append("## Monitor errors\n\n");
                monitorErrors.forEach(e -> md.append("- ").append(e).append('\n'));
                md.append('\n');
                failures.add(monitorErrors.size() + " monitoring errors (ping, metrics or jcmd), e.g. " + monitorErrors.get(0));
            }
            // ---- verdict
            md.append("## Targets\n\n");
            if (failures.isEmpty()) {
                md.append("All met: no 5xx other than the heavy queries' 503 timeouts, every status as expected, "
                        + "every ping 200, no heap growth trend.\n");
            } else {
                failures.forEach(f -> md.append("- MISSED: ").append(f).append('\n'));
            }
            String serverErrors = Files.readAllLines(serverLog).stream().filter(l -> l.contains("ERROR") || l.contains("Exception"))
                    .limit(5).collect(Collectors.joining("\n"));
            if (!serverErrors.isEmpty()) md.append("\nServer log lines with ERROR or Exception (first 5):\n\n```\n").append(serverErrors).append("\n```\n");
            Path reportFile = config.dir().resolve("report.md");
            Files.writeString(reportFile, md.toString(), StandardCharsets.UTF_8);
            writeCsv();
            return new Outcome(md.toString(), List.copyOf(failures), reportFile);
        }

        void writeCsv() throws IOException {
            StringBuilder csv = new StringBuilder("t_seconds,heap_used_bytes,old_gen_used_bytes,loadavg\n");
            for (HeapSample h : heap) csv.append(String.format(Locale.ROOT, "%.1f,%d,%d,%s%n", h.t(), h.heapUsed(), h.oldGenUsed(), h.load()));
            Files.writeString(config.dir().resolve("heap-samples.csv"), csv);
            StringBuilder gc = new StringBuilder("t_seconds,live_heap_bytes,jcmd_millis\n");
            for (LiveHeap l : live) gc.append(String.format(Locale.ROOT, "%.1f,%d,%d%n", l.t(), l.heapUsed(), l.jcmdMillis()));
            Files.writeString(config.dir().resolve("live-heap.csv"), gc);
            StringBuilder p = new StringBuilder("t_seconds,status,millis\n");
            for (Ping x : pings) p.append(String.format(Locale.ROOT, "%.1f,%d,%s%n", x.t(), x.status(), ms(x.nanos())));
            Files.writeString(config.dir().resolve("pings.csv"), p);
        }

        String loadDuring() {
            List<Double> l = new ArrayList<>();
            for (HeapSample h : heap) {
                try {
                    l.add(Double.parseDouble(h.load().split(" ")[0]));
                } catch (RuntimeException e) {
                    // n/a
                }
            }
            if (l.isEmpty()) return "n/a";
            return String.format(Locale.ROOT, "%.2f / %.2f", l.stream().mapToDouble(d -> d).average().orElse(0),
                    l.stream().mapToDouble(d -> d).max().orElse(0));
        }
    }

    static String kindGroup(String kind) {
        return kind.equals(HEAVY) || kind.equals(MALFORMED) ? kind : "gallery";
    }

    static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(value).append(" |\n");
    }

    static void kindRow(StringBuilder md, String kind, String expected, Collection<Sample> s) {
        List<Long> nanos = s.stream().map(Sample::nanos).sorted().toList();
        String statuses = s.stream().collect(Collectors.groupingBy(x -> x.status() == -1 ? "I/O error" : Integer.toString(x.status()),
                TreeMap::new, Collectors.counting())).entrySet().stream().map(e -> e.getKey() + "×" + e.getValue())
                .collect(Collectors.joining(", "));
        md.append("| ").append(kind).append(" | ").append(expected).append(" | ").append(s.size()).append(" | ")
                .append(ms(pct(nanos, 50))).append(" | ").append(ms(pct(nanos, 99))).append(" | ").append(ms(pct(nanos, 100)))
                .append(" | ").append(statuses).append(" |\n");
    }

    /** Nearest-rank percentile of sorted values (0 when there are none). */
    static long pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) return 0;
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    /** Least-squares slope (bytes per second) and its standard error, or null with fewer than 3 points. */
    static double[] fit(List<double[]> points) {
        int n = points.size();
        if (n < 3) return null;
        double mx = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double my = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double sxx = 0;
        double sxy = 0;
        for (double[] p : points) {
            sxx += (p[0] - mx) * (p[0] - mx);
            sxy += (p[0] - mx) * (p[1] - my);
        }
        if (sxx == 0) return null;
        double b = sxy / sxx;
        double a = my - b * mx;
        double sse = 0;
        for (double[] p : points) sse += Math.pow(p[1] - (a + b * p[0]), 2);
        double se = Math.sqrt(sse / (n - 2) / sxx);
        return new double[] {b, se};
    }

    static String slope(double[] fit) {
        if (fit == null) return "n/a (too few samples)";
        return String.format(Locale.ROOT, "%+.3f MiB/min (standard error %.3f MiB/min)", fit[0] * 60 / 1048576.0, fit[1] * 60 / 1048576.0);
    }

    static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kb / 1048576.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return "n/a";
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private LoadTest() {}
}

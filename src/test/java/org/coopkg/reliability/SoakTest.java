package org.coopkg.reliability;

import java.io.IOException;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The bounded mixed soak of issue 15: the packaged jar as a server that takes updates, once with its data in memory
 * and a journal ({@code serve --update --journal FILE}), once on TDB2 ({@code serve --tdb2 DIR --update}), each for
 * {@code coopkg.soak.seconds} (300) with 4 clients on loopback: a reader (gallery queries, and the check that no read
 * sees half an update), a writer (updates of three quads in three graphs, the default graph among them, and updates
 * that break the shapes), a client of malformed and too deeply nested queries, and a client of heavy queries that only
 * the timeout stops. {@code /$/ping} is polled every second. Then the server is killed with SIGKILL, started again on
 * the same journal or database, and every write that was acknowledged (204) must be there, whole.
 *
 * <p>Targets: every response has the status its kind expects (0 unexpected), every ping 200, no read ever sees half an
 * update, every acknowledged write present after the kill and restart. The report goes to
 * {@code target/load-test/soak-report.md}.
 */
public final class SoakTest {
    static final String PART = "urn:coopkg:soak:part";
    static final String HALF_UPDATE = "ASK { ?w <" + PART + "> ?x FILTER NOT EXISTS { ?w <" + PART + "> \"a\", \"b\", \"c\" } }";
    static final String NESTED = "SELECT * " + "{ ".repeat(200) + "?s ?p ?o" + " }".repeat(200);
    static final String INVALID_WRITE = "INSERT DATA { GRAPH <urn:coopkg:soak:bad> { <http://localhost:3030/id/person/soak-nameless> "
            + "a <https://w3id.org/coop-kg/ontology#Person> } }";
    private static final String USER = "soak";
    private static final String PASSWORD = "soak-password";

    /** One answer: kind, expected and actual status, time taken. */
    record Sample(String kind, int expected, int status, long nanos, String note) {}

    record Config(int seconds, Path jar, Path dir, int timeoutSeconds) {
        static Config fromSystemProperties() {
            return new Config(Integer.getInteger("coopkg.soak.seconds", 300), Path.of(System.getProperty("coopkg.load.jar", "target/coopkg.jar")),
                    Path.of(System.getProperty("coopkg.load.dir", "target/load-test")), 5);
        }
    }

    public record Outcome(String report, List<String> failures, Path reportFile) {}

    public static void main(String[] args) throws Exception {
        Outcome outcome = run(Config.fromSystemProperties());
        System.out.println(outcome.report());
        if (!outcome.failures().isEmpty()) {
            System.err.println("soak targets missed:\n  " + String.join("\n  ", outcome.failures()));
            System.exit(1);
        }
    }

    static Outcome run(Config config) throws Exception {
        Files.createDirectories(config.dir());
        Path jar = config.dir().resolve("coopkg-soak.jar");
        Files.copy(config.jar(), jar, StandardCopyOption.REPLACE_EXISTING);
        Path passwd = Files.writeString(config.dir().resolve("soak-passwd"), USER + ": " + PASSWORD + "\n");
        StringBuilder md = new StringBuilder("# Mixed soak\n\n");
        md.append(String.format(Locale.ROOT, "Started %s; %d s per store, 4 clients on loopback, server timeout %d s; "
                + "machine: %d CPUs, %s memory, load average before %s.%n%n", Instant.now().truncatedTo(ChronoUnit.SECONDS),
                config.seconds(), config.timeoutSeconds(), Runtime.getRuntime().availableProcessors(), LoadTest.memTotal(),
                LoadTest.loadAverage()));
        List<String> failures = new ArrayList<>();
        for (String store : List.of("journal", "tdb2")) {
            Path work = config.dir().resolve("soak-" + store);
            deleteTree(work);
            Files.createDirectories(work);
            List<String> serve = new ArrayList<>(List.of(java(), "-jar", jar.toString(), "serve", "--localhost", "--timeout",
                    Integer.toString(config.timeoutSeconds()), "--update", "--passwd", passwd.toString()));
            if (store.equals("journal")) {
                serve.addAll(List.of("--journal", work.resolve("updates.rdfp").toString()));
            } else {
                Path db = work.resolve("tdb2");
                Process load = new ProcessBuilder(java(), "-jar", jar.toString(), "load", "--tdb2", db.toString())
                        .redirectErrorStream(true).redirectOutput(work.resolve("load.log").toFile()).start();
                if (!load.waitFor(300, TimeUnit.SECONDS) || load.exitValue() != 0) throw new IllegalStateException("load --tdb2 failed");
                serve.addAll(List.of("--tdb2", db.toString()));
            }
            new Store(store, config, serve, work).run(md, failures);
        }
        md.append("## Targets\n\n");
        if (failures.isEmpty()) md.append("All met.\n"); else failures.forEach(f -> md.append("- MISSED: ").append(f).append('\n'));
        md.append(String.format(Locale.ROOT, "%nLoad average after: %s.%n", LoadTest.loadAverage()));
        Path report = config.dir().resolve("soak-report.md");
        Files.writeString(report, md);
        return new Outcome(md.toString(), failures, report);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** One store's run: traffic, kill -9, restart, check. */
    static final class Store {
        final String name;
        final Config config;
        final List<String> command;
        final Path work;
        final List<Sample> samples = new CopyOnWriteArrayList<>();
        final List<long[]> pings = new CopyOnWriteArrayList<>();
        final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        final AtomicInteger halfSeen = new AtomicInteger();
        final AtomicInteger writes = new AtomicInteger();
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        int port;
        Process server;

        Store(String name, Config config, List<String> command, Path work) {
            this.name = name;
            this.config = config;
            this.command = command;
            this.work = work;
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        void run(StringBuilder md, List<String> failures) throws Exception {
            port = LoadTest.freePort();
            long startMillis = start("server.log");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.seconds());
            long trafficStart = System.nanoTime();
            ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
            pinger.scheduleAtFixedRate(this::ping, 0, 1, TimeUnit.SECONDS);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> running = new ArrayList<>();
            running.add(clients.submit(() -> reader(deadline)));
            running.add(clients.submit(() -> writer(deadline)));
            running.add(clients.submit(() -> malformed(deadline)));
            running.add(clients.submit(() -> heavy(deadline)));
            clients.shutdown();
            if (!clients.awaitTermination(config.seconds() + 120, TimeUnit.SECONDS)) clients.shutdownNow();
            for (Future<?> f : running) f.get(10, TimeUnit.SECONDS);
            double trafficSeconds = (System.nanoTime() - trafficStart) / 1e9;
            pinger.shutdown();
            pinger.awaitTermination(10, TimeUnit.SECONDS);
            // SIGKILL: no shutdown hook, no flush; what was acknowledged must already be on the disk.
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
            long restartMillis = start("server-after-kill.log");
            Set<Integer> present = presentWrites();
            boolean halfAfter = ask(HALF_UPDATE);
            LoadTest.kill(server);
            report(md, failures, startMillis, restartMillis, trafficSeconds, present, halfAfter);
        }

        long start(String log) throws Exception {
            long start = System.nanoTime();
            List<String> full = new ArrayList<>(command);
            full.addAll(List.of("--port", Integer.toString(port)));
            server = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(work.resolve(log).toFile()).start();
            long deadline = start + TimeUnit.SECONDS.toNanos(240);
            while (System.nanoTime() < deadline) {
                if (!server.isAlive()) throw new IllegalStateException(name + ": the server exited:\n" + LoadTest.tail(work.resolve(log)));
                try {
                    if (http.send(HttpRequest.newBuilder(uri("/$/ping")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return (System.nanoTime() - start) / 1_000_000;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException(name + ": no answer to /$/ping within 240 s");
        }

        void ping() {
            long start = System.nanoTime();
            int status;
            try {
                status = http.send(HttpRequest.newBuilder(uri("/$/ping")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                status = -1;
            }
            pings.add(new long[] {status, System.nanoTime() - start});
        }

        void reader(long deadline) {
            List<String> gallery = org.coopkg.query.Gallery.bundled().stream().map(q -> q.sparql()).toList();
            for (int n = 0; System.nanoTime() < deadline && n < 1_000_000; n++) {
                query("gallery", gallery.get(n % gallery.size()), 200);
                Sample half = query("half-update check", HALF_UPDATE, 200);
                if (half != null && half.status() == 200 && half.note().contains("true")) halfSeen.incrementAndGet();
            }
        }

        void writer(long deadline) {
            for (int n = 0; System.nanoTime() < deadline && n < 1_000_000; n++) {
                if (n % 10 == 9) {
                    update("invalid write", INVALID_WRITE, 422);
                    continue;
                }
                int id = writes.incrementAndGet();
                String w = "<urn:coopkg:soak:w/" + id + ">";
                String insert = "INSERT DATA { GRAPH <urn:coopkg:soak:g/" + id + "/a> { " + w + " <" + PART + "> \"a\" } "
                        + "GRAPH <urn:coopkg:soak:g/" + id + "/b> { " + w + " <" + PART + "> \"b\" } " + w + " <" + PART + "> \"c\" }";
                Sample s = update("write", insert, 204);
                if (s != null && s.status() == 204) acknowledged.add(id);
            }
        }

        void malformed(long deadline) {
            for (int n = 0; System.nanoTime() < deadline && n < 1_000_000; n++) {
                if (n % 5 == 4) query("nested", NESTED, 400);
                else query("malformed", LoadTest.MALFORMED_QUERIES.get(n % LoadTest.MALFORMED_QUERIES.size()), 400);
            }
        }

        void heavy(long deadline) {
            List<String> gallery = org.coopkg.query.Gallery.bundled().stream().map(q -> q.sparql()).toList();
            for (int n = 0; System.nanoTime() < deadline && n < 1_000_000; n++) {
                if (n % 2 == 0) query("heavy", LoadTest.HEAVY_QUERY, 503);
                else query("gallery", gallery.get((n * 7) % gallery.size()), 200);
            }
        }

        Sample query(String kind, String sparql, int expected) {
            HttpRequest request = HttpRequest.newBuilder(uri("/coop/sparql")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
                    .POST(HttpRequest.BodyPublishers.ofString(sparql, StandardCharsets.UTF_8)).build();
            return send(kind, request, expected);
        }

        Sample update(String kind, String sparql, int expected) {
            HttpRequest request = HttpRequest.newBuilder(uri("/coop/update")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/sparql-update").header("Authorization", basic())
                    .POST(HttpRequest.BodyPublishers.ofString(sparql, StandardCharsets.UTF_8)).build();
            return send(kind, request, expected);
        }

        Sample send(String kind, HttpRequest request, int expected) {
            long start = System.nanoTime();
            Sample sample;
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                String note = r.statusCode() == 200 && kind.equals("half-update check") ? r.body()
                        : r.statusCode() == expected ? "" : r.body().lines().findFirst().orElse("");
                if (kind.equals("nested") && r.statusCode() == 400 && !r.body().contains("nested too deeply")) {
                    note = "400 without the nesting message: " + r.body();
                    sample = new Sample(kind, expected, -2, System.nanoTime() - start, note);
                } else {
                    sample = new Sample(kind, expected, r.statusCode(), System.nanoTime() - start, note);
                }
            } catch (IOException e) {
                sample = new Sample(kind, expected, -1, System.nanoTime() - start, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            samples.add(sample);
            return sample;
        }

        Set<Integer> presentWrites() throws Exception {
            String select = "SELECT ?w WHERE { ?w <" + PART + "> \"a\", \"b\", \"c\" }";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/coop/sparql")).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/sparql-query").header("Accept", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(select)).build(), HttpResponse.BodyHandlers.ofString());
            Set<Integer> present = ConcurrentHashMap.newKeySet();
            Matcher m = Pattern.compile("urn:coopkg:soak:w/(\\d+)").matcher(r.body());
            while (m.find()) present.add(Integer.parseInt(m.group(1)));
            return present;
        }

        boolean ask(String query) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/coop/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                    .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return r.body().contains("true");
        }

        static String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        }

        void report(StringBuilder md, List<String> failures, long startMillis, long restartMillis, double trafficSeconds,
                    Set<Integer> present, boolean halfAfter) {
            md.append("## Store: ").append(name).append("\n\n");
            md.append("Command: `").append(String.join(" ", command).replace(work.toString(), "DIR")).append(" --port P`\n\n");
            md.append(String.format(Locale.ROOT, "Start %d ms; traffic %.1f s; %d requests (%.1f/s); restart after kill -9 %d ms.%n%n",
                    startMillis, trafficSeconds, samples.size(), samples.size() / trafficSeconds, restartMillis));
            md.append("| kind | expected | requests | p50 ms | p99 ms | max ms | statuses |\n|---|---|---:|---:|---:|---:|---|\n");
            Map<String, List<Sample>> byKind = samples.stream().collect(Collectors.groupingBy(Sample::kind, TreeMap::new, Collectors.toList()));
            long unexpected = 0;
            for (var e : byKind.entrySet()) {
                List<Long> nanos = e.getValue().stream().map(Sample::nanos).sorted().toList();
                String statuses = e.getValue().stream().collect(Collectors.groupingBy(s -> s.status() == -1 ? "I/O error"
                        : s.status() == -2 ? "400 without message" : Integer.toString(s.status()), TreeMap::new, Collectors.counting()))
                        .entrySet().stream().map(x -> x.getKey() + "×" + x.getValue()).collect(Collectors.joining(", "));
                md.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s |%n", e.getKey(), e.getValue().get(0).expected(),
                        e.getValue().size(), LoadTest.ms(LoadTest.pct(nanos, 50)), LoadTest.ms(LoadTest.pct(nanos, 99)),
                        LoadTest.ms(LoadTest.pct(nanos, 100)), statuses));
                unexpected += e.getValue().stream().filter(s -> s.status() != s.expected()).count();
            }
            List<Sample> odd = samples.stream().filter(s -> s.status() != s.expected()).limit(5).toList();
            md.append(String.format(Locale.ROOT, "%nUnexpected statuses: **%d**%s%n", unexpected,
                    odd.isEmpty() ? "" : " e.g. " + odd.stream().map(s -> s.kind() + " " + s.status() + " " + s.note()).toList()));
            if (unexpected > 0) failures.add(name + ": " + unexpected + " unexpected statuses, e.g. " + odd);
            long pingOk = pings.stream().filter(p -> p[0] == 200).count();
            List<Long> pingNanos = pings.stream().map(p -> p[1]).sorted().toList();
            md.append(String.format(Locale.ROOT, "Pings: %d, %d answered 200; p50 %s ms, p99 %s ms, max %s ms.%n", pings.size(), pingOk,
                    LoadTest.ms(LoadTest.pct(pingNanos, 50)), LoadTest.ms(LoadTest.pct(pingNanos, 99)), LoadTest.ms(LoadTest.pct(pingNanos, 100))));
            if (pingOk != pings.size()) failures.add(name + ": " + (pings.size() - pingOk) + " pings did not answer 200");
            if (pings.size() < trafficSeconds * 0.9) failures.add(name + ": only " + pings.size() + " pings in " + trafficSeconds + " s");
            md.append(String.format(Locale.ROOT, "Half-update checks that saw half an update: **%d**; after the restart: %s.%n",
                    halfSeen.get(), halfAfter ? "**yes**" : "none"));
            if (halfSeen.get() > 0 || halfAfter) failures.add(name + ": a read saw half an update");
            Set<Integer> missing = new java.util.TreeSet<>(acknowledged);
            missing.removeAll(present);
            md.append(String.format(Locale.ROOT, "Writes acknowledged (204): **%d**; present, whole, after kill -9 and restart: **%d**; "
                    + "missing: **%d**%s.%n%n", acknowledged.size(), acknowledged.size() - missing.size(), missing.size(),
                    missing.isEmpty() ? "" : " e.g. " + missing.stream().limit(5).toList()));
            if (!missing.isEmpty()) failures.add(name + ": " + missing.size() + " acknowledged writes lost after kill -9");
            if (acknowledged.isEmpty()) failures.add(name + ": no write was acknowledged");
        }
    }

    private SoakTest() {}
}

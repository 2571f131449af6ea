package org.coopkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.coopkg.query.Gallery;
import org.coopkg.testing.CommandRun;
import org.coopkg.web.CoopServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 §4, durability of the TDB2 store.
 *
 * <p>(a) A {@code coopkg load --tdb2} killed with SIGKILL in the middle of its write transaction (a child JVM)
 * leaves the previous database exactly as it was, and {@code serve --tdb2} serves it. (b) Reloads
 * ({@link TdbStore#replace}) under HTTP query load: every response is 200 and every count is the old or the
 * new total.
 */
class DurabilityTest {
    private static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }";
    private static final String SYNTHETIC = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            + "SELECT (COUNT(*) AS ?n) WHERE { ?s rdfs:label ?l FILTER(STRSTARTS(STR(?l), \"Synthetic Region\")) }";
    private static final Pattern COUNT_VALUE = Pattern.compile("\"value\"\\s*:\\s*\"(\\d+)\"");

    @TempDir
    Path dir;

    // ---------------------------------------------------------------------------------------------
    // (a) kill -9 in the middle of a load

    @Test
    void aLoadKilledMidWriteLeavesThePreviousDatabaseIntactAndServable() throws Exception {
        long testStart = System.nanoTime();
        Path base = dir.resolve("base-tdb2");
        CommandRun load = CommandRun.of("load", "--tdb2", base.toString());
        assertEquals(0, load.exit(), load.err());
        Snapshot before = snapshot(base);
        // Every quad of the bundled data: its named graphs and their union.
        assertEquals(new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load().quadCount(), before.quads());
        assertEquals(0, before.synthetic());

        // A different, bigger, valid folder: the bundled CSVs plus 6,000 new places (about 156,000 quads), so
        // that the child's write transaction lasts several seconds and prints progress (every 2 s) while open.
        Path other = syntheticData(dir.resolve("other-data"), 6_000);

        // One kill point: right after the first "writing" progress line (a second child costs ~15 s more).
        // Each kill gets its own copy of the database (one JVM per database directory).
        List<Kill> kills = List.of(new Kill(1, copy(base, dir.resolve("tdb2-kill1"))));
        try {
            for (Kill kill : kills) kill.start(other);
            for (Kill kill : kills) kill.awaitAndKill();
        } finally {
            for (Kill kill : kills) kill.destroy();
        }
        for (Kill kill : kills) {
            // SIGKILL: the JVM reports 128 + 9.
            assertEquals(137, kill.exit, kill.describe());
            // Proof that the kill landed inside the write transaction: a progress line "writing N quads" with N
            // below the total was printed (it is printed inside Txn.executeWrite), and the complete stderr of the
            // dead process has no "committing" line (printed inside the transaction just before the commit once
            // 2 s have passed, which they had) and stdout no "loaded": the commit never began.
            assertTrue(kill.writtenAtKill > 0 && kill.writtenAtKill < kill.total, kill.describe());
            assertFalse(kill.err.toString().contains("committing"), kill.describe());
            assertFalse(kill.out.toString().contains("loaded"), kill.describe());

            // The dead child's lock is still there: tdb.lock names its PID.
            String lockBefore = readLock(kill.db);
            assertTrue(lockBefore.contains("tdb.lock=" + kill.pid), lockBefore);
            // Reopen in this JVM: the lock left by the dead process does not stop it (see the report).
            Snapshot after = snapshot(kill.db);
            assertEquals(before, after, "after the kill: " + kill.describe());
            System.out.printf("DurabilityTest(a): kill after progress line %d: %,d of %,d quads written when killed %d ms after "
                    + "the line; data files %,d -> %,d bytes; tdb.lock held '%s' (child pid %d); reopened: %,d quads, as before%n",
                    kill.afterLine, kill.writtenAtKill, kill.total, kill.killLatencyMs, kill.bytesBefore, kill.bytesAfter,
                    lockBefore, kill.pid, after.quads());

            // Servable: serve --tdb2 over it answers gallery query 01 over HTTP, as before the killed load.
            try (CoopServer server = CoopServer.builder().port(0).loopback(true).stored(TdbStore.openForServing(kill.db, false)).build().start()) {
                assertEquals(before.gallery01(), rows(QueryExecution.service(server.sparqlUrl()).query(gallery01()).build()));
                assertEquals(before.quads(), count(postQuery(server.sparqlUrl(), COUNT)));
            } finally {
                TdbStore.release(TdbStore.open(kill.db));
            }
        }
        System.out.printf("DurabilityTest(a): %.1f s in all%n", (System.nanoTime() - testStart) / 1e9);
    }

    /** One child {@code coopkg load --tdb2} killed after its {@code afterLine}-th "writing" progress line. */
    private static final class Kill {
        final int afterLine;
        final Path db;
        final StringBuffer err = new StringBuffer();
        final StringBuffer out = new StringBuffer();
        final List<String> writing = new CopyOnWriteArrayList<>();
        volatile long total = -1;
        Process process;
        Thread errReader;
        Thread outReader;
        long pid;
        long writtenAtKill = -1;
        long killLatencyMs = -1;
        long bytesBefore;
        long bytesAfter;
        int exit = -1;
        volatile long lineSeenNanos;

        Kill(int afterLine, Path db) {
            this.afterLine = afterLine;
            this.db = db;
        }

        void start(Path data) throws IOException {
            bytesBefore = size(db);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), "org.coopkg.cli.Main",
                    "load", "--tdb2", db.toString(), "--data", data.toString()).start();
            pid = process.pid();
            Pattern totalLine = Pattern.compile("-> ([\\d,]+) quads");
            errReader = reader(process.getErrorStream(), err, line -> {
                Matcher m = totalLine.matcher(line);
                if (m.find()) total = Long.parseLong(m.group(1).replace(",", ""));
                if (line.startsWith("coop-kg: writing ")) {
                    if (writing.size() + 1 == afterLine) lineSeenNanos = System.nanoTime();
                    writing.add(line);
                }
            });
            outReader = reader(process.getInputStream(), out, line -> {});
        }

        void awaitAndKill() throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (writing.size() < afterLine) {
                assertTrue(process.isAlive(), () -> "the load ended before it could be killed: " + describe());
                assertTrue(System.nanoTime() < deadline, () -> "no progress line in time: " + describe());
                Thread.sleep(5);
            }
            process.destroyForcibly();
            killLatencyMs = (System.nanoTime() - lineSeenNanos) / 1_000_000;
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the killed load did not end");
            exit = process.exitValue();
            errReader.join(10_000);
            outReader.join(10_000);
            Matcher m = Pattern.compile("writing ([\\d,]+) quads").matcher(writing.get(afterLine - 1));
            assertTrue(m.find());
            writtenAtKill = Long.parseLong(m.group(1).replace(",", ""));
            bytesAfter = size(db);
        }

        void destroy() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }

        String describe() {
            return "child pid " + pid + ", exit " + exit + ", killed after progress line " + afterLine + "\nstderr:\n" + err + "\nstdout:\n" + out;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // (b) reloads under query load

    @Test
    void queriesDuringReloadsAllSucceedAndSeeTheOldOrTheNewData() throws Exception {
        long testStart = System.nanoTime();
        Path db = dir.resolve("reload-tdb2");
        assertEquals(0, CommandRun.of("load", "--tdb2", db.toString()).exit());
        DatasetGraph oldData = new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load().dataset();
        DatasetGraph newData = new CoopLoader(CuratedFiles.directory(syntheticData(dir.resolve("new-data"), 500)),
                CoopIris.DEFAULT_BASE).load().dataset();
        String gallery01 = gallery01();

        try (CoopServer server = CoopServer.builder().port(0).loopback(true).stored(TdbStore.openForServing(db, false)).build().start()) {
            DatasetGraph tdb = TdbStore.open(db); // the same database the server reads (one per JVM and directory)
            long oldCount = countInProcess(tdb);
            Set<Long> allowed = new HashSet<>();
            allowed.add(oldCount);

            List<long[]> reloads = new CopyOnWriteArrayList<>(); // [start, end] nanos
            List<String> failures = new CopyOnWriteArrayList<>();
            Set<Long> seen = ConcurrentHashMap.newKeySet();
            AtomicLong requests = new AtomicLong();
            AtomicLong counts = new AtomicLong();
            List<long[]> countTimes = new CopyOnWriteArrayList<>();
            List<long[]> requestTimes = new CopyOnWriteArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Thread client = new Thread(() -> {
                    HttpClient http = HttpClient.newHttpClient();
                    while (!stop.get()) {
                        for (String query : List.of(COUNT, gallery01)) {
                            long start = System.nanoTime();
                            try {
                                HttpResponse<String> response = post(http, server.sparqlUrl(), query);
                                long end = System.nanoTime();
                                requests.incrementAndGet();
                                requestTimes.add(new long[] {start, end});
                                if (response.statusCode() != 200) {
                                    failures.add(response.statusCode() + " " + response.body());
                                } else if (query == COUNT) {
                                    seen.add(count(response.body()));
                                    counts.incrementAndGet();
                                    countTimes.add(new long[] {start, end});
                                } else if (!response.body().contains("Deep-time Digital Earth")) {
                                    failures.add("gallery 01 without its first programme: " + response.body());
                                }
                            } catch (Exception e) {
                                failures.add(e.toString());
                            }
                        }
                    }
                }, "durability-client-" + i);
                clients.add(client);
                client.start();
            }
            try {
                Thread.sleep(300);
                for (DatasetGraph version : List.of(newData, oldData, newData)) {
                    long start = System.nanoTime();
                    TdbStore.replace(tdb, version, null);
                    reloads.add(new long[] {start, System.nanoTime()});
                    allowed.add(countInProcess(tdb));
                    Thread.sleep(200);
                }
            } finally {
                stop.set(true);
                for (Thread client : clients) client.join(30_000);
            }
            for (Thread client : clients) assertFalse(client.isAlive());
            assertEquals(2, allowed.size(), "the two versions differ in size: " + allowed);
            long newCount = allowed.stream().filter(c -> c != oldCount).findFirst().orElseThrow();
            assertNotEquals(oldCount, newCount);
            assertEquals(List.of(), failures.subList(0, Math.min(5, failures.size())), failures.size() + " failed requests");
            assertEquals(Set.of(), minus(seen, allowed), "a query saw neither the old nor the new data");
            long duringReloads = overlapping(requestTimes, reloads);
            long countsDuringReloads = overlapping(countTimes, reloads);
            assertTrue(countsDuringReloads > 0, "no COUNT query ran during a reload");
            double reloadSeconds = reloads.stream().mapToLong(r -> r[1] - r[0]).sum() / 1e9;
            System.out.printf("DurabilityTest(b): %d reloads (%,d <-> %,d quads, %.2f s of reloading); %,d requests, %,d of them "
                    + "during a reload (%,d COUNT queries, %,d of them during a reload), all 200; counts seen %s; %.1f s in all%n",
                    reloads.size(), oldCount, newCount, reloadSeconds, requests.get(), duringReloads, counts.get(),
                    countsDuringReloads, new TreeSet<>(seen), (System.nanoTime() - testStart) / 1e9);
        } finally {
            TdbStore.release(TdbStore.open(db));
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** What the tests compare: quad count (all graphs), gallery 01's rows, synthetic labels. */
    private record Snapshot(long quads, Set<List<String>> gallery01, long synthetic) {}

    private static Snapshot snapshot(Path db) {
        DatasetGraph tdb = TdbStore.open(db);
        try {
            return Txn.calculateRead(tdb, () -> new Snapshot(Iter.count(tdb.find()),
                    rowsOf(QueryExec.dataset(tdb).query(gallery01()).select()), countOf(tdb, SYNTHETIC)));
        } finally {
            TdbStore.release(tdb);
        }
    }

    private static long countInProcess(DatasetGraph tdb) {
        return Txn.calculateRead(tdb, () -> countOf(tdb, COUNT));
    }

    private static long countOf(DatasetGraph tdb, String query) {
        try (QueryExec exec = QueryExec.dataset(tdb).query(query).build()) {
            return ((Number) exec.select().next().get("n").getLiteralValue()).longValue();
        }
    }

    private static Set<List<String>> rowsOf(org.apache.jena.sparql.exec.RowSet rows) {
        Set<List<String>> set = new HashSet<>();
        List<org.apache.jena.sparql.core.Var> vars = rows.getResultVars();
        rows.forEachRemaining(b -> {
            List<String> row = new ArrayList<>();
            for (var v : vars) row.add(String.valueOf(b.get(v)));
            set.add(row);
        });
        return set;
    }

    private static Set<List<String>> rows(QueryExecution execution) {
        Set<List<String>> set = new HashSet<>();
        try (QueryExecution qe = execution) {
            ResultSet rs = qe.execSelect();
            List<String> vars = rs.getResultVars();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                List<String> row = new ArrayList<>();
                for (String v : vars) row.add(s.get(v) == null ? "null" : String.valueOf(s.get(v).asNode()));
                set.add(row);
            }
        }
        return set;
    }

    private static String gallery01() {
        return Gallery.fromDirectory(Path.of("queries")).stream().filter(q -> q.file().startsWith("01-")).findFirst().orElseThrow().sparql();
    }

    /** The bundled CSV files plus {@code places} new, valid regions with new ids. */
    private static Path syntheticData(Path target, int places) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/data"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) Files.copy(file, target.resolve(file.getFileName()));
        }
        StringBuilder rows = new StringBuilder();
        String row = "synthetic-region-%06d,Region,Synthetic Region %d,,,,article-000-opinion,"
                + "\"From Central Asia to the Middle East, and from Southeast Asia to Africa\",stated,\n";
        for (int i = 0; i < places; i++) rows.append(String.format(row, i, i));
        Files.writeString(target.resolve("places.csv"), rows, StandardOpenOption.APPEND);
        return target;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) Files.copy(file, to.resolve(from.relativize(file).toString()));
        }
        return to;
    }

    private static long size(Path db) {
        try (Stream<Path> files = Files.walk(db)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String readLock(Path db) throws IOException {
        List<String> locks = new ArrayList<>();
        for (Path lock : List.of(db.resolve("tdb.lock"), db.resolve("Data-0001").resolve("tdb.lock"))) {
            locks.add(db.relativize(lock) + "=" + (Files.exists(lock) ? Files.readString(lock).trim() : "(none)"));
        }
        return String.join(", ", locks);
    }

    private static Thread reader(java.io.InputStream stream, StringBuffer all, java.util.function.Consumer<String> each) {
        Thread thread = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    all.append(line).append('\n');
                    each.accept(line);
                }
            } catch (IOException e) {
                all.append("(read error: ").append(e.getMessage()).append(")\n");
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static HttpResponse<String> post(HttpClient http, String endpoint, String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String postQuery(String endpoint, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = post(HttpClient.newHttpClient(), endpoint, query);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static long count(String json) {
        Matcher m = COUNT_VALUE.matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }

    private static long overlapping(List<long[]> times, List<long[]> intervals) {
        return times.stream().filter(t -> intervals.stream().anyMatch(r -> t[0] < r[1] && t[1] > r[0])).count();
    }

    private static <T> Set<T> minus(Set<T> a, Set<T> b) {
        Set<T> rest = new HashSet<>(a);
        rest.removeAll(b);
        return rest;
    }
}

package org.coopkg.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.coopkg.query.Gallery;
import org.coopkg.query.GalleryQuery;
import org.coopkg.testing.CommandRun;
import org.coopkg.testing.StandInEndpoint;
import org.coopkg.web.ConfiguredFuseki;
import org.coopkg.web.CoopServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TDB2 storage ({@code load --tdb2}, {@code serve --tdb2}, reload in one transaction), the configurations in
 * {@code fuseki-config/} (with {@code coopkg serve --config} and with the stock Fuseki server jar) and
 * full-text search. The bundled data is loaded once, in memory and into TDB2 with its text index.
 */
class StoredDataTest {
    private static final List<String> COMPARED = List.of("01-", "08-", "14-", "17-");
    private static final Set<String> PROGRAMMES = Set.of("Deep-time Digital Earth", "Ocean Negative Carbon Emissions",
            "Proteomic Navigator of the Human Body", "International Meridian Circle Program");
    private static final String MAX_PLANCK = "http://localhost:3030/id/organisation/max-planck-society";

    @TempDir
    static Path dir;

    private static DatasetGraph memory;
    private static Path tdbDir;
    private static Path textDir;
    private static CommandRun load;

    @BeforeAll
    static void loadBoth() throws Exception {
        memory = TextSearch.withInMemoryIndex(new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load().dataset());
        tdbDir = dir.resolve("coop-tdb2");
        textDir = dir.resolve("coop-text");
        load = CommandRun.of("load", "--tdb2", tdbDir.toString(), "--text-index", textDir.toString());
    }

    @AfterAll
    static void release() {
        if (tdbDir != null && Files.isDirectory(tdbDir)) TdbStore.release(TdbStore.open(tdbDir));
    }

    @Test
    void loadTdb2ReportsWhatItWrote() {
        assertEquals(0, load.exit(), load.err());
        long quads = assertDoesNotThrow(() -> new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load().quadCount());
        assertTrue(load.out().contains(String.format(java.util.Locale.ROOT, "%,d quads", quads)), load.out());
        assertTrue(load.err().contains("curated rows"), "progress on stderr: " + load.err());
        assertTrue(load.err().matches("(?s).*\\(read CSV [0-9.]+ s, map to RDF [0-9.]+ s, index the statements [0-9.]+ s, materialise [0-9.]+ s, validate \\(SHACL\\) [0-9.]+ s, check for duplicates [0-9.]+ s\\).*"),
                "time per step of the load: " + load.err());
        load.assertNoStackTrace();
        CommandRun both = CommandRun.of("load", "--tdb2", dir.resolve("x").toString(), "--out", dir.resolve("x.nq").toString());
        assertEquals(2, both.exit(), both.err());
    }

    @Test
    void theLoadWritesJoinStatisticsThatTdb2OrdersJoinsBy() {
        assertEquals(0, load.exit(), load.err());
        assertTrue(Files.isRegularFile(TdbStore.statisticsOf(tdbDir)), "stats.opt beside the database");
        assertTrue(load.err().contains("wrote the join statistics"), load.err());
        DatasetGraph tdb = TdbStore.open(tdbDir);
        try {
            var reorder = org.apache.jena.tdb2.sys.TDBInternal.getDatasetGraphTDB(tdb).getReorderTransform();
            assertTrue(reorder instanceof org.apache.jena.sparql.engine.optimizer.reorder.ReorderWeighted, reorder.toString());
        } finally {
            TdbStore.release(tdb);
        }
    }

    @Test
    void serveTdb2AnswersTheGalleryLikeTheInMemoryServer() throws Exception {
        assertEquals(0, load.exit(), load.err());
        try (CoopServer server = CoopServer.builder().port(0).loopback(true).stored(TdbStore.openForServing(tdbDir, false)).build().start()) {
            for (String prefix : COMPARED) {
                String sparql = gallery(prefix).sparql();
                List<Map<String, String>> expected = rows(QueryExecution.dataset(DatasetFactory.wrap(memory)).query(sparql).build());
                List<Map<String, String>> served = rows(QueryExecution.service(server.sparqlUrl()).query(sparql).build());
                assertFalse(expected.isEmpty(), prefix);
                assertEquals(new HashSet<>(expected), new HashSet<>(served), prefix + " over TDB2 vs in memory");
            }
            for (String words : List.of("MAX PLANCK", "max planck", "max plänck", "Plánck")) {
                assertTrue(textSearch(server.sparqlUrl(), words).contains(MAX_PLANCK), words);
            }
            String page = http("http://localhost:" + server.port() + "/id/organisation/max-planck-society.ttl", "GET");
            assertTrue(page.startsWith("200") && page.contains("Max Planck Society"), page);
        }
    }

    @Test
    void theDefaultInMemoryServerAnswersTextQueries() {
        // `coopkg serve` serves the loaded data wrapped as here.
        try (CoopServer server = CoopServer.builder().dataset(memory).port(0).loopback(true).build().start()) {
            assertTrue(textSearch(server.sparqlUrl(), "MAX PLÄNCK").contains(MAX_PLANCK));
            String page = http("http://localhost:" + server.port() + "/id/organisation/max-planck-society.ttl", "GET");
            assertTrue(page.startsWith("200") && page.contains("Max Planck Society"), page);
        }
    }

    @Test
    void textSearchInMemoryIsCaseAndAccentInsensitive() {
        for (String words : List.of("MAX PLANCK", "max planck", "Max Plänck", "PLÁNCK")) {
            String query = textQuery(words);
            List<Map<String, String>> rows = rows(QueryExecution.dataset(DatasetFactory.wrap(memory)).query(query).build());
            assertEquals(MAX_PLANCK, rows.get(0).get("s"), words + ": " + rows);
        }
    }

    @Test
    void reloadSwapsTheDataInOneTransaction() throws Exception {
        DatasetGraph tdb = TdbStore.open(dir.resolve("reload"));
        try {
            // Two versions of different sizes: the union of the bundled graphs, and its first 1,000 triples.
            DatasetGraph union = DatasetGraphFactory.createGeneral();
            memory.getDefaultGraph().find().forEachRemaining(union.getDefaultGraph()::add);
            DatasetGraph part = DatasetGraphFactory.createGeneral();
            memory.getDefaultGraph().find().forEachRemaining(t -> { if (part.getDefaultGraph().size() < 1_000) part.getDefaultGraph().add(t); });
            long full = TdbStore.replace(tdb, union, null);
            long small = part.stream().count();
            Set<Long> seen = ConcurrentHashMap.newKeySet();
            AtomicLong reads = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            Thread reader = new Thread(() -> {
                while (!stop.get()) {
                    seen.add(Txn.calculateRead(tdb, () -> Iter.count(tdb.find())));
                    reads.incrementAndGet();
                }
            });
            reader.start();
            try {
                assertEquals(small, TdbStore.replace(tdb, part, null));
                assertEquals(full, TdbStore.replace(tdb, union, null));
            } finally {
                stop.set(true);
                reader.join(10_000);
            }
            assertFalse(reader.isAlive());
            assertTrue(reads.get() > 0);
            assertEquals(Set.of(), minus(seen, Set.of(full, small)), "a reader saw a mix of old and new data");
            assertEquals(CoopIris.DEFAULT_BASE, TdbStore.base(tdb));
        } finally {
            TdbStore.release(tdb);
        }
    }

    @Test
    void theConfigurationsServeWithCoopkgServeConfig() throws Exception {
        assertEquals(0, load.exit(), load.err());
        Path nq = dir.resolve("coop.nq");
        Path nt = dir.resolve("coop.nt");
        assertEquals(0, CommandRun.of("load", "--out", nq.toString()).exit());
        assertEquals(0, CommandRun.of("export", "--format", "ntriples", "--out", nt.toString()).exit());
        Map<String, String> paths = Map.of("\"coop.nq\"", quoted(nq), "\"coop.nt\"", quoted(nt),
                "\"coop-tdb2\"", quoted(tdbDir), "\"coop-text\"", quoted(textDir));
        StandInEndpoint standIn = StandInEndpoint.start();
        for (String name : List.of("coop-memory.ttl", "coop-tdb2.ttl", "coop-tdb2-text.ttl")) {
            // The files name paths relative to the working directory; the test's working directory is the project.
            String text = Files.readString(Path.of("fuseki-config", name));
            for (var e : paths.entrySet()) text = text.replace(e.getKey(), e.getValue());
            Path config = Files.writeString(dir.resolve(name), text);
            FusekiServer fuseki = ConfiguredFuseki.of(config, 0, true).start();
            try {
                String sparql = "http://localhost:" + fuseki.getPort() + "/coop/sparql";
                assertEquals(PROGRAMMES, column(rows(QueryExecution.service(sparql).query(gallery("01-").sparql()).build()), "label"), name);
                if (name.contains("text")) assertTrue(textSearch(sparql, "max plänck").contains(MAX_PLANCK), name);
                String data = http("http://localhost:" + fuseki.getPort() + "/coop/data?default", "POST");
                assertTrue(data.startsWith("405") || data.startsWith("404") || data.startsWith("400"), name + ": read-only data: " + data);
                String service = http(sparql + "?query=" + URLEncoder.encode("SELECT * { SERVICE <" + standIn.url()
                        + "> { ?s ?p ?o } }", StandardCharsets.UTF_8), "GET");
                // arq:httpServiceAllowed false: Fuseki refuses with 422 before any request is sent.
                assertTrue(service.startsWith("422"), name + ": SERVICE is off in the configurations: " + service);
                assertEquals(0, standIn.requests(), name + ": requests that reached the stand-in endpoint");
            } finally {
                fuseki.stop();
            }
        }
        standIn.stop();
        CommandRun missing = CommandRun.of("serve", "--config", dir.resolve("none.ttl").toString(), "--port", "0");
        assertEquals(3, missing.exit(), missing.err());
        missing.assertNoStackTrace();
    }

    @Test
    void theStockFusekiServerRunsTheTdb2TextConfigurationUnchanged() throws Exception {
        assertEquals(0, load.exit(), load.err());
        String jar = System.getProperty("coopkg.fuseki.jar");
        // Maven always sets the property (and copies the jar); only a run outside Maven may lack it.
        if (jar == null) Assumptions.abort("coopkg.fuseki.jar is not set: run the test with Maven");
        assertTrue(Files.isRegularFile(Path.of(jar)), "the stock jena-fuseki-server jar is not at " + jar);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = dir.resolve("stock-fuseki.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-jar", jar, "--port", Integer.toString(port),
                "--config", Path.of("fuseki-config", "coop-tdb2-text.ttl").toAbsolutePath().toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String base = "http://localhost:" + port;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!http(base + "/$/ping", "GET").startsWith("200")) {
                assertTrue(process.isAlive(), () -> "the stock server stopped: " + read(log));
                assertTrue(System.nanoTime() < deadline, () -> "the stock server did not start in 60 s: " + read(log));
                Thread.sleep(200);
            }
            String sparql = base + "/coop/sparql";
            List<Map<String, String>> rows = rows(QueryExecution.service(sparql).query(gallery("01-").sparql()).build());
            assertEquals(4, rows.size(), rows::toString);
            assertEquals(PROGRAMMES, column(rows, "label"));
            assertTrue(textSearch(sparql, "MAX PLANCK").contains(MAX_PLANCK), () -> read(log));
        } finally {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static GalleryQuery gallery(String prefix) {
        return Gallery.fromDirectory(Path.of("queries")).stream().filter(q -> q.file().startsWith(prefix)).findFirst().orElseThrow();
    }

    private static String textQuery(String words) {
        return "PREFIX text: <http://jena.apache.org/text#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                + "SELECT ?s ?score { (?s ?score) text:query (rdfs:label \"" + words + "\") } ORDER BY DESC(?score)";
    }

    private static Set<String> textSearch(String endpoint, String words) {
        return column(rows(QueryExecution.service(endpoint).query(textQuery(words)).build()), "s");
    }

    private static List<Map<String, String>> rows(QueryExecution execution) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (QueryExecution qe = execution) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                Map<String, String> row = new LinkedHashMap<>();
                s.varNames().forEachRemaining(v -> row.put(v, text(s.get(v))));
                rows.add(row);
            }
        }
        return rows;
    }

    private static String text(RDFNode node) {
        if (node.isLiteral()) return node.asLiteral().getLexicalForm();
        return node.isURIResource() ? node.asResource().getURI() : node.toString();
    }

    private static Set<String> column(List<Map<String, String>> rows, String var) {
        Set<String> values = new HashSet<>();
        rows.forEach(r -> { if (r.get(var) != null) values.add(r.get(var)); });
        return values;
    }

    private static <T> Set<T> minus(Set<T> a, Set<T> b) {
        Set<T> rest = new HashSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    private static String quoted(Path path) {
        return "\"" + path.toAbsolutePath() + "\"";
    }

    /** "STATUS body" of a request, or "-1 message" when nothing answers. */
    private static String http(String url, String method) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .method(method, "GET".equals(method) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("")).build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return "-1 " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "-1 interrupted";
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "(no log)";
        } catch (IOException e) {
            return "(cannot read the log: " + e.getMessage() + ")";
        }
    }
}

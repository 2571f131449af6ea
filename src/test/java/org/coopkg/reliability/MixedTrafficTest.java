package org.coopkg.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.coopkg.query.Gallery;
import org.coopkg.web.CoopServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak's mixed checks ({@link SoakTest}), short enough for the default build: for a few seconds four clients send
 * gallery queries with half-update checks, writes (some that break the shapes), malformed and too deeply nested
 * queries, and heavy queries, to a server with a journal. Every answer has the status its kind expects, no read sees
 * half an update, and a new server on freshly loaded data and the same journal has every acknowledged write.
 */
class MixedTrafficTest {
    private static final long TRAFFIC_MILLIS = 8_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void mixedTrafficGetsExpectedAnswersAndTheJournalKeepsEveryAcknowledgedWrite() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd"), "curator: s3cret\n");
        Path journal = dir.resolve("journal.rdfp");
        List<String> unexpected = new CopyOnWriteArrayList<>();
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger halfSeen = new AtomicInteger();
        try (CoopServer server = server(passwd, journal)) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TRAFFIC_MILLIS);
            List<String> gallery = Gallery.bundled().stream().map(q -> q.sparql()).toList();
            AtomicInteger writes = new AtomicInteger();
            List<Runnable> clients = List.of(
                    () -> {
                        for (int n = 0; System.nanoTime() < deadline; n++) {
                            expect(server, "gallery", gallery.get(n % gallery.size()), false, 200, unexpected, requests);
                            String half = expect(server, "half-update check", SoakTest.HALF_UPDATE, false, 200, unexpected, requests);
                            if (half != null && half.contains("true")) halfSeen.incrementAndGet();
                        }
                    },
                    () -> {
                        for (int n = 0; System.nanoTime() < deadline; n++) {
                            if (n % 4 == 3) {
                                expect(server, "invalid write", SoakTest.INVALID_WRITE, true, 422, unexpected, requests);
                                continue;
                            }
                            int id = writes.incrementAndGet();
                            String w = "<urn:coopkg:soak:w/" + id + ">";
                            String insert = "INSERT DATA { GRAPH <urn:coopkg:soak:g/" + id + "/a> { " + w + " <" + SoakTest.PART
                                    + "> \"a\" } GRAPH <urn:coopkg:soak:g/" + id + "/b> { " + w + " <" + SoakTest.PART + "> \"b\" } "
                                    + w + " <" + SoakTest.PART + "> \"c\" }";
                            if (expect(server, "write", insert, true, 204, unexpected, requests) != null) acknowledged.add(id);
                        }
                    },
                    () -> {
                        for (int n = 0; System.nanoTime() < deadline; n++) {
                            String body = expect(server, n % 2 == 0 ? "nested" : "malformed", n % 2 == 0 ? SoakTest.NESTED
                                    : LoadTest.MALFORMED_QUERIES.get(n % LoadTest.MALFORMED_QUERIES.size()), false, 400, unexpected, requests);
                            if (n % 2 == 0 && body != null && !body.contains("nested too deeply")) unexpected.add("nested: " + body);
                        }
                    },
                    () -> {
                        while (System.nanoTime() < deadline) expect(server, "heavy", LoadTest.HEAVY_QUERY, false, 503, unexpected, requests);
                    });
            List<Thread> threads = new ArrayList<>();
            for (Runnable client : clients) {
                Thread t = new Thread(client);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) t.join(120_000);
        }
        assertEquals(List.of(), unexpected.subList(0, Math.min(5, unexpected.size())), unexpected.size() + " unexpected answers");
        assertEquals(0, halfSeen.get(), "reads that saw half an update");
        assertTrue(acknowledged.size() >= 2, "writes acknowledged: " + acknowledged.size());
        try (CoopServer restarted = server(passwd, journal)) {
            String count = "SELECT (COUNT(DISTINCT ?w) AS ?n) { ?w <" + SoakTest.PART + "> \"a\", \"b\", \"c\" }";
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(restarted.sparqlUrl() + "?query="
                    + URLEncoder.encode(count, StandardCharsets.UTF_8))).header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(acknowledged.size(), Integer.parseInt(r.body().lines().skip(1).findFirst().orElseThrow().strip()),
                    "every acknowledged write replayed from the journal");
        }
        System.out.printf("MixedTrafficTest: %d requests in %d ms, %d writes acknowledged and replayed%n", requests.get(),
                TRAFFIC_MILLIS, acknowledged.size());
    }

    private static CoopServer server(Path passwd, Path journal) throws Exception {
        return CoopServer.builder().dataset(new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load().dataset())
                .port(0).loopback(true).updates(passwd).journal(journal).queryTimeout(Duration.ofSeconds(2)).build().start();
    }

    /** Sends one request; the body when the status is the expected one, else null (and the answer noted). */
    private static String expect(CoopServer server, String kind, String sparql, boolean update, int status, List<String> unexpected,
                                 AtomicInteger requests) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(update ? server.updateUrl() : server.sparqlUrl()))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/sparql-results+json")
                .header("Content-Type", update ? "application/sparql-update" : "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString(sparql, StandardCharsets.UTF_8));
        if (update) b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("curator:s3cret".getBytes(StandardCharsets.UTF_8)));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            requests.incrementAndGet();
            if (r.statusCode() == status) return r.body();
            unexpected.add(kind + ": " + r.statusCode() + " " + r.body().lines().findFirst().orElse(""));
        } catch (Exception e) {
            unexpected.add(kind + ": " + e);
        }
        return null;
    }
}

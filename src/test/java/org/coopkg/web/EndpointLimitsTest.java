package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Limits and errors of the endpoint, over HTTP against two servers on free ports over a small synthetic
 * dataset (2000 triples, so a cross product of it with itself is as expensive as one wants):
 * {@code open} (1 s timeout, no row cap, CORS for one origin) and {@code capped} (1 s timeout, 5 rows,
 * 1000-byte bodies).
 */
class EndpointLimitsTest {
    private static final String ALLOWED_ORIGIN = "https://yasgui.example";
    /** Streams rows at once, and would run for hours: the timeout strikes while the answer is being sent. */
    private static final String STREAMING_CROSS_PRODUCT = "SELECT * { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }";
    /** Finds nothing for hours: the timeout strikes before the first row. */
    private static final String SILENT_CROSS_PRODUCT =
            "SELECT * { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f FILTER(STR(?b) = CONCAT(STR(?d), STR(?f), \"never\")) }";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> LOG = new CopyOnWriteArrayList<>();
    private static AbstractAppender appender;
    private static CoopServer open;
    private static CoopServer capped;

    @BeforeAll
    static void start() {
        appender = new AbstractAppender("limits-test", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                LOG.add(event.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        ((Logger) LogManager.getLogger("org.coopkg.web.Requests")).addAppender(appender);
        open = CoopServer.builder().dataset(syntheticData()).port(0).loopback(true)
                .queryTimeout(Duration.ofSeconds(1)).corsOrigins(ALLOWED_ORIGIN).build().start();
        capped = CoopServer.builder().dataset(syntheticData()).port(0).loopback(true)
                .queryTimeout(Duration.ofSeconds(1)).maxRows(5).maxBodyBytes(1000).build().start();
    }

    @AfterAll
    static void stop() {
        if (open != null) open.close();
        if (capped != null) capped.close();
        ((Logger) LogManager.getLogger("org.coopkg.web.Requests")).removeAppender(appender);
    }

    private static DatasetGraph syntheticData() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        for (int i = 0; i < 2000; i++) {
            dsg.getDefaultGraph().add(NodeFactory.createURI("http://example.org/s" + i),
                    NodeFactory.createURI("http://example.org/p" + (i % 7)), NodeFactory.createLiteralString("v" + i));
        }
        return dsg;
    }

    // ---- timeouts

    @Test
    void aQueryThatTimesOutBeforeItsFirstRowGets503WithOneLine() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = send(get(open, SILENT_CROSS_PRODUCT, "application/sparql-results+json"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, r.statusCode(), r::body);
        assertEquals("Error 503: Query timed out", r.body().strip());
        assertTrue(ms < 10_000, "answered after " + ms + " ms");
        assertClean(r);
    }

    /**
     * Measured: without a row cap, rows stream as they are found, so a query whose first rows come at once has
     * its 200 status line sent before the timeout strikes; Fuseki then aborts the response, and the client
     * sees a broken transfer (an IOException reading the body), never a complete-looking document.
     */
    @Test
    void aQueryThatTimesOutWhileStreamingIsCutVisibly() throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> r = HTTP.send(get(open, STREAMING_CROSS_PRODUCT, "application/sparql-results+json"),
                BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode(), "the status line was sent before the timeout");
        long[] read = {0};
        IOException cut = assertThrows(IOException.class, () -> {
            try (InputStream in = r.body()) {
                byte[] buffer = new byte[65536];
                for (int n; (n = in.read(buffer)) >= 0; ) read[0] += n;
            }
        }, "reading the body must fail: a cut result may not look complete");
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("streaming timeout: 200, %d bytes, then %s after %d ms%n", read[0], cut, ms);
        assertTrue(ms < 15_000, "cut after " + ms + " ms");
    }

    @Test
    void withARowCapATimeoutIsAlways503EvenWhenRowsComeAtOnce() throws Exception {
        // Three rows at once, then hours for a fourth: the cap (5) waits for row 6, so nothing is sent before 503.
        HttpResponse<String> r = send(get(capped, "SELECT * { { VALUES ?x { 1 2 3 } } UNION { "
                + SILENT_CROSS_PRODUCT.substring("SELECT * ".length()) + " } }", "application/sparql-results+json"));
        assertEquals(503, r.statusCode(), r::body);
        assertClean(r);
    }

    // ---- the row cap

    @Test
    void aCappedResultSaysItWasCut() throws Exception {
        HttpResponse<String> r = send(get(capped, "SELECT ?s { ?s ?p ?o }", "application/sparql-results+json"));
        assertEquals(200, r.statusCode(), r::body);
        assertEquals("5", r.headers().firstValue("X-Coopkg-Max-Rows").orElse(null));
        assertEquals("true", r.headers().firstValue("X-Coopkg-Truncated").orElse(null));
        assertEquals(5, rows(r.body()));

        HttpResponse<String> small = send(get(capped, "SELECT ?s { ?s ?p ?o } LIMIT 5", "application/sparql-results+json"));
        assertEquals("false", small.headers().firstValue("X-Coopkg-Truncated").orElse(null));
        assertEquals(5, rows(small.body()));

        HttpResponse<String> graph = send(get(capped, "CONSTRUCT WHERE { ?s ?p ?o }", "text/turtle"));
        assertEquals("true", graph.headers().firstValue("X-Coopkg-Truncated").orElse(null));
        Graph g = RDFParser.fromString(graph.body(), Lang.TURTLE).toGraph();
        assertEquals(5, g.size());
    }

    @Test
    void withoutACapThereIsNoCapHeader() throws Exception {
        HttpResponse<String> r = send(get(open, "SELECT ?s { ?s ?p ?o }", "application/sparql-results+json"));
        assertEquals(2000, rows(r.body()));
        assertTrue(r.headers().firstValue("X-Coopkg-Max-Rows").isEmpty());
    }

    // ---- protocol errors: always 4xx, one line, no internals, a request id

    static Stream<Arguments> badRequests() {
        String sparql = "http://localhost:%d/coop/sparql";
        String select = "SELECT * { ?s ?p ?o } LIMIT 1";
        return Stream.of(
                Arguments.of("malformed SPARQL", 400, "line 1, column",
                        get(open, "SELECT ?x WHERE { ?x a }", "application/sparql-results+json")),
                Arguments.of("unsupported Accept", 406, "",
                        get(open, select, "image/png")),
                Arguments.of("POST with a wrong Content-Type", 415, "",
                        post(open, sparql, "image/png", utf8(select))),
                Arguments.of("POST without Content-Type or query", 400, "",
                        HttpRequest.newBuilder(URI.create(sparql.formatted(open.port()))).POST(BodyPublishers.noBody()).build()),
                Arguments.of("non-UTF-8 query body", 400, "UTF-8",
                        post(open, sparql, "application/sparql-query", "SELECT * { ?s ?p \"caf\u00e9\" }".getBytes(StandardCharsets.ISO_8859_1))),
                Arguments.of("non-UTF-8 form", 400, "UTF-8",
                        post(open, sparql, "application/x-www-form-urlencoded", utf8("query=SELECT%20*%20%7B%3Fs%20%3Fp%20%22caf%E9%22%7D"))),
                Arguments.of("non-UTF-8 query string", 400, "UTF-8",
                        HttpRequest.newBuilder(URI.create(sparql.formatted(open.port()) + "?query=SELECT%20*%20%7B%3Fs%20%3Fp%20%22caf%E9%22%7D")).GET().build()),
                Arguments.of("a charset other than UTF-8", 415, "UTF-8",
                        post(open, sparql, "application/sparql-query; charset=ISO-8859-1", utf8(select))),
                Arguments.of("a query and an update in one request", 400, "both",
                        post(open, sparql, "application/x-www-form-urlencoded",
                                utf8("query=" + enc(select) + "&update=" + enc("CLEAR ALL")))),
                Arguments.of("an update posted to the query endpoint", 415, "",
                        post(open, sparql, "application/sparql-update", utf8("CLEAR ALL"))),
                Arguments.of("an update with using-graph-uri to the query endpoint", 400, "",
                        post(open, sparql, "application/x-www-form-urlencoded",
                                utf8("update=" + enc("DELETE { ?s ?p ?o } USING <http://x/> WHERE { ?s ?p ?o }")
                                        + "&using-graph-uri=" + enc("http://y/")))),
                Arguments.of("a body over the limit", 413, "1000 bytes",
                        post(capped, sparql, "application/sparql-query", utf8(select + " #" + "x".repeat(2000)))),
                Arguments.of("a chunked body over the limit", 413, "1000 bytes",
                        HttpRequest.newBuilder(URI.create(sparql.formatted(capped.port())))
                                .header("Content-Type", "application/sparql-query")
                                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(utf8(select + " #" + "x".repeat(5000)))))
                                .build()),
                // Still being sent when the server has seen enough: the client reads the 413, not a reset connection.
                Arguments.of("a large chunked body over the limit", 413, "1000 bytes",
                        HttpRequest.newBuilder(URI.create(sparql.formatted(capped.port())))
                                .header("Content-Type", "application/sparql-query")
                                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(utf8(select + " #" + "x".repeat(400_000)))))
                                .build()),
                Arguments.of("an unknown path", 404, "",
                        HttpRequest.newBuilder(URI.create("http://localhost:" + open.port() + "/no/such/path")).GET().build()),
                Arguments.of("an unknown path under the dataset", 404, "",
                        HttpRequest.newBuilder(URI.create("http://localhost:" + open.port() + "/coop/nothing")).GET().build()),
                Arguments.of("an unknown dataset", 404, "",
                        HttpRequest.newBuilder(URI.create("http://localhost:" + open.port() + "/other/sparql?query=" + enc(select))).GET().build()),
                Arguments.of("a bad percent-escape in a form", 400, "percent",
                        post(open, sparql, "application/x-www-form-urlencoded", utf8("query=%ZZ"))),
                Arguments.of("an empty query", 400, "",
                        HttpRequest.newBuilder(URI.create(sparql.formatted(open.port()) + "?query=")).GET().build()),
                Arguments.of("two query parameters", 400, "",
                        HttpRequest.newBuilder(URI.create(sparql.formatted(open.port()) + "?query=" + enc(select) + "&query=" + enc(select))).GET().build()),
                Arguments.of("DELETE on the query endpoint", 405, "",
                        HttpRequest.newBuilder(URI.create(sparql.formatted(open.port()))).DELETE().build()),
                Arguments.of("PUT to the read-only graph store", 405, "",
                        HttpRequest.newBuilder(URI.create("http://localhost:" + open.port() + "/coop/data?default"))
                                .header("Content-Type", "text/turtle").PUT(BodyPublishers.ofString("<a:b> <a:c> <a:d> .")).build()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badRequests")
    void badRequestsGetA4xxWithOneLineAndARequestId(String name, int status, String reason, HttpRequest request) throws Exception {
        HttpResponse<String> r = send(request);
        System.out.printf("%-50s %d %s", name, r.statusCode(), r.body());
        assertEquals(status, r.statusCode(), () -> name + ": " + r.body());
        assertTrue(r.body().startsWith("Error " + status + ": "), r.body());
        assertEquals(1, r.body().strip().lines().count(), () -> "one line: " + r.body());
        assertTrue(r.body().contains(reason), r.body());
        assertClean(r);
        String id = r.headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(LOG.stream().anyMatch(line -> line.contains("[" + id + "]") && line.contains(String.valueOf(status))),
                () -> "the server log names request " + id + ": " + LOG);
    }

    @Test
    void aDefaultGraphParameterTogetherWithFromIsAnsweredNot500() throws Exception {
        String url = "http://localhost:" + open.port() + "/coop/sparql?default-graph-uri=" + enc("http://example.org/g")
                + "&query=" + enc("SELECT * FROM <http://example.org/h> { ?s ?p ?o } LIMIT 1");
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)).GET().build());
        assertTrue(r.statusCode() < 500, () -> r.statusCode() + " " + r.body());
        assertClean(r);
    }

    @Test
    void everyResponseCarriesARequestIdAndAGivenOneIsKept() throws Exception {
        HttpResponse<String> ok = send(get(open, "ASK {}", "application/sparql-results+json"));
        assertEquals(200, ok.statusCode());
        assertTrue(ok.headers().firstValue("X-Request-Id").isPresent());
        HttpResponse<String> given = send(HttpRequest.newBuilder(URI.create("http://localhost:" + open.port() + "/$/ping"))
                .header("X-Request-Id", "client-42").GET().build());
        assertEquals("client-42", given.headers().firstValue("X-Request-Id").orElse(null));
    }

    // ---- CORS

    @Test
    void corsPreflightAndSimpleRequestsFromAnAllowedOrigin() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(open.sparqlUrl()))
                .method("OPTIONS", BodyPublishers.noBody()).header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build());
        assertTrue(preflight.statusCode() < 300, () -> "preflight gave " + preflight.statusCode());
        assertEquals(ALLOWED_ORIGIN, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), "no credentials across origins");

        HttpResponse<String> simple = send(HttpRequest.newBuilder(URI.create(open.sparqlUrl() + "?query=" + enc("ASK {}")))
                .header("Origin", ALLOWED_ORIGIN).header("Accept", "application/sparql-results+json").GET().build());
        assertEquals(200, simple.statusCode());
        assertEquals(ALLOWED_ORIGIN, simple.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(simple.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("X-Request-Id"));

        HttpResponse<String> other = send(HttpRequest.newBuilder(URI.create(open.sparqlUrl() + "?query=" + enc("ASK {}")))
                .header("Origin", "https://elsewhere.example").GET().build());
        assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "an origin not allowed gets no CORS header");
    }

    @Test
    void theLinkedDataFollowsTheSameCorsPolicy() throws Exception {
        for (String path : List.of("/ontology", "/.well-known/void", "/coop/sparql")) {
            String url = "http://localhost:" + open.port() + path;
            HttpResponse<String> allowed = send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/turtle")
                    .header("Origin", ALLOWED_ORIGIN).GET().build());
            assertEquals(200, allowed.statusCode(), path);
            assertEquals(ALLOWED_ORIGIN, allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null), path);
            HttpResponse<String> other = send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/turtle")
                    .header("Origin", "https://elsewhere.example").GET().build());
            assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
                    path + ": an origin not allowed gets no CORS header, not " + other.headers().map());
            HttpResponse<String> options = send(HttpRequest.newBuilder(URI.create(url))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
            assertTrue(options.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), path + ": " + options.headers().map());
        }
    }

    @Test
    void corsAllowsEveryOriginByDefault() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(capped.sparqlUrl() + "?query=" + enc("ASK {}")))
                .header("Origin", "https://anywhere.example").GET().build());
        String allowed = r.headers().firstValue("Access-Control-Allow-Origin").orElse("");
        assertTrue(allowed.equals("*") || allowed.equals("https://anywhere.example"), allowed);
    }

    // ---- health

    @Test
    void pingAndPrometheusMetrics() throws Exception {
        HttpResponse<String> ping = send(HttpRequest.newBuilder(URI.create("http://localhost:" + open.port() + "/$/ping")).GET().build());
        assertEquals(200, ping.statusCode());
        HttpResponse<String> metrics = send(HttpRequest.newBuilder(URI.create("http://localhost:" + open.port() + "/$/metrics")).GET().build());
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("fuseki_") || metrics.body().contains("jvm_"), metrics.body());
    }

    // ---- helpers

    private static HttpRequest get(CoopServer server, String query, String accept) {
        return HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query=" + enc(query))).header("Accept", accept).GET().build();
    }

    private static HttpRequest post(CoopServer server, String urlPattern, String contentType, byte[] body) {
        return HttpRequest.newBuilder(URI.create(urlPattern.formatted(server.port()))).header("Content-Type", contentType)
                .POST(BodyPublishers.ofByteArray(body)).build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, BodyHandlers.ofString());
    }

    private static void assertClean(HttpResponse<String> r) {
        String body = r.body();
        assertFalse(body.contains("at org.") || body.contains(".java:") || body.contains("Exception"),
                () -> "internals in the answer: " + body);
        assertTrue(r.headers().firstValue("X-Request-Id").isPresent(), "X-Request-Id");
    }

    private static int rows(String json) {
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(utf8(json)), ResultSetLang.RS_JSON);
        List<Object> rows = new ArrayList<>();
        rs.forEachRemaining(rows::add);
        return rows.size();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

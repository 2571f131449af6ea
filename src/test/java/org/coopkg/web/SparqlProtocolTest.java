package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The W3C SPARQL 1.1 Protocol tests ({@code sparql/sparql11/protocol/manifest.ttl} of w3c/rdf-tests, all 34 entries:
 * query, update and their error cases), written from the manifest as tests of our own: each case is one manifest entry
 * by its name, with its requests (method, query string, content type, body and its encoding) and its expected
 * status class, result format and boolean. The manifest's {@code /sparql/} is {@code /coop/sparql} for queries and
 * {@code /coop/update} for updates, which need a login here; {@code ut:graphData} is loaded with an authenticated
 * Graph Store PUT first. The server is {@code serve --update} over the bundled data with a journal, so every update
 * is SHACL-validated, re-derived and journalled as in production.
 */
class SparqlProtocolTest {
    private static final String KASEI = "http://kasei.us/2009/09/sparql/data/";
    private static final String CREDENTIALS = "curator:s3cret";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;
    private static CoopServer server;

    @BeforeAll
    static void start() throws Exception {
        Path passwords = Files.writeString(dir.resolve("passwd"), "curator: s3cret\n");
        server = CoopServer.builder().dataset(new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load().dataset())
                .port(0).loopback(true).updates(passwords).journal(dir.resolve("journal.rdfp")).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** Where a request goes: the query or the update endpoint. */
    enum Endpoint { QUERY, UPDATE }

    /** What a response must be: a status class (2 accepts 2xx or 3xx, as the manifest), a format, a boolean. */
    record Expect(int statusClass, String format, Boolean value) {}

    /** One request of a test, as the manifest gives it. */
    record Request(Endpoint endpoint, String method, String query, String contentType, String body, Charset charset,
                   Expect expect) {}

    /** One manifest entry: its name, the graphs to load (graph IRI → N-Triples) and its requests in order. */
    record Case(String name, Map<String, String> graphData, List<Request> requests) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Expect OK = new Expect(2, null, null);
    private static final Expect TRUE = new Expect(2, "boolean", true);
    private static final Expect CLIENT_ERROR = new Expect(4, null, null);
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String QUERY_TYPE = "application/sparql-query";
    private static final String UPDATE_TYPE = "application/sparql-update";

    private static Request get(Endpoint e, String query, Expect expect) {
        return new Request(e, "GET", query, null, null, null, expect);
    }

    private static Request post(Endpoint e, String query, String type, String body, Expect expect) {
        return new Request(e, "POST", query, type, body, StandardCharsets.UTF_8, expect);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String data(int n) {
        return KASEI + "data" + n + ".rdf";
    }

    private static Map<String, String> graphs(int... numbers) {
        java.util.LinkedHashMap<String, String> graphs = new java.util.LinkedHashMap<>();
        for (int n : numbers) {
            graphs.put(data(n), "<" + data(n) + "> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://xmlns.com/foaf/0.1/Document> .\n");
        }
        return graphs;
    }

    private static Case test(String name, Map<String, String> graphData, Request... requests) {
        return new Case(name, graphData, List.of(requests));
    }

    private static final String ASK_TYPES = "ASK { <" + data(1) + "> a ?type . <" + data(2) + "> a ?type . }";
    private static final String ASK_NAMED = "ASK { GRAPH ?g1 { <" + data(1) + "> a ?type } GRAPH ?g2 { <" + data(2) + "> a ?type } }";
    private static final String DG = "default-graph-uri=" + enc(data(0));
    private static final String PREFIXES = "PREFIX dc: <http://purl.org/dc/terms/>\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n";
    private static final String INSERT_THREE = "INSERT DATA {\n"
            + "  GRAPH <" + data(1) + "> { <" + data(1) + "> a foaf:Document }\n"
            + "  GRAPH <" + data(2) + "> { <" + data(2) + "> a foaf:Document }\n"
            + "  GRAPH <" + data(3) + "> { <" + data(3) + "> a foaf:Document }\n} ;\n";

    private static String askTwoNotThree(String graph) {
        return "ASK {\n  GRAPH <" + graph + "> {\n    <" + data(1) + "> a <http://purl.org/dc/terms/BibliographicResource> .\n"
                + "    <" + data(2) + "> a <http://purl.org/dc/terms/BibliographicResource> .\n  }\n"
                + "  FILTER NOT EXISTS { GRAPH <" + graph + "> { <" + data(3) + "> a <http://purl.org/dc/terms/BibliographicResource> . } }\n}";
    }

    static Stream<Case> manifest() {
        Endpoint q = Endpoint.QUERY;
        Endpoint u = Endpoint.UPDATE;
        return Stream.of(
                test("query_post_form", Map.of(), post(q, DG, FORM, "query=ASK%20%7B%7D", TRUE)),
                test("query_dataset_default_graphs_get", graphs(1, 2),
                        get(q, "query=" + enc(ASK_TYPES) + "&default-graph-uri=" + enc(data(1)) + "&default-graph-uri=" + enc(data(2)), TRUE)),
                test("query_dataset_default_graphs_post", graphs(1, 2),
                        post(q, "default-graph-uri=" + enc(data(1)) + "&default-graph-uri=" + enc(data(2)), QUERY_TYPE, ASK_TYPES, TRUE)),
                test("query_dataset_named_graphs_post", graphs(1, 2),
                        post(q, "named-graph-uri=" + enc(data(1)) + "&named-graph-uri=" + enc(data(2)), QUERY_TYPE, ASK_NAMED, TRUE)),
                test("query_dataset_named_graphs_get", graphs(1, 2),
                        get(q, "query=" + enc(ASK_NAMED) + "&named-graph-uri=" + enc(data(1)) + "&named-graph-uri=" + enc(data(2)), TRUE)),
                test("query_dataset_full", graphs(1, 2, 3),
                        post(q, "default-graph-uri=" + enc(data(3)) + "&named-graph-uri=" + enc(data(1)) + "&named-graph-uri=" + enc(data(2)),
                                QUERY_TYPE, "ASK {\n  <" + data(3) + "> a ?type\n  GRAPH ?g1 { <" + data(1) + "> a ?type }\n"
                                        + "  GRAPH ?g2 { <" + data(2) + "> a ?type }\n}", TRUE)),
                test("query_multiple_dataset", graphs(1, 2, 3),
                        post(q, "named-graph-uri=" + enc(data(1)) + "&named-graph-uri=" + enc(data(2)), QUERY_TYPE,
                                "ASK FROM <" + data(3) + "> { GRAPH ?g1 { <" + data(1) + "> a ?type } GRAPH ?g2 { <" + data(2) + "> a ?type } }", TRUE)),
                test("query_get", Map.of(), get(q, "query=ASK%20%7B%7D&" + DG, TRUE)),
                test("query_content_type_select", Map.of(), post(q, DG, QUERY_TYPE, "SELECT (1 AS ?value) {}", new Expect(2, "tabular", null))),
                test("query_content_type_ask", Map.of(), post(q, DG, QUERY_TYPE, "ASK {}", new Expect(2, "boolean", null))),
                test("query_content_type_describe", Map.of(), post(q, DG, QUERY_TYPE, "DESCRIBE <http://example.org/>", new Expect(2, "RDF", null))),
                test("query_content_type_construct", Map.of(), post(q, DG, QUERY_TYPE, "CONSTRUCT { <s> <p> 1 } WHERE {}", new Expect(2, "RDF", null))),
                test("update_dataset_default_graph", Map.of(),
                        post(u, "using-graph-uri=" + enc(data(1)), UPDATE_TYPE, PREFIXES + "CLEAR ALL ;\nINSERT DATA {\n    GRAPH <" + data(1)
                                + "> {\n        <" + data(1) + "> a foaf:Document\n    }\n} ;\nINSERT {\n    GRAPH <http://example.org/protocol-update-dataset-test/> {\n"
                                + "        ?s a dc:BibliographicResource\n    }\n}\nWHERE {\n    ?s a foaf:Document\n}", OK),
                        post(q, null, QUERY_TYPE, "ASK {\n    GRAPH <http://example.org/protocol-update-dataset-test/> {\n        <" + data(1)
                                + "> a <http://purl.org/dc/terms/BibliographicResource>\n    }\n}", TRUE)),
                test("update_dataset_default_graphs", Map.of(),
                        post(u, "using-graph-uri=" + enc(data(1)) + "&using-graph-uri=" + enc(data(2)), UPDATE_TYPE, PREFIXES + "DROP ALL ;\n"
                                + INSERT_THREE + "INSERT {\n    GRAPH <http://example.org/protocol-update-dataset-graphs-test/> {\n"
                                + "        ?s a dc:BibliographicResource\n    }\n}\nWHERE {\n    ?s a foaf:Document\n}", OK),
                        post(q, null, QUERY_TYPE, askTwoNotThree("http://example.org/protocol-update-dataset-graphs-test/"), TRUE)),
                test("update_dataset_named_graphs", Map.of(),
                        post(u, "using-named-graph-uri=" + enc(data(1)) + "&using-named-graph-uri=" + enc(data(2)), UPDATE_TYPE, PREFIXES
                                + "DROP ALL ;\n" + INSERT_THREE + "INSERT {\n    GRAPH <http://example.org/protocol-update-dataset-named-graphs-test/> {\n"
                                + "        ?s a dc:BibliographicResource\n    }\n}\nWHERE {\n    GRAPH ?g {\n        ?s a foaf:Document\n    }\n}", OK),
                        post(q, null, QUERY_TYPE, askTwoNotThree("http://example.org/protocol-update-dataset-named-graphs-test/"), TRUE)),
                test("update_dataset_full", Map.of(),
                        post(u, "using-graph-uri=" + enc(data(1)) + "&using-named-graph-uri=" + enc(data(2)), UPDATE_TYPE, PREFIXES + "DROP ALL ;\n"
                                + INSERT_THREE + "INSERT {\n    GRAPH <http://example.org/protocol-update-dataset-full-test/> {\n"
                                + "        ?s <http://example.org/in> ?in\n    }\n}\nWHERE {\n    {\n        GRAPH ?g { ?s a foaf:Document }\n"
                                + "        BIND(?g AS ?in)\n    }\n    UNION\n    {\n        ?s a foaf:Document .\n        BIND(\"default\" AS ?in)\n    }\n}", OK),
                        post(q, null, QUERY_TYPE, "ASK {\n    GRAPH <http://example.org/protocol-update-dataset-full-test/> {\n        <" + data(1)
                                + "> <http://example.org/in> \"default\" .\n        <" + data(2) + "> <http://example.org/in> <" + data(2) + "> .\n"
                                + "    }\n    FILTER NOT EXISTS {\n        GRAPH <http://example.org/protocol-update-dataset-full-test/> {\n"
                                + "            <" + data(3) + "> ?p ?o\n        }\n    }\n}", TRUE)),
                test("update_post_form", Map.of(), post(u, null, FORM, "update=CLEAR+ALL", OK)),
                test("update_post_direct", Map.of(), post(u, null, UPDATE_TYPE, "CLEAR ALL", OK)),
                test("update_base_uri", Map.of(),
                        post(u, null, UPDATE_TYPE, "CLEAR SILENT GRAPH <http://example.org/protocol-base-test/> ;\n"
                                + "INSERT DATA { GRAPH <http://example.org/protocol-base-test/> { <http://example.org/s> <http://example.org/p> <test> } }", OK),
                        post(q, null, QUERY_TYPE, "ASK {\n    GRAPH <http://example.org/protocol-base-test/> {\n"
                                + "        <http://example.org/s> <http://example.org/p> ?o\n        FILTER (isIRI(?o) && STR(?o) != \"test\")\n    }\n}", TRUE)),
                test("query_post_direct", Map.of(), post(q, DG, QUERY_TYPE, "ASK {}", TRUE)),
                test("bad_query_method", Map.of(), new Request(q, "PUT", "query=ASK%20%7B%7D&" + DG, FORM, null, null, CLIENT_ERROR)),
                test("bad_multiple_queries", Map.of(), get(q, "query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D", CLIENT_ERROR)),
                test("bad_query_wrong_media_type", Map.of(), post(q, null, "text/plain", "ASK {}", CLIENT_ERROR)),
                test("bad_query_missing_form_type", Map.of(), post(q, null, null, "query=ASK%20%7B%7D", CLIENT_ERROR)),
                test("bad_query_missing_direct_type", Map.of(), post(q, null, null, "ASK {}", CLIENT_ERROR)),
                test("bad_query_non_utf8", Map.of(), new Request(q, "POST", null, QUERY_TYPE + "; charset=UTF-16", "ASK {}",
                        StandardCharsets.UTF_16, CLIENT_ERROR)),
                test("bad_query_syntax", Map.of(), get(q, "query=ASK%20%7B", CLIENT_ERROR)),
                test("bad_update_get", Map.of(), get(u, "update=CLEAR%20ALL", CLIENT_ERROR)),
                test("bad_multiple_updates", Map.of(), post(u, null, FORM, "update=CLEAR%20NAMED&update=CLEAR%20DEFAULT", CLIENT_ERROR)),
                test("bad_update_wrong_media_type", Map.of(), post(u, null, "text/plain", "CLEAR NAMED", CLIENT_ERROR)),
                test("bad_update_missing_form_type", Map.of(), post(u, null, null, "update=CLEAR%20NAMED", CLIENT_ERROR)),
                test("bad_update_non_utf8", Map.of(), new Request(u, "POST", null, UPDATE_TYPE + "; charset=UTF-16", "CLEAR NAMED",
                        StandardCharsets.UTF_16, CLIENT_ERROR)),
                test("bad_update_syntax", Map.of(), post(u, null, FORM, "update=CLEAR%20XYZ", CLIENT_ERROR)),
                test("bad_update_dataset_conflict", Map.of(), post(u, "using-named-graph-uri=" + enc("http://example/people"), UPDATE_TYPE,
                        "PREFIX foaf:  <http://xmlns.com/foaf/0.1/>\nWITH <http://example/addresses>\nDELETE { ?person foaf:givenName 'Bill' }\n"
                                + "INSERT { ?person foaf:givenName 'William' }\nWHERE {\n    ?person foaf:givenName 'Bill'\n}", CLIENT_ERROR)));
    }

    @Test
    void theManifestHasAllItsEntries() {
        assertEquals(34, manifest().count());
        assertEquals(34, manifest().map(Case::name).distinct().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifest")
    void protocolTest(Case test) throws Exception {
        for (Map.Entry<String, String> graph : test.graphData().entrySet()) {
            HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(server.url(CoopIris.DATA_PATH) + "?graph=" + enc(graph.getKey())))
                    .header("Content-Type", "application/n-triples").header("Authorization", basic())
                    .PUT(BodyPublishers.ofString(graph.getValue())));
            assertTrue(put.statusCode() / 100 == 2, () -> "loading " + graph.getKey() + ": " + put.statusCode() + " " + put.body());
        }
        for (Request request : test.requests()) {
            HttpResponse<byte[]> response = HTTP.send(build(request), HttpResponse.BodyHandlers.ofByteArray());
            String body = new String(response.body(), StandardCharsets.UTF_8);
            Expect expect = request.expect();
            int status = response.statusCode();
            boolean statusOk = expect.statusClass() == 2 ? status / 100 == 2 || status / 100 == 3 : status / 100 == expect.statusClass();
            assertTrue(statusOk, () -> test.name() + ": status " + status + " " + body);
            if (expect.statusClass() == 4) {
                assertTrue(body.startsWith("Error " + status + ": "), () -> test.name() + ": one error line: " + body);
            }
            String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
            if (expect.format() != null) checkFormat(test.name(), expect.format(), type, body);
            if (expect.value() != null) {
                boolean answer = ResultSetMgr.readBoolean(new ByteArrayInputStream(response.body()),
                        type.contains("xml") ? ResultSetLang.RS_XML : ResultSetLang.RS_JSON);
                assertEquals(expect.value(), answer, test.name() + ": " + body);
            }
        }
    }

    private static void checkFormat(String name, String format, String type, String body) {
        switch (format) {
            case "boolean" -> assertTrue(List.of("application/sparql-results+json", "application/sparql-results+xml").contains(type),
                    name + ": " + type);
            case "tabular" -> assertTrue(List.of("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                    "text/tab-separated-values").contains(type), name + ": " + type);
            case "RDF" -> {
                assertTrue(RDFLanguages.contentTypeToLang(type) != null && RDFLanguages.isTriples(RDFLanguages.contentTypeToLang(type)),
                        name + ": " + type);
                HttpTestClient.parse(new FakeResponse(type, body));
            }
            default -> throw new AssertionError(format);
        }
    }

    private static HttpRequest build(Request request) {
        String route = request.endpoint() == Endpoint.QUERY ? CoopIris.SPARQL_PATH : CoopIris.UPDATE_PATH;
        String url = server.url(route) + (request.query() == null ? "" : "?" + request.query());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (request.contentType() != null) b.header("Content-Type", request.contentType());
        if (request.endpoint() == Endpoint.UPDATE) b.header("Authorization", basic());
        HttpRequest.BodyPublisher body = request.body() == null ? BodyPublishers.noBody()
                : BodyPublishers.ofByteArray(request.body().getBytes(request.charset()));
        return b.method(request.method(), body).build();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(CREDENTIALS.getBytes(StandardCharsets.UTF_8));
    }

    /** An answer already read, for {@link HttpTestClient#parse}. */
    private record FakeResponse(String type, String body) implements HttpResponse<String> {
        @Override public int statusCode() { return 200; }
        @Override public HttpRequest request() { return null; }
        @Override public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        @Override public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(Map.of("Content-Type", List.of(type)), (a, b) -> true);
        }
        @Override public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
        @Override public URI uri() { return null; }
        @Override public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
    }
}

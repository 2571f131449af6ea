package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile queries and updates against a server that takes updates (in the style of {@code load.HostileInputTest}):
 * each is answered with its status and one error line whose message is asserted, never a stack trace, a Java
 * exception name or a 500, and changes nothing. Covers the nesting and length limits ({@link QueryLimits}), which
 * used to answer {@code Error 400: StackOverflowError} or keep a core busy for hours, and the update rules.
 */
class HostileRequestTest {
    private static final String BASE = CoopIris.DEFAULT_BASE;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;
    private static DatasetGraph stored;
    private static CoopServer server;

    @BeforeAll
    static void start() throws Exception {
        Path passwords = Files.writeString(dir.resolve("passwd"), "curator: s3cret\n");
        stored = new CoopLoader(CuratedFiles.bundled(), BASE).load().dataset();
        server = CoopServer.builder().dataset(stored).port(0).loopback(true).updates(passwords)
                .journal(dir.resolve("journal.rdfp")).queryTimeout(Duration.ofSeconds(10)).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static String repeat(String s, int n) {
        return String.join("", Collections.nCopies(n, s));
    }

    private static String chain(String item, String separator, int n) {
        return String.join(separator, Collections.nCopies(n, item));
    }

    private static Arguments query(String name, String sparql, int status, String message) {
        return Arguments.of(name, false, sparql, status, message);
    }

    private static Arguments update(String name, String sparql, int status, String message) {
        return Arguments.of(name, true, sparql, status, message);
    }

    static Stream<Arguments> hostile() {
        String nested = "query nested too deeply (limit 64): brackets open more than 64 deep at line 1, column ";
        return Stream.of(
                query("2,000 nested groups", "SELECT * " + repeat("{", 2000) + "?s ?p ?o" + repeat("}", 2000), 400, nested + "74;"),
                query("20,000 nested parentheses", "SELECT * { ?s ?p ?o FILTER" + repeat("(", 20000) + "?o" + repeat(")", 20000) + " }",
                        400, nested + "90;"),
                query("1,000 nested sub-queries", repeat("SELECT * { ", 1000) + "?s ?p ?o" + repeat(" }", 1000), 400, nested),
                query("brackets on later lines", "SELECT *\nWHERE\n" + repeat("{\n", 100) + "?s ?p ?o" + repeat("}", 100), 400,
                        "query nested too deeply (limit 64): brackets open more than 64 deep at line 67, column 1;"),
                query("12 nested NOT EXISTS", "SELECT * { ?s ?p ?o " + repeat("FILTER NOT EXISTS { ?s ?p ?o ", 12) + repeat("}", 12) + " }",
                        400, "query nested too deeply (limit 8 levels of EXISTS / NOT EXISTS): the optimiser's time doubles"),
                query("300 OPTIONALs in a row", "SELECT * { ?s ?p ?o " + repeat("OPTIONAL { ?s ?p ?o } ", 300) + "}", 400,
                        "query nested too deeply (limit 256 operators): a long chain of OPTIONAL, MINUS or UNION"),
                query("an expression of 2,000 additions", "SELECT * { BIND(" + chain("1", " + ", 2000) + " AS ?x) }", 400,
                        "query nested too deeply (limit 256 operators)"),
                query("2,000 UNION branches", "SELECT * { " + chain("{ ?s ?p ?o }", " UNION ", 2000) + " }", 400,
                        "query nested too deeply (limit 256 operators)"),
                query("a query of 100,001 characters", "ASK {}#" + "x".repeat(100_001 - 7), 400,
                        "query too long: 100001 characters (limit 100000); split it into smaller queries"),
                update("an update nested 2,000 deep", "INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> " + repeat("(", 2000)
                        + "1" + repeat(")", 2000) + " } }", 400, "update nested too deeply (limit 64): brackets open more than 64 deep"),
                update("an update whose WHERE has 300 OPTIONALs", "INSERT { GRAPH <urn:x:g> { ?s <urn:x:p> 1 } } WHERE { ?s ?p ?o "
                        + repeat("OPTIONAL { ?s ?p ?o } ", 300) + "}", 400, "update nested too deeply (limit 256 operators)"),
                update("LOAD of a file on the server", "LOAD <file:///etc/passwd> INTO GRAPH <urn:x:g>", 400,
                        "LOAD <file:///etc/passwd>: only http: and https: IRIs can be loaded"),
                update("a write into the inferred graph", "INSERT DATA { GRAPH <" + BASE + "graph/inferred> { <urn:x:s> <urn:x:p> 1 } }",
                        400, "the graph <" + BASE + "graph/inferred> is computed by the server"),
                update("MOVE onto the ontology graph", "MOVE <urn:x:g> TO <" + BASE + "graph/ontology>", 400,
                        "the graph <" + BASE + "graph/ontology> is computed by the server"),
                update("a person without a name", "INSERT DATA { GRAPH <urn:x:g> { <" + BASE + "id/person/hostile> a "
                        + "<https://w3id.org/coop-kg/ontology#Person> } }", 422, "the update breaks "),
                update("an update syntax error", "INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> } }", 400, "Parse error: "),
                update("a query sent as an update", "SELECT * { ?s ?p ?o }", 400, "Parse error: "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileRequestGetsItsStatusAndMessageAndChangesNothing(String name, boolean isUpdate, String sparql, int status,
            String message) throws Exception {
        Set<Quad> before = snapshot();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(isUpdate ? server.updateUrl() : server.sparqlUrl()))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", isUpdate ? "application/sparql-update" : "application/sparql-query")
                .POST(BodyPublishers.ofString(sparql, StandardCharsets.UTF_8));
        if (isUpdate) request.header("Authorization", basic());
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(status, response.statusCode(), () -> name + ": " + response.body());
        String body = response.body();
        assertTrue(body.startsWith("Error " + status + ": " + message), () -> name + ": " + body);
        assertFalse(body.contains("Exception") || body.contains("StackOverflow") || body.contains("\tat "), () -> name + ": " + body);
        assertTrue(millis < 10_000, () -> name + " took " + millis + " ms: it must be refused before any heavy work");
        assertEquals(before, snapshot(), name);
    }

    @Test
    void bracketsInStringsIriComparisonsAndCommentsAreNotNesting() throws Exception {
        String query = "SELECT * { ?s ?p ?o FILTER(?o != \"" + repeat("((", 100) + "\" && ?o != '''" + repeat("{[", 100)
                + "''' && ?s != <urn:x:a(b)> && 1 < 2) } # " + repeat("(", 100) + "\nLIMIT 1";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "application/sparql-results+json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void theUsingParametersMustBeIris() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.updateUrl() + "?using-graph-uri="
                + URLEncoder.encode("http://ex ample/", StandardCharsets.UTF_8))).header("Content-Type", "application/sparql-update")
                .header("Authorization", basic()).POST(BodyPublishers.ofString("INSERT { GRAPH <urn:x:g> { ?s ?p ?o } } WHERE { ?s ?p ?o }"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("Error 400: not an IRI: http://ex ample/; give an absolute IRI"), response.body());
    }

    @Test
    void theBackupNeedsALogin() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.url(CoopIris.BACKUP_PATH))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("Error 401: updates and backups need a user name and password"), response.body());
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("curator:s3cret".getBytes(StandardCharsets.UTF_8));
    }

    private static Set<Quad> snapshot() {
        return Txn.calculateRead(stored, () -> {
            Set<Quad> quads = new HashSet<>();
            stored.find().forEachRemaining(quads::add);
            return quads;
        });
    }
}

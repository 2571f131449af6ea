package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.system.Txn;
import org.coopkg.cli.Main;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.coopkg.testing.CommandRun;
import org.eclipse.jetty.util.security.Credential;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --update --passwd FILE}: SPARQL Update and Graph Store writes with login, validated with SHACL,
 * over the bundled data; and the read-only default.
 */
class AuthenticatedUpdateTest {
    private static final String BASE = CoopIris.DEFAULT_BASE;
    private static final String PREFIXES = """
            PREFIX coop: <https://w3id.org/coop-kg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX org:  <http://www.w3.org/ns/org#>
            """;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;
    private static Path passwords;
    private static DatasetGraph stored;
    private static CoopServer readOnly;
    private static CoopServer updatable;
    /** An existing headline figure and the graph of its row. */
    private static String figure;
    private static String figureGraph;
    private static String source;

    @BeforeAll
    static void start() throws Exception {
        passwords = dir.resolve("passwd");
        // A plain password and an MD5 one (Jetty's Credential formats).
        Files.writeString(passwords, "curator: s3cret\nreviewer: " + Credential.MD5.digest("other-pass") + "\n");
        stored = new CoopLoader(CuratedFiles.bundled(), BASE).load().dataset();
        updatable = CoopServer.builder().dataset(stored).port(0).loopback(true).updates(passwords).build().start();
        readOnly = CoopServer.builder().dataset(DatasetGraphFactory.createTxnMem()).port(0).loopback(true).build().start();
        try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(stored)).query(PREFIXES + """
                SELECT ?f ?g ?src { GRAPH <%sgraph/metadata> { ?g coop:describes ?f ; prov:wasDerivedFrom ?src }
                  ?f a coop:Indicator } ORDER BY ?f LIMIT 1""".formatted(BASE)).build()) {
            QuerySolution row = qe.execSelect().next();
            figure = row.getResource("f").getURI();
            figureGraph = row.getResource("g").getURI();
            source = row.getResource("src").getURI();
        }
    }

    @AfterAll
    static void stop() {
        if (updatable != null) updatable.close();
        if (readOnly != null) readOnly.close();
    }

    // --- read-only mode -------------------------------------------------------------------------------

    @Test
    void readOnlyModeHasNoUpdateRoute() throws Exception {
        assertEquals(404, send(update(readOnly, "INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> <urn:o> } }", "curator:s3cret")).statusCode());
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(readOnly.datasetUrl() + "/data?graph=urn:g"))
                .header("Content-Type", "text/turtle").PUT(BodyPublishers.ofString("<urn:s> <urn:p> <urn:o> .")));
        assertEquals(405, put.statusCode(), put.body());
        assertFalse(readOnly.updatable());
    }

    // --- authentication -------------------------------------------------------------------------------

    @Test
    void updatesWithoutCredentialsAre401WithAChallenge() throws Exception {
        Set<Quad> before = snapshot();
        HttpResponse<String> response = send(update(updatable, insertLabel("no-login"), null));
        assertEquals(401, response.statusCode(), response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Basic realm=\"coop-kg\""), challenge);
        assertTrue(response.body().startsWith("Error 401: "), response.body());
        assertNotNull(response.headers().firstValue(RequestGuard.REQUEST_ID).orElse(null));
        assertEquals(before, snapshot());
    }

    @Test
    void wrongPasswordAndUnknownUserAre401() throws Exception {
        Set<Quad> before = snapshot();
        for (String credentials : new String[] {"curator:wrong", "nobody:s3cret", "curator:", "reviewer:s3cret"}) {
            HttpResponse<String> response = send(update(updatable, insertLabel("bad-login"), credentials));
            assertEquals(401, response.statusCode(), credentials + ": " + response.body());
            assertTrue(response.headers().firstValue("WWW-Authenticate").isPresent());
        }
        HttpResponse<String> garbage = send(HttpRequest.newBuilder(URI.create(updatable.updateUrl()))
                .header("Content-Type", "application/sparql-update").header("Authorization", "Basic %%%")
                .POST(BodyPublishers.ofString(insertLabel("garbage"))));
        assertEquals(401, garbage.statusCode());
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(updatable.datasetUrl() + "/data?graph=urn:x:g"))
                .header("Content-Type", "text/turtle").PUT(BodyPublishers.ofString("<urn:s> <urn:p> <urn:o> .")));
        assertEquals(401, put.statusCode());
        assertEquals(before, snapshot());
    }

    @Test
    void queriesAndGraphStoreReadsStayPublicInUpdateMode() throws Exception {
        HttpResponse<String> query = send(HttpRequest.newBuilder(URI.create(updatable.sparqlUrl() + "?query="
                + URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8))).header("Accept", "application/sparql-results+json"));
        assertEquals(200, query.statusCode(), query.body());
        HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(updatable.datasetUrl() + "/data?graph="
                + URLEncoder.encode(figureGraph, StandardCharsets.UTF_8))).header("Accept", "text/turtle"));
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(200, send(HttpRequest.newBuilder(URI.create("http://localhost:" + updatable.port() + "/$/ping"))).statusCode());
    }

    // --- valid updates ----------------------------------------------------------------------------------

    @Test
    void aValidInsertIsVisibleInItsGraphTheUnionAndTheInferences() throws Exception {
        String uni = BASE + "id/organisation/test-university";
        String graph = BASE + "id/assertion/organisation-test-university";
        String insert = PREFIXES + """
                INSERT DATA {
                  GRAPH <%1$s> { <%2$s> a coop:University ; rdfs:label "Test University"@en }
                  GRAPH <%3$sgraph/metadata> { <%1$s> a coop:Assertion ; coop:describes <%2$s> ;
                      prov:wasDerivedFrom <%4$s> ; coop:evidence "Test University" ; coop:support coop:Stated }
                }""".formatted(graph, uni, BASE, source);
        HttpResponse<String> response = send(update(updatable, insert, "curator:s3cret"));
        assertEquals(204, response.statusCode(), response.body());
        assertTrue(ask("ASK { GRAPH <" + graph + "> { <" + uni + "> a coop:University } }"));
        assertTrue(ask(PREFIXES + "ASK { <" + uni + "> a coop:University ; rdfs:label \"Test University\"@en }"), "union default graph");
        assertTrue(ask(PREFIXES + "ASK { <" + uni + "> a org:Organization }"), "inferred type in the default graph");
        assertTrue(ask(PREFIXES + "ASK { GRAPH <" + BASE + "graph/inferred> { <" + uni + "> a org:Organization } }"));

        // Deleting it takes its inferences away again.
        String delete = PREFIXES + "DELETE WHERE { GRAPH <" + graph + "> { ?s ?p ?o } } ;"
                + " DELETE WHERE { GRAPH <" + BASE + "graph/metadata> { <" + graph + "> ?p ?o } }";
        HttpResponse<String> deleted = send(update(updatable, delete, "reviewer:other-pass"));
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertFalse(ask(PREFIXES + "ASK { <" + uni + "> ?p ?o }"));
    }

    @Test
    void aValidGraphStorePutIsAccepted() throws Exception {
        String graph = BASE + "id/assertion/test-put";
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(updatable.datasetUrl() + "/data?graph="
                        + URLEncoder.encode(graph, StandardCharsets.UTF_8)))
                .header("Content-Type", "text/turtle").header("Authorization", basic("curator:s3cret"))
                .PUT(BodyPublishers.ofString("<" + figure + "> <http://www.w3.org/2000/01/rdf-schema#comment> \"checked\"@en .")));
        assertTrue(Set.of(200, 201, 204).contains(put.statusCode()), put.statusCode() + " " + put.body());
        assertTrue(ask("ASK { <" + figure + "> <http://www.w3.org/2000/01/rdf-schema#comment> \"checked\"@en }"));
    }

    @Test
    void anUpdateThatChangesNothingLeavesTheDerivedGraphsAsTheLoaderMadeThem() throws Exception {
        // Recomputing the inferred graph and the union default graph of unchanged data must change no quad.
        Set<Quad> before = snapshot();
        HttpResponse<String> response = send(update(updatable, "INSERT DATA { GRAPH <" + figureGraph + "> { } }", "curator:s3cret"));
        assertEquals(204, response.statusCode(), response.body());
        assertEquals(before, snapshot());
    }

    // --- invalid updates: rejected, nothing changes ----------------------------------------------------

    @Test
    void anUpdateThatBreaksTheShapesIsRejectedWithTheReportAndChangesNothing() throws Exception {
        Set<Quad> before = snapshot();
        String insert = PREFIXES + "INSERT DATA { GRAPH <" + figureGraph + "> { <" + figure + "> coop:value \"many\" } }";
        HttpResponse<String> response = send(update(updatable, insert, "curator:s3cret"));
        assertEquals(422, response.statusCode(), response.body());
        String body = response.body();
        assertTrue(body.startsWith("Error 422: the update breaks "), body);
        assertTrue(body.contains("nothing was changed"), body);
        // One line per violation: focus node, path, the shape's sh:message and the value.
        assertTrue(body.lines().anyMatch(l -> l.startsWith("<" + figure + "> <https://w3id.org/coop-kg/ontology#value>: ")
                && l.contains("must hold one whole number") && l.endsWith("(value \"many\")")), body);
        assertEquals(before, snapshot());
    }

    @Test
    void aPersonWithoutLabelIsRejected() throws Exception {
        Set<Quad> before = snapshot();
        String person = BASE + "id/person/nameless";
        String insert = PREFIXES + "INSERT DATA { GRAPH <" + BASE + "id/assertion/person-nameless> { <" + person + "> a coop:Person } }";
        HttpResponse<String> response = send(update(updatable, insert, "curator:s3cret"));
        assertEquals(422, response.statusCode(), response.body());
        assertTrue(response.body().lines().anyMatch(l -> l.startsWith("<" + person + "> <http://www.w3.org/2000/01/rdf-schema#label>: Every person needs a label")),
                response.body());
        assertEquals(before, snapshot());
        assertFalse(ask("ASK { <" + person + "> ?p ?o }"));
    }

    @Test
    void anInvalidGraphStorePutIsRejectedAndChangesNothing() throws Exception {
        Set<Quad> before = snapshot();
        // A second value for an existing figure, in a graph of its own.
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(updatable.datasetUrl() + "/data?graph="
                        + URLEncoder.encode(BASE + "id/assertion/test-bad-put", StandardCharsets.UTF_8)))
                .header("Content-Type", "text/turtle").header("Authorization", basic("curator:s3cret"))
                .PUT(BodyPublishers.ofString("<" + figure + "> <https://w3id.org/coop-kg/ontology#value> \"many\" .")));
        assertEquals(422, put.statusCode(), put.body());
        assertTrue(put.body().contains("must hold one whole number"), put.body());
        assertEquals(before, snapshot());
    }

    @Test
    void writesNamingTheComputedGraphsAreRefused() throws Exception {
        Set<Quad> before = snapshot();
        for (String update : new String[] {
                "INSERT DATA { GRAPH <" + BASE + "graph/inferred> { <urn:s> <urn:p> <urn:o> } }",
                "WITH <" + BASE + "graph/ontology> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
                "CLEAR GRAPH <" + BASE + "graph/inferred>",
                "DROP GRAPH <" + BASE + "graph/ontology>",
                "COPY <" + BASE + "graph/ontology> TO <urn:x:copy>"}) {
            HttpResponse<String> response = send(update(updatable, update, "curator:s3cret"));
            assertEquals(400, response.statusCode(), update + ": " + response.body());
            assertTrue(response.body().startsWith("Error 400: the graph <" + BASE + "graph/"), response.body());
            assertTrue(response.body().contains("is computed by the server"), response.body());
        }
        HttpResponse<String> syntax = send(update(updatable, "INSERT DATA { GRAPH <urn:g> { <urn:s> }", "curator:s3cret"));
        assertEquals(400, syntax.statusCode(), syntax.body());
        HttpResponse<String> putInferred = send(HttpRequest.newBuilder(URI.create(updatable.datasetUrl() + "/data?graph="
                        + URLEncoder.encode(BASE + "graph/inferred", StandardCharsets.UTF_8)))
                .header("Content-Type", "text/turtle").header("Authorization", basic("curator:s3cret"))
                .PUT(BodyPublishers.ofString("<urn:s> <urn:p> <urn:o> .")));
        assertEquals(400, putInferred.statusCode(), putInferred.body());
        assertEquals(before, snapshot());
    }

    // --- command line -----------------------------------------------------------------------------------

    @Test
    void updateWithoutPasswordFileIsAUsageError() {
        CommandRun run = CommandRun.of("serve", "--update", "--port", "0");
        assertEquals(Main.USAGE, run.exit(), run.err());
        assertTrue(run.err().contains("--update needs --passwd"), run.err());
        run.assertNoStackTrace();
    }

    @Test
    void updatesInMemoryWithoutAJournalAreRefused() {
        CommandRun run = CommandRun.of("serve", "--update", "--passwd", passwords.toString(), "--port", "0");
        assertEquals(Main.USAGE, run.exit(), run.err());
        assertTrue(run.err().startsWith("coopkg: --update on data in memory would lose every accepted update when the server "
                + "stops: give --journal FILE"), run.err());
        run.assertNoStackTrace();
    }

    @Test
    void aJournalForATdb2DatabaseOrWithoutUpdatesIsAUsageError() {
        CommandRun tdb2 = CommandRun.of("serve", "--tdb2", dir.resolve("no-db").toString(), "--update", "--passwd",
                passwords.toString(), "--journal", dir.resolve("j.rdfp").toString(), "--port", "0");
        assertEquals(Main.USAGE, tdb2.exit(), tdb2.err());
        assertTrue(tdb2.err().contains("--journal is for data in memory: the TDB2 database"), tdb2.err());
        CommandRun alone = CommandRun.of("serve", "--journal", dir.resolve("j.rdfp").toString(), "--port", "0");
        assertEquals(Main.USAGE, alone.exit(), alone.err());
        assertTrue(alone.err().startsWith("coopkg: --journal only applies with --update --passwd FILE"), alone.err());
    }

    @Test
    void missingPasswordFileIsAUsageErrorNamingIt() {
        Path missing = dir.resolve("no-such-passwd");
        CommandRun run = CommandRun.of("serve", "--update", "--passwd", missing.toString(), "--port", "0");
        assertEquals(Main.USAGE, run.exit(), run.err());
        assertTrue(run.err().contains(missing.toString()), run.err());
        run.assertNoStackTrace();
    }

    @Test
    void anEmptyPasswordFileIsRefusedByTheBuilder() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty-passwd"), "# nobody\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CoopServer.builder()
                .dataset(DatasetGraphFactory.createTxnMem()).port(0).updates(empty).build());
        assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private static String insertLabel(String text) {
        return "INSERT DATA { GRAPH <" + figureGraph + "> { <" + figure + "> <http://www.w3.org/2000/01/rdf-schema#comment> \""
                + text + "\" } }";
    }

    private static HttpRequest.Builder update(CoopServer server, String update, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.updateUrl()))
                .header("Content-Type", "application/sparql-update").POST(BodyPublishers.ofString(update));
        if (credentials != null) request.header("Authorization", basic(credentials));
        return request;
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), BodyHandlers.ofString());
    }

    private static boolean ask(String query) {
        return QueryExecHTTP.service(updatable.sparqlUrl()).query(query.contains("PREFIX") ? query : PREFIXES + query).ask();
    }

    /** Every quad of the served dataset (named graphs and the stored default graph). */
    private static Set<Quad> snapshot() {
        return Txn.calculateRead(stored, () -> {
            Set<Quad> quads = new HashSet<>();
            stored.find().forEachRemaining(quads::add);
            return quads;
        });
    }
}

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
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.system.Txn;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What standard updates mean while queries see the union of the named graphs (README "What the default graph means
 * for writes"): default-graph inserts go to {@code {base}graph/edits}; default-graph deletes take a triple out of every
 * curated graph; CLEAR/DROP DEFAULT clear the edits graph; CLEAR ALL empties the curated graphs while the ontology comes
 * back and the inferences are recomputed; every update is validated in its own transaction (422, nothing changed).
 * Each test has its own server over the bundled data.
 */
class UpdateSemanticsTest {
    private static final String BASE = CoopIris.DEFAULT_BASE;
    private static final String EDITS = BASE + "graph/edits";
    private static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;
    private DatasetGraph stored;
    private CoopServer server;

    @BeforeEach
    void start() throws Exception {
        Path passwords = Files.writeString(dir.resolve("passwd"), "curator: s3cret\n");
        stored = storedData(dir);
        server = CoopServer.builder().dataset(stored).port(0).loopback(true).updates(passwords).build().start();
    }

    /** The bundled data as the server stores it: in memory here, in TDB2 in {@link UpdateSemanticsOnTdb2Test}. */
    DatasetGraph storedData(Path dir) throws Exception {
        return new CoopLoader(CuratedFiles.bundled(), BASE).load().dataset();
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void aDefaultGraphInsertGoesToTheEditsGraphAndIsSeenInTheUnion() throws Exception {
        assertEquals(204, update("INSERT DATA { <urn:x:s> <" + RDFS + "comment> \"edited\" }").statusCode());
        assertTrue(ask("ASK { GRAPH <" + EDITS + "> { <urn:x:s> <" + RDFS + "comment> \"edited\" } }"));
        assertTrue(ask("ASK { <urn:x:s> <" + RDFS + "comment> \"edited\" }"), "the union default graph");
        // Within one request, a later operation sees what an earlier one inserted into the default graph.
        assertEquals(204, update("INSERT DATA { <urn:x:t> a <urn:x:Thing> } ; "
                + "INSERT { GRAPH <urn:x:derived> { ?t <urn:x:seen> true } } WHERE { ?t a <urn:x:Thing> }").statusCode());
        assertTrue(ask("ASK { GRAPH <urn:x:derived> { <urn:x:t> <urn:x:seen> true } }"));
        // The same with the inserted subject named in the WHERE, and the result in the default graph.
        assertEquals(204, update("INSERT DATA { <urn:x:a> <urn:x:p> \"x\" } ; "
                + "INSERT { <urn:x:b> <urn:x:p> ?o } WHERE { <urn:x:a> <urn:x:p> ?o }").statusCode());
        assertTrue(ask("ASK { GRAPH <" + EDITS + "> { <urn:x:b> <urn:x:p> \"x\" } }"));
    }

    @Test
    void aDefaultGraphDeleteTakesTheTripleOutOfEveryCuratedGraph() throws Exception {
        String triple = "<urn:x:s> <" + RDFS + "comment> \"twice\"";
        assertEquals(204, update("INSERT DATA { GRAPH <urn:x:g1> { " + triple + " } GRAPH <urn:x:g2> { " + triple + " } }").statusCode());
        assertTrue(ask("ASK { " + triple + " }"));
        assertEquals(204, update("DELETE DATA { " + triple + " }").statusCode());
        assertFalse(ask("ASK { " + triple + " }"), "gone from the union");
        assertFalse(ask("ASK { GRAPH ?g { " + triple + " } }"), "gone from every named graph");
    }

    @Test
    void deletingAPersonsOnlyLabelThroughTheDefaultGraphBreaksTheShapes() throws Exception {
        String label = "SELECT ?l { <" + BASE + "id/person/philip-diamond> <" + RDFS + "label> ?l } LIMIT 1";
        String value = QueryExecHTTP.service(server.sparqlUrl()).query(label).select().next().get("l").toString();
        Set<Quad> before = snapshot();
        HttpResponse<String> response = update("DELETE DATA { <" + BASE + "id/person/philip-diamond> <" + RDFS + "label> " + value + " }");
        assertEquals(422, response.statusCode(), response.body());
        assertTrue(response.body().contains("Every person needs a label"), response.body());
        assertEquals(before, snapshot());
    }

    @Test
    void clearDefaultClearsTheEditsGraphOnly() throws Exception {
        long before = count();
        assertEquals(204, update("INSERT DATA { <urn:x:s> <urn:x:p> 1 }").statusCode());
        assertEquals(204, update("CLEAR DEFAULT").statusCode());
        assertFalse(ask("ASK { <urn:x:s> <urn:x:p> 1 }"));
        assertEquals(before, count(), "the curated rows are untouched");
        assertEquals(204, update("DROP DEFAULT").statusCode());
        assertEquals(before, count());
    }

    @Test
    void clearAllEmptiesTheCuratedGraphsAndTheOntologyComesBack() throws Exception {
        assertEquals(204, update("CLEAR ALL").statusCode());
        assertFalse(ask("ASK { GRAPH <" + BASE + "graph/metadata> { ?s ?p ?o } }"), "metadata is curated: cleared");
        assertFalse(ask("ASK { ?s a <https://w3id.org/coop-kg/ontology#Person> }"));
        assertTrue(ask("ASK { GRAPH <" + BASE + "graph/ontology> { ?s ?p ?o } }"), "the ontology is recomputed");
        assertTrue(ask("ASK { <https://w3id.org/coop-kg/ontology#Person> ?p ?o }"), "and part of the union");
        assertFalse(ask("ASK { GRAPH <" + BASE + "graph/inferred> { ?s a <http://www.w3.org/ns/org#Organization> } }"),
                "no inferences about data that is gone");
        assertEquals(204, update("DROP ALL").statusCode());
        assertTrue(ask("ASK { GRAPH <" + BASE + "graph/ontology> { ?s ?p ?o } }"));
    }

    @Test
    void aDeleteInTheComputedGraphsThroughAVariableIsUndoneAtCommit() throws Exception {
        Set<Quad> before = snapshot();
        assertEquals(204, update("DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } "
                + "FILTER(?g IN (<" + BASE + "graph/ontology>, <" + BASE + "graph/inferred>)) }").statusCode());
        assertEquals(before, snapshot());
    }

    @Test
    void aViolationInALaterOperationChangesNothingOfTheEarlierOnes() throws Exception {
        Set<Quad> before = snapshot();
        HttpResponse<String> response = update("INSERT DATA { <urn:x:s> <urn:x:p> 1 } ; INSERT DATA { GRAPH <urn:x:g> { <"
                + BASE + "id/person/nameless> a <https://w3id.org/coop-kg/ontology#Person> } }");
        assertEquals(422, response.statusCode(), response.body());
        assertTrue(response.body().contains("nothing was changed"), response.body());
        assertEquals(before, snapshot());
    }

    @Test
    void theGraphStoreDefaultGraphIsTheEditsGraphForWrites() throws Exception {
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(server.url(CoopIris.DATA_PATH) + "?default"))
                .header("Content-Type", "text/turtle").header("Authorization", basic())
                .PUT(BodyPublishers.ofString("<urn:x:gsp> <urn:x:p> \"put\" .")));
        assertTrue(put.statusCode() / 100 == 2, put.statusCode() + " " + put.body());
        assertTrue(ask("ASK { GRAPH <" + EDITS + "> { <urn:x:gsp> <urn:x:p> \"put\" } }"));
        HttpResponse<String> delete = send(HttpRequest.newBuilder(URI.create(server.url(CoopIris.DATA_PATH) + "?default"))
                .header("Authorization", basic()).DELETE());
        assertEquals(204, delete.statusCode(), delete.body());
        assertFalse(ask("ASK { <urn:x:gsp> ?p ?o }"));
        Txn.executeRead(stored, () -> assertTrue(stored.prefixes().get(CoopIris.ENTITY_PREFIX) != null,
                "replacing a graph keeps the dataset's prefixes (its base)"));
    }

    @Test
    void usingParametersWithWithOrUsingInTheUpdateAre400() throws Exception {
        Set<Quad> before = snapshot();
        for (String update : new String[] {
                "WITH <urn:x:g> INSERT { ?s <urn:x:p> 1 } WHERE { ?s ?p ?o }",
                "INSERT { GRAPH <urn:x:g> { ?s <urn:x:p> 1 } } USING <urn:x:g> WHERE { ?s ?p ?o }"}) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.updateUrl() + "?using-graph-uri="
                    + URLEncoder.encode("urn:x:other", StandardCharsets.UTF_8))).header("Content-Type", "application/sparql-update")
                    .header("Authorization", basic()).POST(BodyPublishers.ofString(update)));
            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().startsWith("Error 400: the request gives using-graph-uri or using-named-graph-uri "
                    + "and the update has its own USING, USING NAMED or WITH"), response.body());
        }
        assertEquals(before, snapshot());
    }

    // --- helpers

    private HttpResponse<String> update(String update) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(server.updateUrl())).header("Content-Type", "application/sparql-update")
                .header("Authorization", basic()).POST(BodyPublishers.ofString(update)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), BodyHandlers.ofString());
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("curator:s3cret".getBytes(StandardCharsets.UTF_8));
    }

    private boolean ask(String query) {
        return QueryExecHTTP.service(server.sparqlUrl()).query(query).ask();
    }

    /** Quads in the curated graphs other than the edits graph. */
    private long count() {
        return Txn.calculateRead(stored, () -> stored.stream().filter(q -> !q.isDefaultGraph()
                && !q.getGraph().equals(NodeFactory.createURI(EDITS))).count());
    }

    private Set<Quad> snapshot() {
        return Txn.calculateRead(stored, () -> {
            Set<Quad> quads = new HashSet<>();
            stored.find().forEachRemaining(quads::add);
            return quads;
        });
    }
}

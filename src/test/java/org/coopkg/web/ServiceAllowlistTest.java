package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.coopkg.testing.StandInEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code SERVICE} against a local stand-in SPARQL endpoint (port 0) that counts the requests it receives: an endpoint
 * not on the allowlist is refused with 400 naming {@code --service-allow} and receives nothing, whether it is
 * written in the query or bound to a variable; an allowed one is called and joined; a failing or unreachable
 * allowed endpoint is 502 with its status.
 */
class ServiceAllowlistTest {
    private static StandInEndpoint standIn;

    @BeforeAll
    static void startStandIn() {
        standIn = StandInEndpoint.start();
    }

    @AfterAll
    static void stopStandIn() {
        standIn.stop();
    }

    @BeforeEach
    void resetCount() {
        standIn.reset();
    }

    private static String endpoint(String path) {
        return standIn.url(path);
    }

    private static HttpResponse<String> query(List<String> allowed, String sparql) throws Exception {
        DatasetGraph empty = DatasetGraphFactory.createTxnMem();
        try (CoopServer server = CoopServer.builder().dataset(empty).port(0).loopback(true).serviceAllow(allowed).build().start()) {
            return HttpTestClient.get(server.sparqlUrl() + "?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8),
                    "application/sparql-results+json");
        }
    }

    @Test
    void byDefaultNoServiceIsCalledAndTheRefusalNamesTheOption() throws Exception {
        HttpResponse<String> response = query(List.of(), "SELECT * { SERVICE <" + endpoint("/sparql") + "> { ?s ?p ?o } }");
        assertEquals(400, response.statusCode(), response::body);
        assertTrue(response.body().startsWith("Error 400: SERVICE <" + endpoint("/sparql") + "> is not allowed"), response.body());
        assertTrue(response.body().contains("--service-allow"), response.body());
        assertEquals(0, standIn.requests(), "requests that reached the stand-in");
    }

    @Test
    void anAllowedEndpointIsCalledAndJoined() throws Exception {
        HttpResponse<String> response = query(List.of(endpoint("/sparql")),
                "SELECT ?word { SERVICE <" + endpoint("/sparql") + "> { ?s ?p ?word } }");
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.body().contains(StandInEndpoint.ROW_VALUE), response.body());
        assertTrue(standIn.requests() >= 1);
    }

    @Test
    void anotherEndpointOfTheSameHostIsNotAllowed() throws Exception {
        HttpResponse<String> response = query(List.of(endpoint("/sparql")),
                "SELECT * { SERVICE <" + endpoint("/broken") + "> { ?s ?p ?o } }");
        assertEquals(400, response.statusCode(), response::body);
        assertTrue(response.body().contains("allowed: " + endpoint("/sparql")), response.body());
        assertEquals(0, standIn.requests());
    }

    @Test
    void anEndpointBoundToAVariableIsCheckedBeforeTheCall() throws Exception {
        HttpResponse<String> response = query(List.of(endpoint("/sparql")),
                "SELECT * { VALUES ?e { <" + endpoint("/broken") + "> } SERVICE ?e { ?s ?p ?o } }");
        assertEquals(400, response.statusCode(), response::body);
        assertTrue(response.body().startsWith("Error 400: SERVICE <" + endpoint("/broken") + "> is not allowed"), response.body());
        assertEquals(0, standIn.requests());
    }

    @Test
    void aFailingAllowedEndpointIs502WithItsStatus() throws Exception {
        HttpResponse<String> response = query(List.of(endpoint("/broken")),
                "SELECT * { SERVICE <" + endpoint("/broken") + "> { ?s ?p ?o } }");
        assertEquals(502, response.statusCode(), response::body);
        assertTrue(response.body().startsWith("Error 502: the remote SPARQL endpoint of a SERVICE call answered 503"),
                response.body());
        assertEquals(1, standIn.requests());
    }

    @Test
    void anUnreachableAllowedEndpointIs502() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String nowhere = "http://127.0.0.1:" + closed + "/sparql";
        HttpResponse<String> response = query(List.of(nowhere), "SELECT * { SERVICE <" + nowhere + "> { ?s ?p ?o } }");
        assertEquals(502, response.statusCode(), response::body);
        assertTrue(response.body().contains("could not be reached"), response.body());
    }

    @Test
    void endpointsCompareAsUrls() {
        ServiceAllowlist list = ServiceAllowlist.of(List.of("HTTPS://Query.Wikidata.org:443/sparql"));
        assertTrue(list.allows("https://query.wikidata.org/sparql"));
        assertTrue(!list.allows("https://query.wikidata.org/sparql/other") && !list.allows("http://query.wikidata.org/sparql"));
    }
}

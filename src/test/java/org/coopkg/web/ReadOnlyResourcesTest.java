package org.coopkg.web;

import static org.coopkg.web.HttpTestClient.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.coopkg.core.CoopIris;
import org.coopkg.core.Ontology;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The Linked Data servlets on a bare Fuseki server, for what the full server cannot show: an ontology
 * without a version, a failure while answering, and a second query endpoint with the service description.
 */
class ReadOnlyResourcesTest {
    private static final String BASE = CoopIris.DEFAULT_BASE;

    @Test
    void withoutAVersionNoVersionPathAnswers() throws Exception {
        Graph ontology = GraphFactory.createDefaultGraph();
        ontology.getPrefixMapping().setNsPrefixes(Ontology.graph().getPrefixMapping());
        Ontology.graph().find().filterDrop(t -> t.getPredicate().equals(OWL.versionInfo.asNode())).forEachRemaining(ontology::add);
        OntologyServlet servlet = new OntologyServlet(new Preparations(), ontology, new TermLabels(ontology));
        FusekiServer.Builder builder = FusekiServer.create().port(0).loopback(true);
        OntologyServlet.paths().forEach(path -> builder.addServlet(path, servlet));
        FusekiServer fuseki = builder.build().start();
        try {
            String root = "http://localhost:" + fuseki.getPort();
            assertEquals(200, get(root + "/ontology", "text/turtle").statusCode());
            HttpResponse<String> versioned = get(root + "/ontology/null", "text/turtle");
            assertEquals(404, versioned.statusCode());
            assertFalse(versioned.body().contains("null"), versioned.body());
        } finally {
            fuseki.stop();
        }
    }

    @Test
    void aFailureIsOnePlainLineNotTheContainersPage() throws Exception {
        HttpServlet failing = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
                Responses.readOnly(request, response, LoggerFactory.getLogger(ReadOnlyResourcesTest.class), () -> {
                    throw new IllegalStateException("internal detail");
                });
            }
        };
        FusekiServer fuseki = FusekiServer.create().port(0).loopback(true).addServlet("/failing", failing).build().start();
        try {
            HttpResponse<String> r = get("http://localhost:" + fuseki.getPort() + "/failing", "text/turtle");
            assertEquals(500, r.statusCode());
            assertTrue(HttpTestClient.contentType(r).startsWith("text/plain"), HttpTestClient.contentType(r));
            assertEquals(1, r.body().strip().lines().count(), r.body());
            assertFalse(r.body().contains("internal detail"), r.body());
        } finally {
            fuseki.stop();
        }
    }

    @Test
    void everyQueryEndpointDescribesTheService() throws Exception {
        DatasetGraph dataset = new CoopLoader(CuratedFiles.bundled(), BASE).load().dataset();
        // Not begun: the first request for the description begins its preparation.
        Preparations preparations = new Preparations();
        FusekiServer.Builder builder = FusekiServer.create().port(0).loopback(true);
        LinkedDataSite.install(builder, preparations, dataset, new CoopIris(BASE));
        FusekiServer fuseki = builder
                .add("/coop", org.apache.jena.fuseki.server.DataService.newBuilder(dataset)
                        .addEndpoint(org.apache.jena.fuseki.server.Operation.Query, "sparql")
                        .addEndpoint(org.apache.jena.fuseki.server.Operation.Query, "query").build())
                .build().start();
        try {
            String root = "http://localhost:" + fuseki.getPort();
            Node service = NodeFactory.createURI(BASE + "coop/sparql#service");
            for (String endpoint : java.util.List.of("/coop/sparql", "/coop/query")) {
                HttpResponse<String> r = get(root + endpoint, "text/turtle");
                assertEquals(200, r.statusCode(), endpoint);
                assertTrue(HttpTestClient.union(HttpTestClient.parse(r)).contains(service, Node.ANY, Node.ANY), endpoint);
                assertEquals(406, get(root + endpoint, "application/sparql-results+json").statusCode(), endpoint);
            }
        } finally {
            fuseki.stop();
            preparations.awaitEnd();
        }
    }
}

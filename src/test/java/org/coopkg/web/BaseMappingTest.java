package org.coopkg.web;

import static org.coopkg.web.HttpTestClient.get;
import static org.coopkg.web.HttpTestClient.parse;
import static org.coopkg.web.HttpTestClient.union;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.coopkg.core.vocab.SD;
import org.coopkg.derive.CoopLoader;
import org.coopkg.derive.LoadedGraph;
import org.coopkg.load.CuratedFiles;
import org.junit.jupiter.api.Test;

/**
 * Behind a reverse proxy: with {@code --base https://example.org/} the server, reached on
 * {@code localhost:PORT}, answers {@code /id/…} about {@code https://example.org/id/…}, and its pages link
 * relatively, so they work under the public host. Built the way {@code coopkg serve} builds it: the loader's
 * base is passed to the server.
 */
class BaseMappingTest {
    private static final String BASE = "https://example.org/";

    @Test
    void requestPathsDescribeIrisUnderThePublicBase() throws Exception {
        LoadedGraph graph = new CoopLoader(CuratedFiles.bundled(), BASE).load();
        try (CoopServer server = CoopServer.builder().dataset(graph.dataset()).base(graph.names().base())
                .port(0).loopback(true).build().start()) {
            String root = "http://localhost:" + server.port();
            var r = get(root + "/id/person/philip-diamond", "text/turtle");
            assertEquals(200, r.statusCode(), r::body);
            Graph g = union(parse(r));
            Node person = NodeFactory.createURI(BASE + "id/person/philip-diamond");
            assertTrue(g.contains(person, RDFS.label.asNode(), NodeFactory.createLiteralLang("Philip Diamond", "en")));
            assertFalse(r.body().contains("localhost"), "nothing in the description points at the local address");

            String html = get(root + "/id/person/philip-diamond", "text/html").body();
            assertTrue(html.contains("<code>" + BASE + "id/person/philip-diamond</code>"));
            assertTrue(html.contains("href=\"../organisation/ska-observatory\""), "relative links work under any host");
            assertFalse(html.contains("localhost"), "no link to the local address");

            Graph voidGraph = union(parse(get(root + "/.well-known/void", "text/turtle")));
            assertTrue(voidGraph.contains(NodeFactory.createURI(BASE + ".well-known/void#dataset"),
                    VOID.sparqlEndpoint.asNode(), NodeFactory.createURI(BASE + "coop/sparql")));
            Graph sd = union(parse(get(server.sparqlUrl(), "text/turtle")));
            assertTrue(sd.contains(Node.ANY, SD.endpoint.asNode(),
                    NodeFactory.createURI(BASE + "coop/sparql")));
            assertEquals(404, get(root + "/id/person/nobody", "text/plain").statusCode());
        }
    }
}

package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDFS;
import org.coopkg.core.CoopIris;
import org.coopkg.core.vocab.SD;
import org.junit.jupiter.api.Test;

class ServiceDescriptionTest {
    private static final String BASE = "http://example.org/";
    private static final Node NAME = SD.name.asNode();

    /** A dataset with the ontology graph and {@code rows} per-row graphs of one triple each. */
    private static DatasetGraph dataset(int rows) {
        CoopIris names = new CoopIris(BASE);
        DatasetGraph ds = DatasetGraphFactory.createTxnMem();
        Node p = NodeFactory.createURI(BASE + "p");
        ds.add(Quad.create(NodeFactory.createURI(names.ontologyGraph()), p, p, p));
        for (int i = 0; i < rows; i++) {
            ds.add(Quad.create(NodeFactory.createURI(names.assertion("row-" + i)), NodeFactory.createURI(BASE + "s" + i), p, p));
        }
        return ds;
    }

    @Test
    void listsEveryNamedGraphOfASmallDataSet() {
        Graph sd = new ServiceDescription(dataset(3), new CoopIris(BASE)).graph();
        assertEquals(4, sd.find(Node.ANY, NAME, Node.ANY).toList().size());
    }

    @Test
    void statesTheNumberOfPerRowGraphsInsteadOfListingThousands() {
        int rows = (int) ServiceDescription.MAX_LISTED_ROW_GRAPHS + 1;
        Graph sd = new ServiceDescription(dataset(rows), new CoopIris(BASE)).graph();
        // Only the ontology graph is listed; a comment gives the number of the others.
        assertEquals(1, sd.find(Node.ANY, NAME, Node.ANY).toList().size());
        assertTrue(sd.find(Node.ANY, RDFS.comment.asNode(), Node.ANY).toList().stream()
                .anyMatch(t -> t.getObject().getLiteralLexicalForm().contains(rows + " named graphs, one per curated row")));
    }
}

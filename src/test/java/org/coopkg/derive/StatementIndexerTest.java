package org.coopkg.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.mem2.GraphMem2Roaring;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class StatementIndexerTest {
    private static final Node P = NodeFactory.createURI("http://example.org/p");

    /** Quads in two named graphs, each statement in both: more than one batch, and the last one partly filled. */
    private static List<Quad> quads(int statements) {
        List<Quad> quads = new ArrayList<>();
        for (int i = 0; i < statements; i++) {
            Node s = NodeFactory.createURI("http://example.org/s" + i);
            Node o = NodeFactory.createLiteralString("o" + (i % 97));
            quads.add(Quad.create(NodeFactory.createURI("http://example.org/g1"), s, P, o));
            quads.add(Quad.create(NodeFactory.createURI("http://example.org/g2"), s, P, o));
        }
        return quads;
    }

    @Test
    void theGraphHoldsTheStatementsOfEveryQuadHandedIn() {
        List<Quad> quads = quads(20_011);
        Graph expected = GraphFactory.createDefaultGraph();
        quads.forEach(q -> expected.add(q.asTriple()));
        Graph indexed;
        try (StatementIndexer indexer = new StatementIndexer(new GraphMem2Roaring())) {
            quads.forEach(indexer);
            indexed = indexer.finish();
        }
        assertEquals(20_011, indexed.size());
        assertTrue(indexed.isIsomorphicWith(expected));
    }

    @Test
    void closingWithoutFinishingStopsTheIndexer() throws Exception {
        try (StatementIndexer indexer = new StatementIndexer(new GraphMem2Roaring())) {
            quads(10_000).forEach(indexer);
        }
        for (int i = 0; i < 100 && indexerRunning(); i++) Thread.sleep(20);
        assertTrue(!indexerRunning(), "the indexer's thread has ended");
    }

    @Test
    @Timeout(20)
    void aFailureToIndexIsThrownByFinishNotWaitedOnForever() {
        Graph refusing = new GraphMem2Roaring() {
            @Override
            public void performAdd(Triple triple) {
                throw new IllegalStateException("no room for " + triple.getSubject());
            }
        };
        try (StatementIndexer indexer = new StatementIndexer(refusing)) {
            // Far more batches than the queue holds: handing them in must not block once the indexer has failed.
            quads(200_000).forEach(indexer);
            IllegalStateException e = assertThrows(IllegalStateException.class, indexer::finish);
            assertTrue(e.getMessage().startsWith("no room for http://example.org/s0"), e.getMessage());
        }
    }

    private static boolean indexerRunning() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("coopkg-statement-indexer") && t.isAlive());
    }
}

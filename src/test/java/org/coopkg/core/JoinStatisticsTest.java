package org.coopkg.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.optimizer.StatsMatcher;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.sse.Item;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The join statistics weigh patterns by what the data holds, hubs included, and are a file Jena reads back. */
class JoinStatisticsTest {
    private static final String EX = "http://example/";

    private static Node uri(String local) {
        return NodeFactory.createURI(EX + local);
    }

    private static Graph data() {
        Graph g = GraphFactory.createDefaultGraph();
        // 1000 things located in the hub, 10 in a small place, each with a type and a unique label.
        for (int i = 0; i < 1010; i++) {
            Node thing = uri("thing" + i);
            g.add(thing, uri("locatedIn"), uri(i < 1000 ? "hub" : "small"));
            g.add(thing, RDF.type.asNode(), uri(i % 2 == 0 ? "A" : "B"));
            g.add(thing, uri("label"), NodeFactory.createLiteralString("thing " + i));
        }
        return g;
    }

    private static double weight(StatsMatcher m, String s, String p, String o) {
        return m.match(Item.createNode(s == null ? Var.alloc("s") : uri(s)), Item.createNode(uri(p)),
                Item.createNode(o == null ? Var.alloc("o") : uri(o)));
    }

    @Test
    void hubsWeighWhatTheyHoldAndOtherObjectsTheAverage() {
        StatsMatcher m = JoinStatistics.of(data()).matcher();
        assertEquals(1000, weight(m, null, "locatedIn", "hub"));
        // Not a hub: the average number of subjects per object, 1010 / 2.
        assertEquals(505, weight(m, null, "locatedIn", "small"));
        assertEquals(1010, weight(m, null, "locatedIn", null));
        assertEquals(1, weight(m, "thing1", "locatedIn", "hub"));
        assertEquals(1, weight(m, "thing1", "locatedIn", null));
        assertEquals(505, m.match(Item.createNode(Var.alloc("s")), Item.createNode(RDF.type.asNode()), Item.createNode(uri("A"))));
        assertEquals(0, weight(m, null, "unknown", null), "a predicate the data lacks matches nothing");
    }

    @Test
    void theFileReadsBackAsJenasStatistics(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stats.opt");
        JoinStatistics.of(data()).write(file);
        Item read = SSE.readFile(file.toString());
        assertTrue(read.isTagged(StatsMatcher.STATS), Files.readString(file));
        assertEquals(1000, new StatsMatcher(file.toString()).match(Item.createNode(Var.alloc("s")),
                Item.createNode(uri("locatedIn")), Item.createNode(uri("hub"))));
    }
}

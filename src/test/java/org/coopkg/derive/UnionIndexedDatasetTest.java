package org.coopkg.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.mem2.GraphMem2Roaring;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.sse.SSE;
import org.junit.jupiter.api.Test;

/** The read-only dataset finds the named graphs of a pattern as a dataset that asks every graph does. */
class UnionIndexedDatasetTest {
    private static final String TRIG = """
            PREFIX : <http://example/>
            GRAPH :g1 { :a :p :b . :a :q "x" }
            GRAPH :g2 { :a :p :b . :c :p :a }
            GRAPH :g3 { :c :q :c }
            """;

    @Test
    void findsTheGraphsOfAPatternAsEveryGraphWouldSay() {
        DatasetGraph reference = DatasetGraphFactory.createGeneral();
        RDFParser.fromString(TRIG, Lang.TRIG).parse(reference);
        DatasetGraph indexed = indexedCopyOf(reference);
        String[][] patterns = {{":a", null, null}, {null, ":p", ":b"}, {null, ":q", null}, {null, null, ":a"},
                {":c", ":q", ":c"}, {":nothing", null, null}, {null, null, null}};
        for (String[] pattern : patterns) {
            Node s = node(pattern[0]), p = node(pattern[1]), o = node(pattern[2]);
            assertEquals(set(reference.findNG(Node.ANY, s, p, o)), set(indexed.findNG(Node.ANY, s, p, o)),
                    String.join(" ", List.of(String.valueOf(pattern[0]), String.valueOf(pattern[1]), String.valueOf(pattern[2]))));
        }
    }

    @Test
    void aChangeMadeThroughTheDatasetIsFound() {
        DatasetGraph reference = DatasetGraphFactory.createGeneral();
        RDFParser.fromString(TRIG, Lang.TRIG).parse(reference);
        DatasetGraph indexed = indexedCopyOf(reference);
        Node a = node(":a");
        assertEquals(3, Iter.count(indexed.findNG(Node.ANY, a, Node.ANY, Node.ANY)));

        Quad added = SSE.parseQuad("(:g3 :a :p :c)", SSE.getPrefixMapRead());
        indexed.add(added);
        indexed.getDefaultGraph().add(added.asTriple());
        assertEquals(4, Iter.count(indexed.findNG(Node.ANY, a, Node.ANY, Node.ANY)));

        indexed.delete(SSE.parseQuad("(:g1 :a :p :b)", SSE.getPrefixMapRead()));
        assertEquals(Set.of("http://example/g2"),
                set(Iter.map(indexed.findNG(Node.ANY, a, node(":p"), node(":b")), q -> q.getGraph().getURI())));
    }

    private static Node node(String prefixed) {
        return prefixed == null ? Node.ANY : SSE.parseNode(prefixed, SSE.getPrefixMapRead());
    }

    private static DatasetGraph indexedCopyOf(DatasetGraph reference) {
        GraphMem2Roaring union = new GraphMem2Roaring();
        UnionIndexedDataset indexed = new UnionIndexedDataset(union);
        reference.find().forEachRemaining(quad -> {
            indexed.add(quad);
            union.add(quad.asTriple());
        });
        return indexed;
    }

    private static <T> Set<T> set(java.util.Iterator<T> items) {
        Set<T> set = new HashSet<>();
        items.forEachRemaining(set::add);
        return set;
    }
}

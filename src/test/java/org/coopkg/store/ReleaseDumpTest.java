package org.coopkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseDumpTest {
    @TempDir
    Path dir;

    private static Graph turtle(String text) {
        return RDFParser.fromString(text, Lang.TURTLE).toGraph();
    }

    @Test
    void theDefaultGraphIsTheUnionWhetherOrNotTheDumpRepeatsIt() throws Exception {
        String named = """
                <http://ex.org/id/a> <http://ex.org/p> "one" <http://ex.org/graph/metadata> .
                <http://ex.org/id/b> <http://ex.org/p> "two" <http://ex.org/graph/row-2> .
                """;
        // The second dump also states the union as default-graph lines, as a dump for a stock server does.
        String withUnion = named + """
                <http://ex.org/id/a> <http://ex.org/p> "one" .
                <http://ex.org/id/b> <http://ex.org/p> "two" .
                """;
        Graph union = turtle("""
                <http://ex.org/id/a> <http://ex.org/p> "one" .
                <http://ex.org/id/b> <http://ex.org/p> "two" .
                """);
        for (String text : new String[] {named, withUnion}) {
            Path file = dir.resolve(text == named ? "named.nq" : "with-union.nq");
            Files.writeString(file, text);
            StoredDataset served = ReleaseDump.read(file, "http://fallback.example/");
            DatasetGraph dataset = served.dataset();
            assertEquals("http://ex.org/", served.base(), file.toString());
            Txn.executeRead(dataset, () -> {
                assertTrue(dataset.getDefaultGraph().isIsomorphicWith(union), file.toString());
                assertTrue(dataset.getGraph(NodeFactory.createURI("http://ex.org/graph/row-2")).isIsomorphicWith(
                        turtle("<http://ex.org/id/b> <http://ex.org/p> \"two\" .")), file.toString());
                assertEquals(2, dataset.stream().filter(q -> !q.isDefaultGraph()).count(), file.toString());
            });
        }
    }
}

package org.coopkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class TextSearchTest {
    private static final String DATA = """
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            <http://ex.org/id/organisation/mpg> rdfs:label "Max Planck Society"@en .
            <http://ex.org/id/organisation/cnrs> rdfs:label "Centre national de la recherche scientifique"@fr .
            <http://ex.org/id/organisation/polytechnique> rdfs:label "École polytechnique"@fr .
            """;

    private static DatasetGraph data() {
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dataset, () -> RDFParser.fromString(DATA, Lang.TURTLE).parse(dataset));
        return dataset;
    }

    private static List<String> search(DatasetGraph dataset, String words) {
        String query = "PREFIX text: <http://jena.apache.org/text#> SELECT ?s { ?s text:query \"" + words + "\" } ORDER BY ?s";
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution exec = QueryExecution.dataset(DatasetFactory.wrap(dataset)).query(query).build()) {
                List<String> found = new java.util.ArrayList<>();
                exec.execSelect().forEachRemaining(row -> found.add(row.getResource("s").getURI()));
                return found;
            }
        });
    }

    @Test
    void searchIgnoresCaseAndAccents() {
        DatasetGraph text = TextSearch.withInMemoryIndex(data());
        assertEquals(List.of("http://ex.org/id/organisation/mpg"), search(text, "max planck"));
        assertEquals(List.of("http://ex.org/id/organisation/polytechnique"), search(text, "ecole"));
        // Prefix and fuzzy terms are folded too.
        assertEquals(List.of("http://ex.org/id/organisation/polytechnique"), search(text, "ÉCOL*"));
        assertEquals(List.of("http://ex.org/id/organisation/mpg"), search(text, "PLÄNK~1"));
    }

    @Test
    void termsAreTheWordsAsTheIndexHoldsThem() {
        // The index's own analyser: an inner apostrophe stays, ß folds to ss, a Greek letter stays itself.
        assertEquals(List.of("max", "planck's", "π", "hub", "strasse"), TextSearch.terms("Max-Plänck's π-HuB, Straße"));
        assertEquals(List.of(), TextSearch.terms(" & - "));
        DatasetGraph text = TextSearch.withInMemoryIndex(data());
        assertEquals(List.of("http://ex.org/id/organisation/polytechnique"), search(text, String.join(" ", TextSearch.terms("ÉCOLE"))));
    }

    @Test
    void aQueryWaitsUntilTheIndexIsFilled() throws Exception {
        DatasetGraph dataset = data();
        TextIndex lucene = TextDatasetFactory.createLuceneIndex(new ByteBuffersDirectory(), TextSearch.indexConfig());
        CompletableFuture<Long> filled = new CompletableFuture<>();
        DatasetGraph text = TextDatasetFactory.create(dataset, new FillingTextIndex(lucene, filled), true);
        CompletableFuture<List<String>> answer = CompletableFuture.supplyAsync(() -> search(text, "planck"));
        Thread.sleep(300);
        assertFalse(answer.isDone(), "answered from an index still being filled");
        filled.complete(TextSearch.index(dataset, lucene));
        assertEquals(List.of("http://ex.org/id/organisation/mpg"), answer.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aFailedFillingIsReportedToTheQuery() {
        TextIndex lucene = TextDatasetFactory.createLuceneIndex(new ByteBuffersDirectory(), TextSearch.indexConfig());
        FillingTextIndex index = new FillingTextIndex(lucene, CompletableFuture.failedFuture(new IllegalStateException("disk full")));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> index.query(RDFS.label.asNode(), "planck", null, null, 10));
        assertEquals("the full-text index could not be built: disk full", e.getMessage());
        assertTrue(index.getDocDef() != null, "the definition is there at once");
        index.close();
    }

    @Test
    void anEntityWithoutIndexedTextIsNotFound() {
        DatasetGraph dataset = data();
        Txn.executeWrite(dataset, () -> dataset.getDefaultGraph().add(NodeFactory.createURI("http://ex.org/id/x"),
                NodeFactory.createURI("http://ex.org/p"), NodeFactory.createLiteralString("planck")));
        assertEquals(List.of("http://ex.org/id/organisation/mpg"), search(TextSearch.withInMemoryIndex(dataset), "planck"));
    }
}

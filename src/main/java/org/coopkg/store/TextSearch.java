package org.coopkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Full-text search with jena-text (Lucene): {@code rdfs:label} (field {@code label}, the default field),
 * {@code skos:altLabel} ({@code altLabel}) and {@code dcterms:description} ({@code description}), analysed
 * by Lucene's standard tokenizer, lower-cased and ASCII-folded, so that searches are case- and
 * accent-insensitive. The same definition is written out in {@code fuseki-config/coop-tdb2-text.ttl}: keep
 * the two in step.
 *
 * <p>Only the default graph (the union of the named graphs) is indexed, so that each (entity, field, text)
 * is indexed once, not once more per named graph that repeats it.
 *
 * <pre>
 * PREFIX text: &lt;http://jena.apache.org/text#&gt;
 * SELECT ?s ?score WHERE { (?s ?score) text:query (rdfs:label "max planck") }
 * </pre>
 */
public final class TextSearch {
    private static final String TEXT = "http://jena.apache.org/text#";
    /** The properties indexed, in field order: label (default field), altLabel, description. */
    public static final List<Node> INDEXED = List.of(RDFS.label.asNode(), SKOS.altLabel.asNode(), DCTerms.description.asNode());
    /** The index's analyser, for {@link #terms} (each index has its own, which it may close). */
    private static final Analyzer ANALYZER = new FoldingAnalyzer();

    private TextSearch() {}

    /**
     * Whether a query asks the full-text index ({@code text:query}, a property function of the jena-text
     * namespace): a command that runs it over data in memory must build the index first.
     */
    public static boolean isAskedBy(Query query) {
        boolean[] asked = {false};
        ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
            @Override
            public void visit(ElementPathBlock block) {
                block.patternElts().forEachRemaining(t -> {
                    Node p = t.getPredicate();
                    if (p != null && p.isURI() && p.getURI().startsWith(TEXT)) asked[0] = true;
                });
            }
        });
        return asked[0];
    }

    public static EntityDefinition entityDefinition() {
        EntityDefinition definition = new EntityDefinition("uri", "label", RDFS.label.asNode());
        definition.set("altLabel", SKOS.altLabel.asNode());
        definition.set("description", DCTerms.description.asNode());
        return definition;
    }

    public static TextIndexConfig indexConfig() {
        TextIndexConfig config = new TextIndexConfig(entityDefinition());
        config.setAnalyzer(new FoldingAnalyzer());
        return config;
    }

    /**
     * The words of a text as the index holds them, made by the index's own analyser ({@code Max-Plänck's} is
     * {@code max}, {@code planck's}): what a query must ask for to meet what was indexed.
     */
    public static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) terms.add(term.toString());
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        return terms;
    }

    /**
     * The dataset wrapped for {@code text:query}, with an in-memory Lucene index of its default graph that is
     * built from now on, on a thread of its own; a text query waits until it is complete. Queries, Linked
     * Data and everything else see the same data as before.
     */
    public static DatasetGraph withInMemoryIndex(DatasetGraph dataset) {
        TextIndex index = TextDatasetFactory.createLuceneIndex(new ByteBuffersDirectory(), indexConfig());
        CompletableFuture<Long> filled = CompletableFuture.supplyAsync(() -> index(dataset, index), work -> {
            Thread thread = new Thread(work, "coopkg-text-index");
            thread.setDaemon(true);
            thread.start();
        });
        return TextDatasetFactory.create(dataset, new FillingTextIndex(index, filled), true);
    }

    /**
     * The full-text index of a dataset: the one it was wrapped with ({@link #withInMemoryIndex}, {@link #withIndexIn},
     * a TDB2 store's), or else a new in-memory index of its default graph, filled before this returns.
     */
    public static TextIndex indexOf(DatasetGraph dataset) {
        if (dataset instanceof DatasetGraphText text) return text.getTextIndex();
        TextIndex index = TextDatasetFactory.createLuceneIndex(new ByteBuffersDirectory(), indexConfig());
        index(dataset, index);
        return index;
    }

    /** The dataset wrapped for {@code text:query} with the Lucene index that {@link #writeIndex} wrote in {@code dir}. */
    public static DatasetGraph withIndexIn(DatasetGraph dataset, Path dir) throws IOException {
        TextIndex index = TextDatasetFactory.createLuceneIndex(FSDirectory.open(dir), indexConfig());
        return TextDatasetFactory.create(dataset, index, true);
    }

    /**
     * Writes a Lucene index of {@code dataset}'s default graph to {@code dir}, replacing any index there: the
     * index {@code fuseki-config/coop-tdb2-text.ttl} reads. Returns the number of indexed statements.
     */
    public static long writeIndex(DatasetGraph dataset, Path dir) throws IOException {
        Folders.deleteTree(dir);
        Files.createDirectories(dir);
        try (Directory directory = FSDirectory.open(dir)) {
            TextIndex index = TextDatasetFactory.createLuceneIndex(directory, indexConfig());
            try {
                return index(dataset, index);
            } finally {
                index.close();
            }
        }
    }

    /** Adds the indexed statements of the default graph to {@code index} and commits. */
    static long index(DatasetGraph dataset, TextIndex index) {
        EntityDefinition definition = index.getDocDef();
        long[] count = {0};
        Runnable work = () -> {
            for (Node property : INDEXED) {
                dataset.getDefaultGraph().find(Node.ANY, property, Node.ANY).forEachRemaining((Triple t) -> {
                    Entity entity = TextQueryFuncs.entityFromQuad(definition, Quad.defaultGraphIRI, t.getSubject(),
                            t.getPredicate(), t.getObject());
                    if (entity != null) {
                        index.addEntity(entity);
                        count[0]++;
                    }
                });
            }
        };
        if (dataset.supportsTransactions() && !dataset.isInTransaction()) Txn.executeRead(dataset, work);
        else work.run();
        try {
            index.prepareCommit();
            index.commit();
        } catch (RuntimeException e) {
            index.rollback();
            throw e;
        }
        return count[0];
    }

    /**
     * Lucene's standard tokenizer, then lower case and ASCII folding, also for the prefix and fuzzy terms of a query:
     * the chain {@code fuseki-config/coop-tdb2-text.ttl} gives jena-text's {@code ConfigurableAnalyzer}. That class
     * is not used here because it makes its filters through one array shared by all its instances, so two threads
     * making them at once (a lookup's first {@link #terms} and a query being parsed) could mix up their chains.
     */
    private static final class FoldingAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer words = new StandardTokenizer();
            return new TokenStreamComponents(words, normalize(fieldName, words));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}

package org.coopkg.export;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.coopkg.core.Format;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.BasicWriterSettings;
import org.eclipse.rdf4j.rio.jsonld.JSONLDMode;
import org.eclipse.rdf4j.rio.jsonld.JSONLDSettings;

/**
 * Writes a dataset in one of the six RDF syntaxes through RDF4J Rio, deterministically: the same data gives
 * the same bytes on every run, so dumps diff cleanly between releases.
 *
 * <h2>What is written ({@link GraphSelection})</h2>
 * Quad formats (N-Quads, TriG, JSON-LD) write every named graph under its name by default — one graph per
 * curated row, plus metadata, ontology and inferred — and not the default graph, which in coop-kg is their
 * union (triples that are only in the default graph, as in a hand-made dataset, are written to the default
 * graph). Triple formats (Turtle, N-Triples, RDF/XML) write the union of all graphs by default, or the one
 * graph {@code --graph} names.
 *
 * <h2>Order and determinism</h2>
 * Statements are sorted ({@link StatementOrder}) and blank nodes get {@link CanonicalBlankNodes canonical
 * labels}; namespaces are declared in prefix order. Sorting holds one graph's statements at a time (for the
 * union of a triple format, all statements) as references to the dataset's own nodes. The sort keys are
 * not free: {@link StatementOrder} caches one string (about the term's N-Triples form) per distinct term it
 * has compared, for the life of the exporter, so memory grows with the number of distinct terms written,
 * on top of the largest graph's statements.
 *
 * <h2>Which Rio writers buffer</h2>
 * <ul>
 * <li>N-Triples, N-Quads, RDF/XML: stream; each statement is written as it arrives.</li>
 * <li>Turtle, TriG (pretty printed, blank nodes not inlined): buffer 1000 statements at a time to group them
 * by subject. Sorted input keeps a subject's statements together across buffer boundaries, so each subject
 * is written once.</li>
 * <li>JSON-LD: collects every statement, then builds and compacts the whole document in memory before
 * writing a byte. Use N-Quads for data too large for that. The JSON-LD library orders the named graphs
 * itself (not in our sorted order), the same way on every run (tested).</li>
 * </ul>
 * Turtle and TriG go through {@link ExactLiteralTurtleWriter} / {@link ExactLiteralTriGWriter}, which keep
 * non-canonical numbers ({@code "042"^^xsd:integer}) exact where Rio's pretty printer would rewrite them.
 */
public final class RdfExporter {
    private final DatasetGraph dataset;
    private final CanonicalBlankNodes blanks;
    private final StatementOrder order;
    private final JenaToRioValues values;

    /** What one export wrote: for the message on stderr and for tests. */
    public record Written(Format format, String what, long statements, int graphs) {}

    public RdfExporter(DatasetGraph dataset) {
        this.dataset = dataset;
        this.blanks = CanonicalBlankNodes.of(dataset);
        this.order = new StatementOrder(blanks);
        this.values = new JenaToRioValues(blanks);
    }

    /**
     * Writes {@code selection} of the dataset to {@code out} in {@code format} (one of the RDF formats).
     * {@code out} is flushed, not closed.
     */
    public Written write(Format format, GraphSelection selection, OutputStream out) {
        RDFFormat rio = ExportFormats.rio(format);
        RDFWriter writer = switch (format) {
            case TURTLE -> new ExactLiteralTurtleWriter(out);
            case TRIG -> new ExactLiteralTriGWriter(out);
            default -> Rio.createWriter(rio, out);
        };
        configure(writer, format);
        StreamRdfToRio stream = new StreamRdfToRio(writer, values);
        stream.start();
        prefixes().forEach(stream::prefix);
        long[] count = {0};
        int graphs;
        if (format.supportsContexts()) {
            graphs = writeQuads(selection, stream, count);
        } else {
            writeTriples(selection, stream, count);
            graphs = 1;
        }
        stream.finish();
        return new Written(format, selection.describe(format), count[0], graphs);
    }

    /** The dataset's prefixes, sorted by prefix so that the header is the same on every run. */
    public Map<String, String> prefixes() {
        return new TreeMap<>(dataset.prefixes().getMapping());
    }

    private static void configure(RDFWriter writer, Format format) {
        switch (format) {
            case TURTLE, TRIG -> {
                writer.getWriterConfig().set(BasicWriterSettings.PRETTY_PRINT, true);
                writer.getWriterConfig().set(BasicWriterSettings.INLINE_BLANK_NODES, false);
            }
            case RDFXML -> writer.getWriterConfig().set(BasicWriterSettings.PRETTY_PRINT, true);
            case JSONLD -> {
                // Compact with the dataset's prefixes as the @context; literal types stay explicit
                // ("60"^^xsd:integer, not the JSON number 60) so the round trip is exact.
                writer.getWriterConfig().set(JSONLDSettings.JSONLD_MODE, JSONLDMode.COMPACT);
                writer.getWriterConfig().set(JSONLDSettings.USE_NATIVE_TYPES, false);
                writer.getWriterConfig().set(BasicWriterSettings.PRETTY_PRINT, true);
            }
            default -> { }
        }
    }

    private int writeQuads(GraphSelection selection, StreamRdfToRio stream, long[] count) {
        switch (selection.kind()) {
            case DEFAULT -> {
                count[0] += sendGraph(null, dataset.getDefaultGraph(), stream);
                return 1;
            }
            case NAMED -> {
                count[0] += sendGraph(selection.graphNode(), graph(selection), stream);
                return 1;
            }
            default -> {
                int graphs = 0;
                List<Triple> onlyDefault = new ArrayList<>();
                dataset.getDefaultGraph().find().forEachRemaining(t -> {
                    if (!dataset.findNG(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject()).hasNext()) {
                        onlyDefault.add(t);
                    }
                });
                if (!onlyDefault.isEmpty()) {
                    count[0] += sendSorted(null, onlyDefault, stream);
                    graphs++;
                }
                List<Node> names = new ArrayList<>();
                dataset.listGraphNodes().forEachRemaining(names::add);
                names.sort((a, b) -> order.key(a).compareTo(order.key(b)));
                for (Node name : names) {
                    count[0] += sendGraph(name, dataset.getGraph(name), stream);
                    graphs++;
                }
                return graphs;
            }
        }
    }

    private void writeTriples(GraphSelection selection, StreamRdfToRio stream, long[] count) {
        switch (selection.kind()) {
            case DEFAULT -> count[0] += sendGraph(null, dataset.getDefaultGraph(), stream);
            case NAMED -> count[0] += sendGraph(null, graph(selection), stream);
            default -> {
                // The union of every graph, default included; sorting puts duplicates side by side.
                List<Triple> all = new ArrayList<>();
                for (Iterator<Quad> it = dataset.find(); it.hasNext(); ) all.add(it.next().asTriple());
                count[0] += sendSorted(null, all, stream);
            }
        }
    }

    private Graph graph(GraphSelection selection) {
        Node name = selection.graphNode();
        if (!dataset.containsGraph(name)) {
            throw new IllegalArgumentException("there is no named graph <" + selection.graphIri() + "> in the data");
        }
        return dataset.getGraph(name);
    }

    private long sendGraph(Node name, Graph graph, StreamRdfToRio stream) {
        List<Triple> triples = new ArrayList<>();
        graph.find().forEachRemaining(triples::add);
        return sendSorted(name, triples, stream);
    }

    /** Sorts, drops duplicates and sends; {@code name} null sends to the default graph. */
    private long sendSorted(Node name, List<Triple> triples, StreamRdfToRio stream) {
        triples.sort(order.triples());
        long sent = 0;
        Triple previous = null;
        for (Triple t : triples) {
            if (t.equals(previous)) continue;
            if (name == null) stream.triple(t);
            else stream.quad(Quad.create(name, t));
            previous = t;
            sent++;
        }
        return sent;
    }
}

package org.coopkg.web;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.coopkg.core.Format;
import org.coopkg.export.CanonicalBlankNodes;
import org.coopkg.export.GraphSelection;
import org.coopkg.export.RdfExporter;
import org.coopkg.export.StatementOrder;

/**
 * Writes graphs and datasets in a {@link Format}, deterministically: the same data always gives the same
 * bytes, on every run, so responses can be cached, compared and diffed. Jena gives blank nodes (the
 * ontology's restrictions) random labels and its in-memory graphs iterate in hash order, so neither the
 * labels nor the iteration order can be used: statements are ordered by {@link StatementOrder} over
 * {@link CanonicalBlankNodes canonical blank node labels}. Turtle is written here, entity first, for people;
 * every other syntax by the exporter ({@link RdfExporter}), which is deterministic the same way.
 */
public final class RdfWriting {
    private RdfWriting() {}

    /** A graph in any syntax; TriG and N-Quads put it in the default graph. */
    public static byte[] write(Graph graph, Format type, PrefixMapping prefixes) {
        return write(graph, type, prefixes, List.of());
    }

    /**
     * A graph in any syntax, the given subjects first in Turtle (the thing described, then the rest in
     * statement order), so that a person reading the Turtle meets the entity before its neighbours.
     */
    public static byte[] write(Graph graph, Format type, PrefixMapping prefixes, List<Node> first) {
        DatasetGraph dataset = DatasetGraphFactory.create();
        graph.find().forEachRemaining(t -> dataset.add(Quad.create(Quad.defaultGraphIRI, t)));
        return write(dataset, type, prefixes, first);
    }

    /** A dataset: TriG and N-Quads keep its named graphs; the triple syntaxes get the union of its graphs. */
    public static byte[] write(DatasetGraph dataset, Format type, PrefixMapping prefixes, List<Node> first) {
        List<Triple> triples = new ArrayList<>();
        dataset.find().forEachRemaining(q -> triples.add(q.asTriple()));
        Map<String, String> used = used(prefixes, triples);
        if (type == Format.TURTLE) return turtle(dataset, triples, used, first);

        DatasetGraph copy = DatasetGraphFactory.create();
        if (keepsGraphs(type)) dataset.find().forEachRemaining(copy::add);
        else triples.forEach(t -> copy.add(Quad.create(Quad.defaultGraphIRI, t)));
        used.forEach(copy.prefixes()::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RdfExporter(copy).write(type, GraphSelection.ALL, out);
        return out.toByteArray();
    }

    /** The union of the graphs as Turtle, in {@link #readingOrder}, one block per subject. */
    private static byte[] turtle(DatasetGraph dataset, List<Triple> triples, Map<String, String> prefixes, List<Node> first) {
        StatementOrder order = new StatementOrder(CanonicalBlankNodes.of(dataset));
        triples.sort(readingOrder(first, order));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamRDF stream = StreamRDFWriter.getWriterStream(out, RDFFormat.TURTLE_BLOCKS);
        stream.start();
        prefixes.forEach(stream::prefix);
        Triple previous = null;
        for (Triple t : triples) {
            // The union may hold a statement once per graph: sorting puts the copies side by side.
            if (!t.equals(previous)) stream.triple(t);
            previous = t;
        }
        stream.finish();
        return out.toByteArray();
    }

    /** The given subjects first, in their order; then {@link StatementOrder} (rdf:type first within a subject). */
    private static Comparator<Triple> readingOrder(List<Node> first, StatementOrder order) {
        return Comparator.comparing((Triple t) -> {
                    int i = first.indexOf(t.getSubject());
                    return i < 0 ? Integer.MAX_VALUE : i;
                })
                .thenComparing(order.triples());
    }

    /**
     * TriG and N-Quads keep each statement in its named graph, its provenance. JSON-LD could too, but a client that
     * reads an entity's JSON-LD expects the entity's node at the top of the document, not inside one {@code @graph}
     * per curated row, so JSON-LD descriptions are written from the union like the triple syntaxes.
     */
    private static boolean keepsGraphs(Format type) {
        return type.supportsContexts() && type != Format.JSONLD;
    }

    /** Only the prefixes the data uses, so that a small description does not start with a page of them. */
    private static Map<String, String> used(PrefixMapping prefixes, List<Triple> triples) {
        Map<String, String> used = new TreeMap<>();
        prefixes.getNsPrefixMap().forEach((prefix, ns) -> {
            for (Triple t : triples) {
                if (uses(t.getSubject(), ns) || uses(t.getPredicate(), ns) || uses(t.getObject(), ns)) {
                    used.put(prefix, ns);
                    break;
                }
            }
        });
        return used;
    }

    private static boolean uses(Node node, String ns) {
        return (node.isURI() && node.getURI().startsWith(ns))
                || (node.isLiteral() && node.getLiteralDatatypeURI() != null && node.getLiteralDatatypeURI().startsWith(ns));
    }
}

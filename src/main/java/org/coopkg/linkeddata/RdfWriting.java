package org.coopkg.linkeddata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Writes graphs and datasets in a {@link MediaType}, deterministically: the same data always gives the same
 * bytes, so responses can be cached, compared and diffed. N-Triples and N-Quads are written as sorted
 * lines; the other syntaxes are written from a copy filled in sorted order, which fixes the order in which
 * Jena's writers meet subjects and values.
 */
public final class RdfWriting {
    private RdfWriting() {}

    /** A graph in any syntax; TriG and N-Quads put it in the default graph. */
    public static byte[] write(Graph graph, MediaType type, PrefixMapping prefixes) {
        return write(graph, type, prefixes, List.of());
    }

    /**
     * A graph in any syntax, the given subjects first in Turtle (the thing described, then the rest in
     * sorted order), so that a person reading the Turtle meets the entity before its neighbours.
     */
    public static byte[] write(Graph graph, MediaType type, PrefixMapping prefixes, List<Node> first) {
        List<Triple> triples = sorted(graph);
        if (type == MediaType.NTRIPLES || type == MediaType.NQUADS) {
            return lines(triples.stream().map(t -> line(t.getSubject(), t.getPredicate(), t.getObject(), null)).toList());
        }
        if (type == MediaType.TURTLE) {
            triples.sort(readingOrder(first));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StreamRDF stream = StreamRDFWriter.getWriterStream(out, RDFFormat.TURTLE_BLOCKS);
            stream.start();
            used(prefixes, triples).forEach(stream::prefix);
            triples.forEach(stream::triple);
            stream.finish();
            return out.toByteArray();
        }
        Graph copy = GraphFactory.createDefaultGraph();
        copy.getPrefixMapping().setNsPrefixes(used(prefixes, triples));
        triples.forEach(copy::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(copy).format(type.format()).output(out);
        return out.toByteArray();
    }

    /** A dataset: TriG and N-Quads keep its named graphs; the triple syntaxes get the union of its graphs. */
    public static byte[] write(DatasetGraph dataset, MediaType type, PrefixMapping prefixes, List<Node> first) {
        if (!type.keepsGraphs()) {
            Graph union = GraphFactory.createDefaultGraph();
            dataset.find().forEachRemaining(q -> union.add(q.asTriple()));
            return write(union, type, prefixes, first);
        }
        List<Quad> quads = new ArrayList<>();
        dataset.find().forEachRemaining(quads::add);
        quads.sort(Comparator.comparing(q -> line(q.getSubject(), q.getPredicate(), q.getObject(), q.getGraph())));
        if (type == MediaType.NQUADS) {
            return lines(quads.stream().map(q -> line(q.getSubject(), q.getPredicate(), q.getObject(),
                    q.isDefaultGraph() ? null : q.getGraph())).toList());
        }
        DatasetGraph copy = DatasetGraphFactory.create();
        List<Triple> all = quads.stream().map(Quad::asTriple).toList();
        PrefixMap map = PrefixMapFactory.create(used(prefixes, all));
        copy.prefixes().putAll(map);
        quads.forEach(copy::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(copy).format(type.format()).output(out);
        return out.toByteArray();
    }

    /** The given subjects first, in their order; then by subject; rdf:type first within a subject. */
    private static Comparator<Triple> readingOrder(List<Node> first) {
        return Comparator.comparing((Triple t) -> {
                    int i = first.indexOf(t.getSubject());
                    return i < 0 ? Integer.MAX_VALUE : i;
                })
                .thenComparing(t -> NodeFmtLib.strNT(t.getSubject()))
                .thenComparing(t -> t.getPredicate().equals(RDF.type.asNode()) ? "" : NodeFmtLib.strNT(t.getPredicate()))
                .thenComparing(t -> NodeFmtLib.strNT(t.getObject()));
    }

    private static List<Triple> sorted(Graph graph) {
        List<Triple> triples = new ArrayList<>(graph.find().toList());
        triples.sort(Comparator.comparing(t -> line(t.getSubject(), t.getPredicate(), t.getObject(), null)));
        return triples;
    }

    private static String line(Node s, Node p, Node o, Node g) {
        StringBuilder b = new StringBuilder();
        b.append(NodeFmtLib.strNT(s)).append(' ').append(NodeFmtLib.strNT(p)).append(' ').append(NodeFmtLib.strNT(o));
        if (g != null && !Quad.isDefaultGraph(g)) b.append(' ').append(NodeFmtLib.strNT(g));
        return b.append(" .").toString();
    }

    private static byte[] lines(List<String> lines) {
        return lines.stream().map(l -> l + "\n").collect(Collectors.joining()).getBytes(StandardCharsets.UTF_8);
    }

    /** Only the prefixes the data uses, so that a small description does not start with a page of them. */
    private static java.util.Map<String, String> used(PrefixMapping prefixes, List<Triple> triples) {
        java.util.Map<String, String> used = new java.util.TreeMap<>();
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

package org.coopkg.export;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.core.CoopIris;
import org.coopkg.core.Format;

/**
 * Which graphs an RDF export writes, as given by {@code --graph default|all|NAME}.
 *
 * <ul>
 * <li>{@link #ALL} (the default): quad formats write every named graph, each under its name, and not the
 * default graph again (in coop-kg it is their union); triple formats write the union of all graphs.</li>
 * <li>{@link #DEFAULT}: the default graph only (in coop-kg the union), in the default graph of quad formats.</li>
 * <li>{@link #named(String)}: one graph; quad formats keep its name, triple formats write its triples.</li>
 * </ul>
 */
public record GraphSelection(Kind kind, String graphIri) {
    public enum Kind { ALL, DEFAULT, NAMED }

    public static final GraphSelection ALL = new GraphSelection(Kind.ALL, null);
    public static final GraphSelection DEFAULT = new GraphSelection(Kind.DEFAULT, null);

    public static GraphSelection named(String graphIri) {
        return new GraphSelection(Kind.NAMED, graphIri);
    }

    /**
     * Reads {@code default}, {@code all} or a graph name. A name is a graph IRI, or short for
     * {@code {base}graph/NAME} ({@code metadata}, {@code ontology}, {@code inferred}) or
     * {@code {base}id/assertion/NAME} (e.g. {@code place-china}); it must name a graph of the dataset.
     *
     * @throws IllegalArgumentException saying what names are possible
     */
    public static GraphSelection parse(String value, DatasetGraph dataset, CoopIris names) {
        String text = value == null ? "all" : value.strip();
        if (text.equals("all")) return ALL;
        if (text.equals("default")) return DEFAULT;
        List<String> candidates = new ArrayList<>();
        if (text.contains(":")) candidates.add(text);
        candidates.add(names.graph(text));
        candidates.add(names.assertion(text));
        for (String iri : candidates) {
            if (dataset.containsGraph(NodeFactory.createURI(iri))) return named(iri);
        }
        throw new IllegalArgumentException("--graph '" + value + "' is not a graph of the data; give default, all, "
                + "a graph IRI, or a short name: metadata, ontology, inferred, or an assertion such as "
                + "place-china (for " + names.assertion("place-china") + ")");
    }

    /** The graph node of a {@link Kind#NAMED} selection. */
    public Node graphNode() {
        return NodeFactory.createURI(graphIri);
    }

    /** What was written, for the message on stderr. */
    public String describe(Format format) {
        return switch (kind) {
            case ALL -> format.supportsContexts()
                    ? "every named graph (the union default graph is not repeated)"
                    : "the union of all graphs (data, ontology, metadata, inferred)";
            case DEFAULT -> format.supportsContexts()
                    ? "the default graph (the union of all graphs) as the default graph"
                    : "the default graph (the union of all graphs)";
            case NAMED -> format.supportsContexts()
                    ? "the named graph <" + graphIri + ">"
                    : "the triples of the named graph <" + graphIri + ">";
        };
    }
}

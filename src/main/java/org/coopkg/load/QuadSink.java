package org.coopkg.load;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

/**
 * Collects the quads of one mapping. A set, since two rows may state the same triple in one graph (e.g. a
 * scheme). Every row repeats IRIs (graphs, classes, references) and often literals, so each distinct node is
 * kept as one instance: that roughly halves the memory of a large load. Each new quad is also handed to a
 * listener as it is made, so that a caller can index the statements while the mapping goes on.
 */
final class QuadSink {
    private final Set<Quad> quads = new HashSet<>();
    private final Map<Node, Node> nodes = new HashMap<>();
    private final Consumer<Quad> eachNewQuad;

    QuadSink(Consumer<Quad> eachNewQuad) {
        this.eachNewQuad = eachNewQuad;
    }

    void emit(Node graph, Node subject, Node predicate, Node object) {
        Quad quad = Quad.create(shared(graph), shared(subject), shared(predicate), shared(object));
        if (quads.add(quad)) eachNewQuad.accept(quad);
    }

    /** The quads emitted; the sink lets go of its node table, which only the emitting needed. */
    Set<Quad> quads() {
        nodes.clear();
        return quads;
    }

    private Node shared(Node node) {
        Node known = nodes.putIfAbsent(node, node);
        return known != null ? known : node;
    }
}

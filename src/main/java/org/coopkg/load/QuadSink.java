package org.coopkg.load;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

/**
 * Collects the quads of one mapping. A set, since two rows may state the same triple in one graph (e.g. a
 * scheme). Every row repeats IRIs (graphs, classes, references) and often literals, so each distinct node is
 * kept as one instance: that roughly halves the memory of a large load.
 */
final class QuadSink {
    private final Set<Quad> quads = new HashSet<>();
    private final Map<Node, Node> nodes = new HashMap<>();

    void emit(Node graph, Node subject, Node predicate, Node object) {
        quads.add(Quad.create(shared(graph), shared(subject), shared(predicate), shared(object)));
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

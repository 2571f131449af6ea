package org.coopkg.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.coopkg.core.Sha256;

/**
 * Labels for blank nodes that depend only on the graph around them, so that two loads of the same data
 * export the same bytes.
 *
 * <p>Why: Jena gives every parsed blank node a fresh random label (the ontology's restrictions and lists
 * are blank nodes), so labels taken from Jena would differ on every run and no two dumps would diff
 * cleanly. Here each blank node gets a hash of its neighbourhood, refined round by round (colour
 * refinement, as in Weisfeiler–Lehman): a round hashes a node's previous hash with the sorted list of the
 * quads it occurs in, other blank nodes standing in by their previous hash. Rounds stop when no class of
 * equal hashes splits any more. A label is {@code b} plus 16 hex digits of that hash.
 *
 * <p>Blank nodes that no round tells apart get the same hash and are numbered ({@code _2}, {@code _3}) in
 * the order of their original Jena labels, which are random on every run: which node gets which number
 * is therefore not deterministic. The output still is when the tied nodes are interchangeable — swapping
 * them gives the same quads — as the tree-shaped blank nodes of RDF (restrictions, lists, nested
 * descriptions) are. Tied nodes that are not interchangeable (cycles of blank nodes that refinement cannot
 * split) can export differently between runs.
 */
public final class CanonicalBlankNodes {
    private final Map<Node, String> labels;

    private CanonicalBlankNodes(Map<Node, String> labels) {
        this.labels = labels;
    }

    /** Labels for every blank node of the dataset (all graphs, default included). */
    public static CanonicalBlankNodes of(DatasetGraph dataset) {
        return of(dataset.find());
    }

    /** Labels for every blank node in {@code quads}. */
    public static CanonicalBlankNodes of(Iterator<Quad> quads) {
        Map<Node, List<Quad>> occurrences = new HashMap<>();
        quads.forEachRemaining(q -> {
            for (Node n : terms(q)) {
                if (n.isBlank()) {
                    List<Quad> list = occurrences.computeIfAbsent(n, k -> new ArrayList<>());
                    if (list.isEmpty() || list.get(list.size() - 1) != q) list.add(q);
                }
            }
        });
        if (occurrences.isEmpty()) return new CanonicalBlankNodes(Map.of());

        Map<Node, String> colour = new HashMap<>();
        for (Node b : occurrences.keySet()) colour.put(b, "");
        long classes = 1;
        for (int round = 0; round <= occurrences.size(); round++) {
            Map<Node, String> next = new HashMap<>();
            for (Map.Entry<Node, List<Quad>> e : occurrences.entrySet()) {
                next.put(e.getKey(), refine(e.getKey(), e.getValue(), colour));
            }
            long nextClasses = next.values().stream().distinct().count();
            colour = next;
            if (nextClasses <= classes && round > 0) break;
            classes = nextClasses;
        }

        // Ties: number the members of a class (deterministic only for interchangeable nodes; see the class comment).
        Map<String, List<Node>> byColour = new HashMap<>();
        for (Map.Entry<Node, String> e : colour.entrySet()) {
            byColour.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
        }
        Map<Node, String> labels = new HashMap<>();
        byColour.forEach((c, nodes) -> {
            String base = "b" + c.substring(0, 16);
            nodes.sort((a, b) -> a.getBlankNodeLabel().compareTo(b.getBlankNodeLabel()));
            for (int i = 0; i < nodes.size(); i++) labels.put(nodes.get(i), i == 0 ? base : base + "_" + (i + 1));
        });
        return new CanonicalBlankNodes(labels);
    }

    /** The canonical label of {@code blank} (no {@code _:}); a node not seen gets its own Jena label. */
    public String label(Node blank) {
        String label = labels.get(blank);
        return label != null ? label : "j" + blank.getBlankNodeLabel().replaceAll("[^A-Za-z0-9]", "");
    }

    public int size() {
        return labels.size();
    }

    private static String refine(Node self, List<Quad> quads, Map<Node, String> colour) {
        List<String> lines = new ArrayList<>(quads.size());
        for (Quad q : quads) {
            StringBuilder line = new StringBuilder();
            for (Node n : terms(q)) {
                if (n.equals(self)) line.append("@self");
                else if (n.isBlank()) line.append("_:").append(colour.get(n));
                else line.append(StatementOrder.key(n, null));
                line.append('\u0001');
            }
            lines.add(line.toString());
        }
        lines.sort(null);
        MessageDigest sha = Sha256.digest();
        sha.update(colour.get(self).getBytes(StandardCharsets.UTF_8));
        for (String line : lines) {
            sha.update((byte) '\n');
            sha.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static Node[] terms(Quad q) {
        Node g = q.isDefaultGraph() ? Quad.defaultGraphIRI : q.getGraph();
        return new Node[] {g, q.getSubject(), q.getPredicate(), q.getObject()};
    }
}

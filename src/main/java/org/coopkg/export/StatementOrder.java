package org.coopkg.export;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * The one order in which every export writes statements: graph, subject, predicate ({@code rdf:type}
 * first, as pretty Turtle puts it first anyway), object, each compared by its N-Triples-like form with the
 * {@link CanonicalBlankNodes canonical blank node labels}. Sorting is what makes exports byte-identical
 * run after run: Jena's in-memory dataset iterates in hash order, and literal and blank node hashes are
 * not stable across JVM runs.
 */
public final class StatementOrder {
    private static final String TYPE = RDF.type.getURI();

    private final CanonicalBlankNodes blanks;
    /** Keys are computed once per node: a sort compares each node many times. */
    private final Map<Node, String> keys = new HashMap<>();

    public StatementOrder(CanonicalBlankNodes blanks) {
        this.blanks = blanks;
    }

    public Comparator<Triple> triples() {
        return Comparator.comparing((Triple t) -> key(t.getSubject()))
                .thenComparing(t -> predicateKey(t.getPredicate()))
                .thenComparing(t -> key(t.getObject()));
    }

    /** The sort key of a graph name, subject or object. */
    String key(Node node) {
        return keys.computeIfAbsent(node, n -> key(n, blanks));
    }

    private String predicateKey(Node predicate) {
        return predicate.isURI() && predicate.getURI().equals(TYPE) ? "" : key(predicate);
    }

    /**
     * {@code <iri} (no closing bracket, so an entity sorts before its {@code #fragment} nodes), {@code _:label} or a literal as {@code "lexical} followed by its language tag and
     * datatype after separators that cannot occur in them, so distinct terms never share a key.
     */
    static String key(Node node, CanonicalBlankNodes blanks) {
        if (node.isURI()) return "<" + node.getURI();
        if (node.isBlank()) return "_:" + blanks.label(node);
        if (node.isLiteral()) {
            return "\"" + node.getLiteralLexicalForm() + "\u0000" + node.getLiteralLanguage() + "\u0000"
                    + node.getLiteralDatatypeURI();
        }
        return node.toString();
    }
}

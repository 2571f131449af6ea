package org.coopkg.core;

import java.util.Comparator;
import java.util.Locale;

import org.apache.jena.graph.Node;

/**
 * Which of several literal labels to show: English first ({@code en}, then {@code en-GB} and the other
 * English variants), then untagged, then other languages, ties broken by the lexical form so that the
 * choice is the same on every run. The query page ranks labels the same way (app.js).
 */
public final class LabelOrder {
    private LabelOrder() {}

    /** Orders literals by preference: the first is the one to show. */
    public static final Comparator<Node> ENGLISH_FIRST = Comparator.comparingInt(LabelOrder::rank)
            .thenComparing(Node::getLiteralLexicalForm);

    private static int rank(Node literal) {
        String lang = literal.getLiteralLanguage().toLowerCase(Locale.ROOT);
        return lang.equals("en") ? 0 : lang.startsWith("en-") ? 1 : lang.isEmpty() ? 2 : 3;
    }
}

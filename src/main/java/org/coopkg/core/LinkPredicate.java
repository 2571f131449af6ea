package org.coopkg.core;

import java.util.Arrays;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.SKOS;

/**
 * How an entity is linked to its counterpart in an outside data set ({@code match} in external-links.csv): the one
 * list of link predicates that the loader writes and the pages, VoID and the link report read.
 */
public enum LinkPredicate {
    /** The two IRIs denote the same thing. */
    SAME_AS("sameAs", OWL.sameAs, "owl:sameAs"),
    EXACT_MATCH("exactMatch", SKOS.exactMatch, "skos:exactMatch"),
    CLOSE_MATCH("closeMatch", SKOS.closeMatch, "skos:closeMatch");

    private final String match;
    private final Property property;
    private final String shortName;

    LinkPredicate(String match, Property property, String shortName) {
        this.match = match;
        this.property = property;
        this.shortName = shortName;
    }

    /** The column value in external-links.csv, also the predicate's local name. */
    public String match() {
        return match;
    }

    public Node node() {
        return property.asNode();
    }

    /** {@code owl:sameAs}, for reports. */
    public String shortName() {
        return shortName;
    }

    public static Optional<LinkPredicate> byMatch(String match) {
        return Arrays.stream(values()).filter(p -> p.match.equals(match)).findFirst();
    }

    public static Optional<LinkPredicate> of(Node predicate) {
        return Arrays.stream(values()).filter(p -> p.node().equals(predicate)).findFirst();
    }
}

package org.coopkg.reconcile;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Node;

/**
 * One reconciliation query: the name as typed (may be empty when properties say enough), the types a candidate
 * must have one of (none: any), how many candidates to return, and the property values that raise or lower scores.
 * {@code kinds} and {@code excluded} serve the loader's duplicate check: only entities of these kinds (none: any),
 * never this one.
 */
public record ReconcileQuery(String text, List<Types.Type> types, int limit, List<Constraint> properties,
                             Set<String> kinds, Optional<Node> excluded) {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;

    /** A property and the values a cell gives for it (an entity value by its id). */
    public record Constraint(QueryProperty property, List<String> values) {}

    public ReconcileQuery {
        text = text == null ? "" : text.strip();
        if (limit <= 0) limit = DEFAULT_LIMIT;
        limit = Math.min(limit, MAX_LIMIT);
    }

    /** A query by name alone. */
    public static ReconcileQuery of(String text) {
        return new ReconcileQuery(text, List.of(), DEFAULT_LIMIT, List.of(), Set.of(), Optional.empty());
    }

    public ReconcileQuery withTypes(List<Types.Type> types) {
        return new ReconcileQuery(text, types, limit, properties, kinds, excluded);
    }

    public ReconcileQuery withProperties(List<Constraint> properties) {
        return new ReconcileQuery(text, types, limit, properties, kinds, excluded);
    }
}

package org.coopkg.reconcile;

import java.util.List;

/**
 * One candidate of a reconciliation: the entity, its score from 0 to 100, whether it is the match
 * ({@link MatchRule}), and the features the score was made from ({@code name}: the name similarity 0–100, one
 * boolean per property that agreed or disagreed).
 */
public record Candidate(Entry entry, double score, boolean match, List<Feature> features) {
    /** A matching feature: a number or a boolean. */
    public record Feature(String id, Object value) {}
}

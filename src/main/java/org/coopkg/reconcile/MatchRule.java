package org.coopkg.reconcile;

/**
 * When a candidate is the match ({@code match: true}): it scores at least {@value #THRESHOLD}, and every other
 * candidate at least {@value #MARGIN} less. So only a candidate that is both good and clearly ahead is matched;
 * near ties (two namesakes, {@code Academy of Sciences} for two academies) stay for a person to decide, and a
 * derived acronym ({@value Reconciler#DERIVED_ACRONYM}) or a description alone never suffices.
 */
public final class MatchRule {
    public static final double THRESHOLD = 90;
    public static final double MARGIN = 15;

    private MatchRule() {}

    /** Whether the best of the candidates (scores sorted, best first) is the match. */
    static boolean isMatch(double best, Double secondBest) {
        return best >= THRESHOLD && (secondBest == null || best - secondBest >= MARGIN);
    }
}

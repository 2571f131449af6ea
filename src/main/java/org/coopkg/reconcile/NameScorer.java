package org.coopkg.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How alike a typed name and an entity's name are, from 0 to 1, over the words {@link NameForms} leaves.
 *
 * <p>The words are paired one to one, best pairs first: equal words count fully; a small typo counts 0.9 (one edit —
 * an insertion, deletion, substitution or swap of neighbours — in words of 5 letters or more; 0.8 for two edits in
 * words of 8 or more; {@code host} is not a typo of {@code most}); a word of at least 4 letters that begins the other counts 0.75 ({@code Tsingh}); numbers
 * count only when equal. Each word weighs its rarity among all the names served (inverse document frequency),
 * and form words ({@code university}, {@code institute}, …) a quarter of that, so that a rare word decides and a
 * shared {@code Academy of Sciences} does not. The similarity is the weighted share of both names that the pairs
 * cover (a soft Dice coefficient): words left over on either side lower it. The same words in another order score
 * 0.98, the same letters with other spaces ({@code Bei Hang}) 0.97, identical names 1.
 */
final class NameScorer {
    static final double TYPO = 0.9;
    static final double TWO_TYPOS = 0.8;
    static final double PREFIX = 0.75;

    private final ToDoubleFunction<String> weight;

    /** {@code weight}: a word's weight, its rarity among the names (a form word's already lowered). */
    NameScorer(ToDoubleFunction<String> weight) {
        this.weight = weight;
    }

    double similarity(List<String> query, List<String> name) {
        if (query.isEmpty() || name.isEmpty()) return 0;
        if (query.equals(name)) return 1;
        if (String.join("", query).equals(String.join("", name))) return 0.97;
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < query.size(); i++) {
            for (int j = 0; j < name.size(); j++) {
                double s = words(query.get(i), name.get(j));
                if (s > 0) pairs.add(new double[] {s, i, j});
            }
        }
        pairs.sort(Comparator.comparingDouble((double[] p) -> -p[0]));
        boolean[] usedQuery = new boolean[query.size()];
        boolean[] usedName = new boolean[name.size()];
        double covered = 0;
        for (double[] pair : pairs) {
            int i = (int) pair[1];
            int j = (int) pair[2];
            if (usedQuery[i] || usedName[j]) continue;
            usedQuery[i] = true;
            usedName[j] = true;
            covered += pair[0] * (weight.applyAsDouble(query.get(i)) + weight.applyAsDouble(name.get(j)));
        }
        double total = query.stream().mapToDouble(weight).sum() + name.stream().mapToDouble(weight).sum();
        double similarity = total == 0 ? 0 : covered / total;
        return Math.min(similarity, 0.98);
    }

    /** How alike two words are: see the class comment. */
    static double words(String a, String b) {
        if (a.equals(b)) return 1;
        if (NameForms.isNumber(a) || NameForms.isNumber(b)) return 0;
        int shorter = Math.min(a.length(), b.length());
        int longer = Math.max(a.length(), b.length());
        if (shorter >= 5) {
            int allowed = longer >= 8 ? 2 : 1;
            int distance = editDistance(a, b, allowed);
            if (distance == 1) return TYPO;
            if (distance == 2 && allowed == 2) return TWO_TYPOS;
        }
        if (shorter >= 4 && (a.startsWith(b) || b.startsWith(a))) return PREFIX;
        return 0;
    }

    /** Optimal-string-alignment distance (Damerau–Levenshtein without repeated edits), or {@code max + 1} beyond {@code max}. */
    static int editDistance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) return max + 1;
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > max) return max + 1;
        }
        return Math.min(d[a.length()][b.length()], max + 1);
    }
}

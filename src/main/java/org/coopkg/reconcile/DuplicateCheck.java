package org.coopkg.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coopkg.core.DataError;

/**
 * The loader's duplicate check, the usual way a curated graph grows duplicates: a row whose label reconciles as a
 * match ({@link MatchRule}) with another entity of the same kind is reported, at the later of the two rows, with
 * both locations. The label is scored and judged exactly as the service would, restricted to the row's kind and
 * leaving out the row's own entity, so {@code Tsinghua Univ.} added below {@code Tsinghua University} is caught,
 * while two different academies of sciences are not.
 *
 * <p>Only the candidates differ: instead of one full-text search per row (minutes at synthetic scale 100), each row
 * is compared with the entities of its kind that have one of the heaviest words of its label, or a word the scorer
 * finds alike (a typo or a prefix of it: see {@code keys}); form words ({@code university}, {@code ministry}, …)
 * are keys only of names made of nothing else. A name that shares
 * none of the heavy words scores below the match threshold anyway: see {@code heaviest}.
 */
public final class DuplicateCheck {
    /** The share of a label's weight its key words make: see {@code heaviest}. */
    static final double KEY_SHARE = 0.45;

    /** Rule name of the reported problems. */
    public static final String RULE = "data.duplicate";

    /** A row ({@code entry}) that looks like one made earlier ({@code existing}). */
    public record Duplicate(Entry entry, Entry existing, double score) {
        public DataError error() {
            Entry.Location here = entry.location().orElseThrow();
            return new DataError(here.file(), here.line(), 0, RULE, "'" + entry.label() + "' (" + entry.id()
                    + ") reconciles as a match (score " + score + ") with '" + existing.label() + "' (" + existing.id()
                    + ") at " + existing.location().map(Entry.Location::toString).orElse("(no row)")
                    + ": if they are one " + entry.kind() + ", keep one row and move the other's facts to it; "
                    + "if not, make the labels tell them apart");
        }
    }

    private DuplicateCheck() {}

    /** Every likely duplicate among the entities that come from CSV rows, in row order. */
    public static List<Duplicate> find(Reconciler reconciler) {
        Map<String, Map<String, List<Entry>>> blocks = new HashMap<>();
        for (Entry entry : reconciler.catalogue().entries()) {
            Map<String, List<Entry>> ofKind = blocks.computeIfAbsent(entry.kind(), k -> new HashMap<>());
            Set<String> keys = new HashSet<>();
            for (String name : entry.names()) keys.addAll(keys(NameForms.words(name)));
            keys.forEach(key -> ofKind.computeIfAbsent(key, k -> new ArrayList<>()).add(entry));
        }
        List<Duplicate> found = new ArrayList<>();
        Set<Set<String>> pairs = new HashSet<>();
        for (Entry entry : reconciler.catalogue().entries()) {
            if (entry.location().isEmpty()) continue;
            Set<Entry> pool = new LinkedHashSet<>();
            for (String key : keys(heaviest(reconciler.catalogue(), entry.label()))) {
                pool.addAll(blocks.get(entry.kind()).getOrDefault(key, List.of()));
            }
            ReconcileQuery query = new ReconcileQuery(entry.label(), List.of(), 1, List.of(), Set.of(entry.kind()),
                    Optional.of(entry.iri()));
            List<Candidate> candidates = reconciler.reconcileAmong(query, pool);
            if (candidates.isEmpty() || !candidates.get(0).match()) continue;
            Entry other = candidates.get(0).entry();
            if (!pairs.add(Set.of(entry.id(), other.id()))) continue;
            boolean later = other.location().isEmpty() || entry.location().get().compareTo(other.location().get()) > 0;
            found.add(later ? new Duplicate(entry, other, candidates.get(0).score())
                    : new Duplicate(other, entry, candidates.get(0).score()));
        }
        found.sort(Comparator.comparing((Duplicate d) -> d.entry().location().orElseThrow()));
        return found;
    }

    /**
     * The heaviest words of a label ({@link Catalogue#weight}), as many as it takes to make {@value #KEY_SHARE} of its
     * weight. A name that shares none of them, nor a typo of one, can neither be the match nor stop one: the words it
     * could share weigh at most 55% of the label, and a soft Dice over 55% of the words is at most
     * 2·0.55 / (1 + 0.55) ≈ 0.71, below 75, the least score that is within {@link MatchRule#MARGIN} of a match
     * ({@link MatchRule#THRESHOLD}). So the result is the one a search of every entity would give. Usually the rarest
     * word alone is enough (the number in {@code Synthetic Region 123}, {@code Tsinghua} in {@code Tsinghua University}).
     */
    private static List<String> heaviest(Catalogue catalogue, String label) {
        List<String> words = NameForms.words(label);
        double total = words.stream().mapToDouble(catalogue::weight).sum();
        List<String> byWeight = words.stream().distinct()
                .sorted(Comparator.comparingDouble((String w) -> -catalogue.weight(w)).thenComparing(w -> w)).toList();
        List<String> heaviest = new ArrayList<>();
        double taken = 0;
        for (String word : byWeight) {
            if (taken >= total * KEY_SHARE) break;
            heaviest.add(word);
            taken += catalogue.weight(word);
        }
        return heaviest;
    }

    /**
     * The words that are not form words (all of them if there is no other), each with the keys of every word
     * {@link NameScorer#words} finds alike: its prefixes of 4 letters or more, its one-letter deletions (words of 5
     * letters or more) and two-letter deletions (8 or more). Two words one or two edits apart share a deletion, and a
     * prefix is a key of the longer word.
     */
    private static Set<String> keys(List<String> words) {
        Set<String> keys = new HashSet<>();
        List<String> telling = words.stream().filter(w -> !NameForms.isFormWord(w)).toList();
        for (String word : telling.isEmpty() ? words : telling) {
            keys.add(word);
            for (int end = 4; end < word.length(); end++) keys.add(word.substring(0, end));
            if (word.length() >= 5) {
                for (int i = 0; i < word.length(); i++) {
                    String deleted = word.substring(0, i) + word.substring(i + 1);
                    keys.add(deleted);
                    if (word.length() >= 8) {
                        for (int j = i; j < deleted.length(); j++) keys.add(deleted.substring(0, j) + deleted.substring(j + 1));
                    }
                }
            }
        }
        return keys;
    }
}

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
 * is compared with the entities of its kind that have one of the two heaviest words of its label, or such a word one
 * edit away (a word and its one-letter deletions are the keys, so two words one typo apart always share one); form
 * words ({@code university}, {@code ministry}, …) are keys only of names made of nothing else. A name that shares
 * neither heavy word scores below the match threshold anyway: see {@code heaviest}.
 */
public final class DuplicateCheck {
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
     * The two words of a label that weigh most ({@link Catalogue#weight}): a name that matches neither of them (nor a
     * typo of them) cannot score a match, since either weighs at least a tenth of the whole unless the name has ten
     * words or more.
     */
    private static List<String> heaviest(Catalogue catalogue, String label) {
        List<String> words = NameForms.words(label);
        if (words.size() >= 10) return words;
        return words.stream().distinct().sorted(Comparator.comparingDouble((String w) -> -catalogue.weight(w)).thenComparing(w -> w))
                .limit(2).toList();
    }

    /**
     * The words that are not form words (all of them if there is no other) and, for words of 5 letters or more (the
     * ones a typo may be forgiven in), their one-letter deletions.
     */
    private static Set<String> keys(List<String> words) {
        Set<String> keys = new HashSet<>();
        List<String> telling = words.stream().filter(w -> !NameForms.isFormWord(w)).toList();
        for (String word : telling.isEmpty() ? words : telling) {
            keys.add(word);
            if (word.length() >= 5) {
                for (int i = 0; i < word.length(); i++) keys.add(word.substring(0, i) + word.substring(i + 1));
            }
        }
        return keys;
    }
}

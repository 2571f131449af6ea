package org.coopkg.reconcile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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
 * are keys only of names made of nothing else. A name that shares none of the heavy words scores below the match
 * threshold anyway: see {@code heaviest}. Of those, only the entities whose names could score
 * {@value #LEAST_SCORE_THAT_COUNTS} or more are scored: see {@code mayCount}. Without that bound the check grew with
 * the square of the data (a minute and a half at scale 1000), as every name sharing a common heavy word was scored.
 */
public final class DuplicateCheck {
    /** The share of a label's weight its key words make: see {@code heaviest}. */
    static final double KEY_SHARE = 0.45;

    /**
     * The least name score that can make a match or stop one: a match needs {@link MatchRule#THRESHOLD}, and a second
     * candidate stops it only when within {@link MatchRule#MARGIN}; one point lower, for the rounding of scores.
     */
    static final double LEAST_SCORE_THAT_COUNTS = MatchRule.THRESHOLD - MatchRule.MARGIN - 1;

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
        Catalogue catalogue = reconciler.catalogue();
        Map<String, List<Entry>> kinds = new HashMap<>();
        for (Entry entry : catalogue.entries()) kinds.computeIfAbsent(entry.kind(), k -> new ArrayList<>()).add(entry);
        Map<String, Vocabulary> byKind = new HashMap<>();
        kinds.forEach((kind, entries) -> byKind.put(kind, new Vocabulary(catalogue, entries)));
        return find(reconciler, entry -> byKind.get(entry.kind()).candidates(entry));
    }

    /**
     * Every likely duplicate, each row's label compared with the {@code candidates} of its entity. The rows are
     * matched in parallel ({@code candidates} must allow it), then paired in row order.
     */
    static List<Duplicate> find(Reconciler reconciler, Function<Entry, Collection<Entry>> candidates) {
        List<Entry> rows = reconciler.catalogue().entries().stream().filter(e -> e.location().isPresent()).toList();
        List<Optional<Candidate>> matches = rows.parallelStream().map(entry -> {
            ReconcileQuery query = new ReconcileQuery(entry.label(), List.of(), 1, List.of(), Set.of(entry.kind()),
                    Optional.of(entry.iri()));
            List<Candidate> ranked = reconciler.reconcileAmong(query, candidates.apply(entry));
            return ranked.isEmpty() || !ranked.get(0).match() ? Optional.<Candidate>empty() : Optional.of(ranked.get(0));
        }).toList();
        List<Duplicate> found = new ArrayList<>();
        Set<Set<String>> pairs = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            if (matches.get(i).isEmpty()) continue;
            Entry entry = rows.get(i);
            Candidate match = matches.get(i).get();
            Entry other = match.entry();
            if (!pairs.add(Set.of(entry.id(), other.id()))) continue;
            boolean later = other.location().isEmpty() || entry.location().get().compareTo(other.location().get()) > 0;
            found.add(later ? new Duplicate(entry, other, match.score()) : new Duplicate(other, entry, match.score()));
        }
        found.sort(Comparator.comparing((Duplicate d) -> d.entry().location().orElseThrow()));
        return found;
    }

    /**
     * The words of one kind's names, to find the entities with a word alike one of a label's. Keys lead to words and
     * words to entities, not keys to entities: a word has tens of keys (prefixes and deletions), and at synthetic scale
     * 1000 the entities reached through every key of a label's words were 18 times as many as the distinct ones. Words
     * and entities are numbered, and a row's candidates marked in arrays, one set per thread ({@link Marks}): at that
     * scale a row reaches a hundred entities on average, and hash sets of them took most of the check's time.
     */
    private static final class Vocabulary {
        private static final int[] NO_WORDS = {};
        private final Catalogue catalogue;
        private final List<Entry> entities;
        /** Per entity, per name, its words' numbers. */
        private final int[][][] names;
        /**
         * Each name's words joined without spaces → the entities with that name: names equal once joined
         * ({@code Tsing Hua}, {@code Tsinghua}) need not share a word.
         */
        private final Map<String, List<Entry>> byJoinedName = new HashMap<>();
        private final double[] weights;
        /** Each key → the words of the names (form words too) that have it: which words a label's words may match. */
        private final Map<String, int[]> wordsByKey = new HashMap<>();
        /** Each word → the entities with it as a telling word: where candidates are found. */
        private final int[][] entitiesByWord;
        private final ThreadLocal<Marks> marks;

        Vocabulary(Catalogue catalogue, List<Entry> entities) {
            this.catalogue = catalogue;
            this.entities = entities;
            this.names = new int[entities.size()][][];
            List<String> words = new ArrayList<>();
            Map<String, Integer> numbers = new HashMap<>();
            Map<String, List<String>> wordsOfKey = new HashMap<>();
            List<List<Integer>> postings = new ArrayList<>();
            for (int e = 0; e < entities.size(); e++) {
                List<List<String>> ofEntity = catalogue.nameWords(entities.get(e));
                names[e] = new int[ofEntity.size()][];
                Set<Integer> telling = new LinkedHashSet<>();
                for (int n = 0; n < ofEntity.size(); n++) {
                    List<String> name = ofEntity.get(n);
                    names[e][n] = new int[name.size()];
                    byJoinedName.computeIfAbsent(String.join("", name), k -> new ArrayList<>()).add(entities.get(e));
                    for (int i = 0; i < name.size(); i++) {
                        String word = name.get(i);
                        Integer number = numbers.get(word);
                        if (number == null) {
                            number = words.size();
                            numbers.put(word, number);
                            words.add(word);
                            postings.add(new ArrayList<>());
                            for (String key : keys(word)) wordsOfKey.computeIfAbsent(key, k -> new ArrayList<>()).add(word);
                        }
                        names[e][n][i] = number;
                    }
                    telling(name).forEach(w -> telling.add(numbers.get(w)));
                }
                for (int word : telling) postings.get(word).add(e);
            }
            wordsOfKey.forEach((key, ofKey) -> wordsByKey.put(key, ofKey.stream().mapToInt(numbers::get).toArray()));
            this.weights = words.stream().mapToDouble(catalogue::weight).toArray();
            this.entitiesByWord = postings.stream().map(p -> p.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
            this.marks = ThreadLocal.withInitial(() -> new Marks(words.size(), entities.size()));
        }

        /** The entities whose names may score {@value #LEAST_SCORE_THAT_COUNTS} or more against the row's label. */
        Collection<Entry> candidates(Entry entry) {
            Marks m = marks.get();
            int row = ++m.row;
            List<String> label = catalogue.nameWords(entry).get(0); // the label is the first of its names
            Set<Entry> found = new LinkedHashSet<>();
            List<String> raw = NameForms.rawWords(entry.label());
            if (raw.size() == 1) found.addAll(catalogue.withAcronym(raw.get(0)));
            String joined = String.join("", label);
            found.addAll(byJoinedName.getOrDefault(joined, List.of()));
            List<Integer> marked = markAlikeness(label, m.alikeness);
            double[] labelWeights = label.stream().mapToDouble(catalogue::weight).toArray();
            double labelWeight = Arrays.stream(labelWeights).sum();
            for (String word : telling(heaviest(catalogue, label))) {
                for (String key : keys(word)) {
                    for (int alike : wordsByKey.getOrDefault(key, NO_WORDS)) {
                        if (m.wordReached[alike] == row) continue;
                        m.wordReached[alike] = row;
                        for (int e : entitiesByWord[alike]) {
                            if (m.entityReached[e] == row) continue;
                            m.entityReached[e] = row;
                            if (label.size() > Long.SIZE || mayCount(e, labelWeights, labelWeight, m.alikeness)) {
                                found.add(entities.get(e));
                            }
                        }
                    }
                }
            }
            marked.forEach(word -> m.alikeness[word] = 0);
            return found;
        }

        /** Sets {@code alikeness} for the words that share a key with the label's; returns them, to clear them after. */
        private List<Integer> markAlikeness(List<String> label, long[] alikeness) {
            List<Integer> marked = new ArrayList<>();
            for (int i = 0; i < label.size() && i < Long.SIZE; i++) {
                long bit = 1L << i;
                for (String key : keys(label.get(i))) {
                    for (int word : wordsByKey.getOrDefault(key, NO_WORDS)) {
                        if (alikeness[word] == 0) marked.add(word);
                        alikeness[word] |= bit;
                    }
                }
            }
            return marked;
        }

        /**
         * Whether a name of entity {@code e} may score {@value #LEAST_SCORE_THAT_COUNTS} or more. {@link NameScorer#similarity}
         * adds the weights of the words it pairs, times how alike they are (at most 1), and divides by the weight of both
         * names; only words that share a key can pair. So the weight of the label's words that share a key with a word
         * of the name, plus that of the name's words that share one with the label, over both weights, bounds it (names
         * equal once joined, which score 0.97 whatever their words, are found by {@code byJoinedName}).
         */
        private boolean mayCount(int e, double[] labelWeights, double labelWeight, long[] alikeness) {
            for (int[] name : names[e]) {
                long paired = 0;
                double nameWeight = 0;
                double pairable = 0;
                for (int word : name) {
                    nameWeight += weights[word];
                    if (alikeness[word] != 0) {
                        pairable += weights[word];
                        paired |= alikeness[word];
                    }
                }
                for (int i = 0; i < labelWeights.length; i++) {
                    if ((paired >>> i & 1) != 0) pairable += labelWeights[i];
                }
                double total = labelWeight + nameWeight;
                if (total > 0 && 100 * pairable / total >= LEAST_SCORE_THAT_COUNTS) return true;
            }
            return false;
        }
    }

    /** One thread's marks while it checks rows: cleared by numbering the rows, not by filling the arrays. */
    private static final class Marks {
        /** Per word, the label words it shares a key with (bit i: the label's word i), for the row being checked. */
        final long[] alikeness;
        /** Per word and per entity, the last row that reached it. */
        final int[] wordReached;
        final int[] entityReached;
        int row;

        Marks(int words, int entities) {
            this.alikeness = new long[words];
            this.wordReached = new int[words];
            this.entityReached = new int[entities];
        }
    }

    /**
     * The heaviest words of a label ({@link Catalogue#weight}), as many as it takes to make {@value #KEY_SHARE} of its
     * weight. A name that shares none of them, nor a typo of one, can neither be the match nor stop one: the words it
     * could share weigh at most 55% of the label, and a soft Dice over 55% of the words is at most
     * 2·0.55 / (1 + 0.55) ≈ 0.71, below 75, the least score that is within {@link MatchRule#MARGIN} of a match
     * ({@link MatchRule#THRESHOLD}). So the result is the one a search of every entity would give, with one exception
     * this bound leaves open: it weighs a paired word of the other name as the label's word it pairs with, which holds
     * for the same word but not for a misspelling much rarer than the word it resembles. Usually the rarest word alone
     * is enough (the number in {@code Synthetic Region 123}, {@code Tsinghua} in {@code Tsinghua University}).
     */
    private static List<String> heaviest(Catalogue catalogue, List<String> words) {
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

    /** The words that are not form words, or all of them if there is no other. */
    private static List<String> telling(List<String> words) {
        List<String> telling = words.stream().filter(w -> !NameForms.isFormWord(w)).toList();
        return telling.isEmpty() ? words : telling;
    }

    /**
     * The word and the keys of every word {@link NameScorer#words} finds alike: its prefixes of 4 letters or more, its
     * one-letter deletions (words of 5 letters or more) and two-letter deletions (8 or more). Two words one or two
     * edits apart share a deletion, and a prefix is a key of the longer word.
     */
    private static Set<String> keys(String word) {
        Set<String> keys = new HashSet<>();
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
        return keys;
    }
}

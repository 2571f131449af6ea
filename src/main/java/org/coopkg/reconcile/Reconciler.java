package org.coopkg.reconcile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.core.CoopIris;
import org.coopkg.core.ExternalDataset;
import org.coopkg.core.LinkPredicate;
import org.coopkg.core.Ontology;
import org.coopkg.store.TextSearch;

/**
 * Matches names as people type them to entities: the one scoring code of the reconciliation service, of
 * {@code coopkg reconcile} and of the loader's duplicate check.
 *
 * <ol>
 * <li><b>Candidates</b> come from the full-text index ({@link CandidateSearch}), from the acronyms of the labels
 * (a query of one word that is the initials of a label: {@code CAS}), from an entity id or IRI given as the name,
 * and from the outside identifiers of the query's properties.</li>
 * <li><b>Name score</b>, 0–100: the best {@link NameScorer} similarity of the query to the label or an alternative
 * label (curated acronyms such as {@code FAST} are alternative labels, so they score 100);
 * {@value #DERIVED_ACRONYM} for an acronym derived from the label; a query found only in the description scores
 * the share of its words there, at most {@value #DESCRIPTION_MAX}; an id or IRI scores 100.</li>
 * <li><b>Properties</b> move the score: a country or place the entity is known to be in adds {@value #AGREES};
 * one it is known not to be in takes off {@value #COUNTRY_DISAGREES} (country) or {@value #PLACE_DISAGREES}
 * (city); a place inside one of the entity's places, or an entity with no known place, changes nothing. An
 * outside identifier (Wikidata, ROR, GeoNames) the entity is linked to with {@code owl:sameAs} or
 * {@code skos:exactMatch} makes the score 100 whatever the name says; with {@code skos:closeMatch}, at least
 * {@value #CLOSE_LINK}; an entity linked to another identifier of that data set loses {@value #OTHER_LINK}.</li>
 * <li><b>Filters</b>: a type keeps entities of that class or a subclass; scores are clamped to 0–100; the best
 * candidate is the match by {@link MatchRule}, judged over every candidate before the limit cuts the list.</li>
 * </ol>
 * A query of properties only (no name) lists the entities in the places it names at {@value #PLACE_ONLY}, or the
 * entities linked to its identifiers.
 */
public final class Reconciler {
    static final double DERIVED_ACRONYM = 85;
    static final double DESCRIPTION_MAX = 30;
    static final double AGREES = 5;
    static final double COUNTRY_DISAGREES = 30;
    static final double PLACE_DISAGREES = 20;
    static final double CLOSE_LINK = 85;
    static final double OTHER_LINK = 50;
    static final double PLACE_ONLY = 50;

    private final Catalogue catalogue;
    private final Types types;
    private final Supplier<TextIndex> index;
    private CandidateSearch search;
    private final NameScorer scorer;

    /** {@code index}: the full-text index of the data, asked for on the first {@link #reconcile} (never by the duplicate check). */
    public Reconciler(Catalogue catalogue, Types types, Supplier<TextIndex> index) {
        this.catalogue = catalogue;
        this.types = types;
        this.index = index;
        this.scorer = new NameScorer(catalogue::weight);
    }

    private synchronized CandidateSearch search() {
        if (search == null) search = new CandidateSearch(index.get());
        return search;
    }

    /**
     * The reconciler of a dataset served under {@code iris}: its entities, the ontology's classes, and its full-text
     * index (the one the dataset was wrapped with, or a new one of its default graph).
     */
    public static Reconciler of(DatasetGraph dataset, CoopIris iris) {
        return new Reconciler(Catalogue.of(dataset, iris), Types.of(Ontology.graph()), () -> TextSearch.indexOf(dataset));
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public Types types() {
        return types;
    }

    /** The candidates of one query, best first, at most its limit; only the first may be the match. */
    public List<Candidate> reconcile(ReconcileQuery query) {
        Map<Entry, Double> base = new LinkedHashMap<>();
        if (!query.text().isEmpty()) byName(query.text(), base);
        Map<Entry, Boolean> exactLinks = byIdentifiers(query, base);
        if (query.text().isEmpty() && exactLinks.isEmpty()) byPlaces(query, base);
        return ranked(query, base, exactLinks);
    }

    /**
     * The candidates of a name query among the given entities only, scored and judged exactly as by
     * {@link #reconcile}: for the duplicate check, which compares every row with the rows that share a word with it
     * ({@link DuplicateCheck}) rather than asking the full-text index once per row.
     */
    List<Candidate> reconcileAmong(ReconcileQuery query, Collection<Entry> pool) {
        List<String> words = NameForms.words(query.text());
        Map<Entry, Double> base = new LinkedHashMap<>();
        List<String> raw = NameForms.rawWords(query.text());
        for (Entry e : pool) {
            // Descriptions score at most DESCRIPTION_MAX, far below what could stop a match: left out here.
            double score = 100 * bestNameSimilarity(words, e);
            if (raw.size() == 1 && catalogue.withAcronym(raw.get(0)).contains(e)) score = Math.max(score, DERIVED_ACRONYM);
            base.put(e, score);
        }
        return ranked(query, base, Map.of());
    }

    private List<Candidate> ranked(ReconcileQuery query, Map<Entry, Double> base, Map<Entry, Boolean> exactLinks) {
        List<Candidate> scored = new ArrayList<>();
        for (Map.Entry<Entry, Double> e : base.entrySet()) {
            Entry entry = e.getKey();
            if (!admitted(query, entry)) continue;
            scored.add(score(query, entry, e.getValue(), exactLinks.getOrDefault(entry, false)));
        }
        scored.sort(Comparator.comparingDouble((Candidate c) -> -c.score()).thenComparing(c -> c.entry().label())
                .thenComparing(c -> c.entry().id()));
        List<Candidate> result = new ArrayList<>();
        for (int i = 0; i < scored.size() && i < query.limit(); i++) {
            Candidate c = scored.get(i);
            boolean match = i == 0 && MatchRule.isMatch(c.score(), scored.size() > 1 ? scored.get(1).score() : null);
            result.add(new Candidate(c.entry(), c.score(), match, c.features()));
        }
        return result;
    }

    private void byName(String text, Map<Entry, Double> base) {
        List<String> words = NameForms.words(text);
        catalogue.entry(text).ifPresent(e -> base.put(e, 100.0));
        for (Node iri : search().search(text)) catalogue.entry(iri).ifPresent(e -> base.putIfAbsent(e, nameScore(words, e)));
        List<String> raw = NameForms.rawWords(text);
        if (raw.size() == 1) {
            for (Entry e : catalogue.withAcronym(raw.get(0))) base.merge(e, DERIVED_ACRONYM, Math::max);
        }
    }

    /** The name score of one entity: see the class comment. */
    double nameScore(List<String> words, Entry entry) {
        double byName = 100 * bestNameSimilarity(words, entry);
        return byName >= DESCRIPTION_MAX ? byName : Math.max(byName, descriptionScore(words, entry));
    }

    private double bestNameSimilarity(List<String> words, Entry entry) {
        double best = 0;
        for (List<String> name : catalogue.nameWords(entry)) best = Math.max(best, scorer.similarity(words, name));
        return best;
    }

    private double descriptionScore(List<String> words, Entry entry) {
        List<String> description = catalogue.descriptionWords(entry);
        if (description.isEmpty() || words.isEmpty()) return 0;
        double found = 0;
        double all = 0;
        for (String word : words) {
            double w = catalogue.weight(word);
            all += w;
            found += w * description.stream().mapToDouble(d -> NameScorer.words(word, d)).max().orElse(0);
        }
        return all == 0 ? 0 : DESCRIPTION_MAX * found / all;
    }

    /** Adds the entities linked to the query's identifiers; returns which are linked as the same thing (true) or close. */
    private Map<Entry, Boolean> byIdentifiers(ReconcileQuery query, Map<Entry, Double> base) {
        Map<Entry, Boolean> linked = new LinkedHashMap<>();
        for (ReconcileQuery.Constraint c : query.properties()) {
            Optional<ExternalDataset> dataset = c.property().dataset();
            if (dataset.isEmpty()) continue;
            for (String value : c.values()) {
                Optional<String> id = QueryProperty.identifier(dataset.get(), value);
                if (id.isEmpty()) continue;
                for (Entry e : catalogue.linkedTo(dataset.get(), id.get())) {
                    LinkPredicate how = e.links().get(dataset.get()).get(id.get());
                    boolean same = how != LinkPredicate.CLOSE_MATCH;
                    linked.merge(e, same, Boolean::logicalOr);
                    base.merge(e, same ? 100.0 : CLOSE_LINK, Math::max);
                }
            }
        }
        return linked;
    }

    private void byPlaces(ReconcileQuery query, Map<Entry, Double> base) {
        Set<Node> places = new HashSet<>();
        for (ReconcileQuery.Constraint c : query.properties()) {
            if (c.property().dataset().isEmpty()) c.values().forEach(v -> places.addAll(catalogue.places(v)));
        }
        if (places.isEmpty()) return;
        for (Entry e : catalogue.entries()) {
            if (e.places().stream().anyMatch(places::contains)) base.put(e, PLACE_ONLY);
        }
    }

    private boolean admitted(ReconcileQuery query, Entry entry) {
        if (query.excluded().map(entry.iri()::equals).orElse(false)) return false;
        if (!query.kinds().isEmpty() && !query.kinds().contains(entry.kind())) return false;
        return query.types().isEmpty() || query.types().stream().anyMatch(t -> entry.hasType(t.iri()));
    }

    private Candidate score(ReconcileQuery query, Entry entry, double nameScore, boolean exactLink) {
        List<Candidate.Feature> features = new ArrayList<>();
        features.add(new Candidate.Feature("name", round(nameScore)));
        double score = nameScore;
        for (ReconcileQuery.Constraint c : query.properties()) {
            Optional<Boolean> agrees = c.property().dataset().isPresent() ? linkAgrees(c, entry) : placeAgrees(c, entry);
            if (agrees.isEmpty()) continue;
            features.add(new Candidate.Feature(c.property().id(), agrees.get()));
            if (c.property().dataset().isPresent()) {
                if (!agrees.get()) score -= OTHER_LINK;
            } else if (agrees.get()) {
                score += AGREES;
            } else {
                score -= c.property() == QueryProperty.COUNTRY ? COUNTRY_DISAGREES : PLACE_DISAGREES;
            }
        }
        if (exactLink) score = 100;
        return new Candidate(entry, round(Math.max(0, Math.min(100, score))), false, features);
    }

    /** Whether the entity is linked to one of the identifiers; empty when none parses or it has no link to that data set. */
    private static Optional<Boolean> linkAgrees(ReconcileQuery.Constraint c, Entry entry) {
        ExternalDataset dataset = c.property().dataset().orElseThrow();
        List<String> ids = c.values().stream().map(v -> QueryProperty.identifier(dataset, v)).flatMap(Optional::stream).toList();
        Map<String, LinkPredicate> links = entry.links().get(dataset);
        if (ids.isEmpty() || links == null || links.isEmpty()) return Optional.empty();
        return Optional.of(ids.stream().anyMatch(links::containsKey));
    }

    /** Whether the entity is in one of the places named; empty when that cannot be told. */
    private Optional<Boolean> placeAgrees(ReconcileQuery.Constraint c, Entry entry) {
        Set<Node> named = new HashSet<>();
        c.values().forEach(v -> named.addAll(catalogue.places(v)));
        Set<Node> known = c.property() == QueryProperty.COUNTRY ? entry.countries() : entry.places();
        if (named.isEmpty() || known.isEmpty()) return Optional.empty();
        if (named.stream().anyMatch(known::contains)) return Optional.of(true);
        boolean inside = named.stream().map(catalogue::entry).flatMap(Optional::stream)
                .anyMatch(place -> place.places().stream().anyMatch(known::contains));
        return inside ? Optional.empty() : Optional.of(false);
    }

    private static double round(double score) {
        return Math.round(score * 10) / 10.0;
    }
}

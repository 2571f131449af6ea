package org.coopkg.reconcile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.coopkg.core.CoopIris;
import org.coopkg.core.ExternalDataset;
import org.coopkg.core.vocab.Coop;

/**
 * Every entity that can be reconciled, read once from the served data (its default graph, the union), with what
 * matching needs at hand: the words of each name, how rare each word is among all names, the acronyms the labels
 * may be typed as, the entities behind each outside identifier, and the places a property value may name. The
 * kinds reconciled are the things people name in spreadsheets: organisations (joint laboratories among them),
 * people, facilities, programmes and projects, agreements, events, places and concepts (topics, roles); posts,
 * agreement parties, figures and sources are not.
 */
public final class Catalogue {
    /** The kinds of entity ({@code {base}id/{kind}/…}) that are reconciled. */
    public static final Set<String> KINDS = Set.of("organisation", "person", "facility", "project", "agreement", "lab",
            "event", "place", "concept");
    /** Form words weigh this share of their rarity: see {@link NameScorer}. */
    static final double FORM_WORD_WEIGHT = 0.25;

    private final CoopIris iris;
    private final Map<String, Entry> byId;
    private final Map<Node, Entry> byIri = new HashMap<>();
    private final Map<String, List<List<String>>> words = new HashMap<>();
    private final Map<String, List<String>> descriptionWords = new HashMap<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final Map<String, List<Entry>> byAcronym = new HashMap<>();
    private final Map<ExternalDataset, Map<String, List<Entry>>> byLink = new HashMap<>();
    private final Map<String, Set<Node>> placesByKey = new HashMap<>();

    private Catalogue(CoopIris iris, Map<String, Entry> entries, Map<Node, String> isoCodes) {
        this.iris = iris;
        this.byId = Collections.unmodifiableMap(entries);
        for (Entry entry : entries.values()) {
            byIri.put(entry.iri(), entry);
            List<List<String>> names = entry.names().stream().map(NameForms::words).toList();
            words.put(entry.id(), names);
            descriptionWords.put(entry.id(), NameForms.words(entry.description()));
            Set<String> distinct = new HashSet<>();
            names.forEach(distinct::addAll);
            distinct.forEach(w -> documentFrequency.merge(w, 1, Integer::sum));
            NameForms.acronyms(entry.label()).forEach(a -> byAcronym.computeIfAbsent(a, k -> new ArrayList<>()).add(entry));
            entry.links().forEach((dataset, ids) -> ids.keySet().forEach(id ->
                    byLink.computeIfAbsent(dataset, k -> new HashMap<>()).computeIfAbsent(id, k -> new ArrayList<>()).add(entry)));
            if (entry.kind().equals("place")) indexPlace(entry, isoCodes.get(entry.iri()));
        }
    }

    /** The catalogue of a dataset served under {@code iris}, read in a transaction where the dataset has them. */
    public static Catalogue of(DatasetGraph dataset, CoopIris iris) {
        return dataset.supportsTransactions() && !dataset.isInTransaction()
                ? Txn.calculateRead(dataset, () -> read(dataset, iris)) : read(dataset, iris);
    }

    private static Catalogue read(DatasetGraph dataset, CoopIris iris) {
        EntryReader reader = new EntryReader(dataset, iris);
        Map<String, Entry> entries = new TreeMap<>();
        Graph union = dataset.getDefaultGraph();
        Set<Node> seen = new HashSet<>();
        union.find(Node.ANY, RDFS.label.asNode(), Node.ANY).forEachRemaining(t -> {
            Node subject = t.getSubject();
            if (!seen.add(subject) || !subject.isURI()) return;
            Optional<String> kind = iris.kindOf(subject.getURI());
            if (kind.isEmpty() || !KINDS.contains(kind.get())) return;
            Entry entry = reader.entry(subject, kind.get());
            entries.put(entry.id(), entry);
        });
        Map<Node, Node> codes = new HashMap<>();
        union.find(Node.ANY, Coop.isoCode.asNode(), Node.ANY).forEachRemaining(t -> codes.put(t.getSubject(), t.getObject()));
        Map<Node, String> isoCodes = new HashMap<>();
        codes.forEach((place, code) -> {
            if (code.isLiteral()) isoCodes.put(place, code.getLiteralLexicalForm());
        });
        return new Catalogue(iris, new LinkedHashMap<>(entries), isoCodes);
    }

    private void indexPlace(Entry place, String isoCode) {
        List<String> keys = new ArrayList<>();
        place.names().forEach(n -> keys.add(NameForms.key(n)));
        keys.add(place.id());
        keys.add(place.iri().getURI());
        if (isoCode != null) keys.add(isoCode.toLowerCase(Locale.ROOT));
        place.links().forEach((dataset, ids) -> ids.keySet().forEach(id -> keys.add(id.toLowerCase(Locale.ROOT))));
        keys.forEach(k -> placesByKey.computeIfAbsent(k, x -> new HashSet<>()).add(place.iri()));
    }

    public CoopIris iris() {
        return iris;
    }

    public Collection<Entry> entries() {
        return byId.values();
    }

    public int size() {
        return byId.size();
    }

    /** The entity of an id ({@code organisation/x}) or of a whole IRI. */
    public Optional<Entry> entry(String idOrIri) {
        if (idOrIri == null) return Optional.empty();
        String text = idOrIri.strip();
        Entry entry = byId.get(text);
        if (entry == null) entry = byIri.get(NodeFactory.createURI(text));
        return Optional.ofNullable(entry);
    }

    public Optional<Entry> entry(Node iri) {
        return Optional.ofNullable(byIri.get(iri));
    }

    /** The comparable words of each of the entity's names, label first. */
    List<List<String>> nameWords(Entry entry) {
        return words.getOrDefault(entry.id(), List.of());
    }

    /** The comparable words of the entity's description. */
    List<String> descriptionWords(Entry entry) {
        return descriptionWords.getOrDefault(entry.id(), List.of());
    }

    /** How much a word tells: its rarity among the names, {@code ln(1 + N/df)}, a form word's lowered. */
    double weight(String word) {
        int df = documentFrequency.getOrDefault(word, 0);
        double rarity = Math.log(1 + (double) Math.max(byId.size(), 1) / Math.max(df, 1));
        return NameForms.isFormWord(word) ? rarity * FORM_WORD_WEIGHT : rarity;
    }

    /** The entities whose label's initials are {@code acronym} (lower case). */
    List<Entry> withAcronym(String acronym) {
        return byAcronym.getOrDefault(acronym, List.of());
    }

    /** The entities linked to {@code identifier} in {@code dataset}. */
    List<Entry> linkedTo(ExternalDataset dataset, String identifier) {
        return byLink.getOrDefault(dataset, Map.of()).getOrDefault(identifier, List.of());
    }

    /**
     * The places a property value names: by id or IRI, name or alternative name, ISO 3166-1 code, or Wikidata or
     * GeoNames identifier or IRI. Empty when it names none.
     */
    Set<Node> places(String value) {
        String text = value.strip();
        Optional<Entry> entry = entry(text);
        if (entry.isPresent() && entry.get().kind().equals("place")) return Set.of(entry.get().iri());
        Set<Node> found = placesByKey.get(text.toLowerCase(Locale.ROOT));
        if (found == null) found = placesByKey.get(NameForms.key(text));
        if (found == null) {
            found = ExternalDataset.of(text).map(d -> placesByKey.get(d.identifier(text).toLowerCase(Locale.ROOT))).orElse(null);
        }
        return found == null ? Set.of() : found;
    }

    /** The id of an entity IRI ({@code organisation/x}), whether or not it is reconciled. */
    public Optional<String> idOf(Node iri) {
        return iri.isURI() ? iris.localPath(iri.getURI()) : Optional.empty();
    }
}

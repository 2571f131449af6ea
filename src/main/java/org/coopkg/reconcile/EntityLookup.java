package org.coopkg.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.coopkg.core.CoopIris;

/**
 * Finds entities of every kind by what a person types of their name, for completion in the query editor: every typed
 * word must begin a word of the entity's name or other name ({@code max pla} finds the Max Planck Society), or be one
 * edit away from one ({@code tsinhua} finds Tsinghua University). Candidates come from the full-text index
 * ({@link CandidateSearch#completions}); they are ranked by how well a name matches ({@link NameMatch}: the whole
 * name, its beginning, each word's beginning in order, in any order, then near spellings), then by how connected the
 * entity is (the statements that link it with others), then by the index's score.
 */
public final class EntityLookup {
    /** One entity found: its IRI, name, kind ({@code person}) and description (empty if it has none). */
    public record Match(String iri, String label, String kind, String description, int links) {}

    private final DatasetGraph dataset;
    private final CandidateSearch search;

    private EntityLookup(DatasetGraph dataset, CandidateSearch search) {
        this.dataset = dataset;
        this.search = search;
    }

    /** The lookup over a dataset that carries a full-text index ({@code TextSearch}), if it carries one. */
    public static Optional<EntityLookup> of(DatasetGraph dataset) {
        return dataset instanceof DatasetGraphText text
                ? Optional.of(new EntityLookup(dataset, new CandidateSearch(text.getTextIndex()))) : Optional.empty();
    }

    /**
     * The best {@code limit} entities for {@code typed}, of the given kind if {@code kind} is not empty. Words of
     * one or two letters are matched as prefixes only; nothing typed finds nothing.
     */
    public List<Match> find(String typed, String kind, int limit) {
        List<String> words = NameForms.rawWords(typed);
        if (words.isEmpty()) return List.of();
        Map<Node, Float> scores = search.completions(typed);
        return read(() -> rank(words, kind, limit, scores));
    }

    private List<Match> rank(List<String> words, String kind, int limit, Map<Node, Float> scores) {
        // The loader declares id: as {base}id/, the entity space; data without it has no entities to find.
        String entitySpace = dataset.prefixes().get(CoopIris.ENTITY_PREFIX);
        if (entitySpace == null) return List.of();
        CoopIris iris = CoopIris.ofEntitySpace(entitySpace);
        EntryReader reader = new EntryReader(dataset, iris);
        Graph union = dataset.getDefaultGraph();
        record Ranked(Match match, NameMatch nameMatch, float score) {}
        List<Ranked> ranked = new ArrayList<>();
        scores.forEach((node, score) -> {
            Optional<String> nodeKind = node.isURI() ? iris.kindOf(node.getURI()) : Optional.empty();
            if (nodeKind.isEmpty() || (!kind.isEmpty() && !kind.equals(nodeKind.get()))) return;
            NameMatch nameMatch = NameMatch.best(words, reader.names(node).stream().map(NameForms::rawWords).toList());
            String label = reader.best(node, RDFS.label.asNode()).orElse(node.getURI());
            String description = reader.best(node, DCTerms.description.asNode()).orElse("");
            ranked.add(new Ranked(new Match(node.getURI(), label, nodeKind.get(), description, links(union, node)),
                    nameMatch, score));
        });
        return ranked.stream()
                .sorted(Comparator.comparing(Ranked::nameMatch)
                        .thenComparing(r -> -r.match().links())
                        .thenComparing(r -> -r.score())
                        .thenComparing(r -> r.match().label()))
                .limit(limit).map(Ranked::match).toList();
    }

    /** Statements linking the entity with another resource, either way (its types and names not counted). */
    private static int links(Graph union, Node node) {
        int[] count = {0};
        union.find(node, Node.ANY, Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isURI() && !t.getPredicate().equals(RDF.Nodes.type)) count[0]++;
        });
        union.find(Node.ANY, Node.ANY, node).forEachRemaining(t -> count[0]++);
        return count[0];
    }

    private <T> T read(Supplier<T> action) {
        return dataset.supportsTransactions() && !dataset.isInTransaction() ? Txn.calculateRead(dataset, action) : action.get();
    }
}

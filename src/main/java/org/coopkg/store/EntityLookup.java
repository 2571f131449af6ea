package org.coopkg.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.coopkg.core.CoopIris;
import org.coopkg.core.LabelOrder;

/**
 * Finds entities by what a person types of their name: every typed word must begin a word of the entity's name
 * or other name ({@code max pla} finds the Max Planck Society), or be one edit away from one ({@code tsinhua}
 * finds Tsinghua University). Candidates come from the full-text index ({@link TextSearch}); they are ranked by
 * how well the name matches (the whole name, its beginning, each word's beginning, then near spellings), then by
 * how connected the entity is (the statements that link it with others), then by the index's score.
 */
public final class EntityLookup {
    /** One entity found: its IRI, name, kind ({@code person}) and description (empty if it has none). */
    public record Match(String iri, String label, String kind, String description, int links) {}

    /** How many candidates the index is asked for before ranking. */
    private static final int CANDIDATES = 200;
    private static final Set<Node> NAME_FIELDS = Set.of(RDFS.label.asNode(), SKOS.altLabel.asNode());

    private final DatasetGraph dataset;
    private final TextIndex index;

    private EntityLookup(DatasetGraph dataset, TextIndex index) {
        this.dataset = dataset;
        this.index = index;
    }

    /** The lookup over a dataset that carries a full-text index ({@link TextSearch}), if it carries one. */
    public static Optional<EntityLookup> of(DatasetGraph dataset) {
        return dataset instanceof DatasetGraphText text ? Optional.of(new EntityLookup(dataset, text.getTextIndex()))
                : Optional.empty();
    }

    /**
     * The best {@code limit} entities for {@code typed}, of the given kind if {@code kind} is not empty. Words of
     * one letter are matched as prefixes only; nothing typed finds nothing.
     */
    public List<Match> find(String typed, String kind, int limit) {
        List<String> words = SearchText.words(typed);
        if (words.isEmpty()) return List.of();
        Map<Node, Float> scores = new LinkedHashMap<>();
        for (Node field : NAME_FIELDS) {
            for (TextHit hit : index.query(field, luceneQuery(words), null, null, CANDIDATES)) {
                scores.merge(hit.getNode(), hit.getScore(), Math::max);
            }
        }
        return read(() -> rank(words, kind, limit, scores));
    }

    private List<Match> rank(List<String> words, String kind, int limit, Map<Node, Float> scores) {
        Optional<CoopIris> iris = Optional.ofNullable(dataset.prefixes().get(CoopIris.ENTITY_PREFIX)).map(CoopIris::ofEntitySpace);
        Graph union = dataset.getDefaultGraph();
        record Ranked(Match match, int tier, float score) {}
        List<Ranked> ranked = new ArrayList<>();
        scores.forEach((node, score) -> {
            if (!node.isURI() || iris.isEmpty()) return;
            Optional<String> nodeKind = iris.get().kindOf(node.getURI());
            if (nodeKind.isEmpty() || (!kind.isEmpty() && !kind.equals(nodeKind.get()))) return;
            List<Node> names = new ArrayList<>();
            union.find(node, RDFS.label.asNode(), Node.ANY).forEachRemaining(t -> names.add(t.getObject()));
            union.find(node, SKOS.altLabel.asNode(), Node.ANY).forEachRemaining(t -> names.add(t.getObject()));
            int tier = names.stream().filter(Node::isLiteral).mapToInt(n -> tier(words, n.getLiteralLexicalForm()))
                    .min().orElse(4);
            String label = best(union, node, RDFS.label.asNode()).orElse(node.getURI());
            String description = best(union, node, DCTerms.description.asNode()).orElse("");
            ranked.add(new Ranked(new Match(node.getURI(), label, nodeKind.get(), description, links(union, node)), tier, score));
        });
        return ranked.stream()
                .sorted(Comparator.comparingInt(Ranked::tier)
                        .thenComparing(r -> -r.match().links())
                        .thenComparing(r -> -r.score())
                        .thenComparing(r -> r.match().label()))
                .limit(limit).map(Ranked::match).toList();
    }

    /**
     * How well a name matches the typed words: 0 the whole name, 1 its beginning, 2 every typed word begins a
     * word of the name in the order typed, 3 every typed word begins some word of it, 4 otherwise (a near spelling).
     */
    static int tier(List<String> typed, String name) {
        List<String> nameWords = SearchText.words(name);
        String typedText = String.join(" ", typed);
        String nameText = String.join(" ", nameWords);
        if (nameText.equals(typedText)) return 0;
        if (nameText.startsWith(typedText)) return 1;
        int from = 0;
        boolean inOrder = true;
        for (String w : typed) {
            int at = -1;
            for (int i = from; i < nameWords.size(); i++) {
                if (nameWords.get(i).startsWith(w)) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                inOrder = false;
                break;
            }
            from = at + 1;
        }
        if (inOrder) return 2;
        return typed.stream().allMatch(w -> nameWords.stream().anyMatch(n -> n.startsWith(w))) ? 3 : 4;
    }

    /**
     * Every word as a prefix or one or two edits away (two for words of six letters or more), all words required:
     * {@code (tsinhua* OR tsinhua~2) AND (univ* OR univ~1)}. Words are letters and digits only, so nothing in them
     * is Lucene syntax.
     */
    static String luceneQuery(List<String> words) {
        List<String> clauses = new ArrayList<>();
        for (String w : words) {
            if (w.length() < 3) clauses.add("(" + w + " OR " + w + "*)");
            else clauses.add("(" + w + "^2 OR " + w + "* OR " + w + "~" + (w.length() >= 6 ? 2 : 1) + ")");
        }
        return String.join(" AND ", clauses);
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

    private static Optional<String> best(Graph union, Node node, Node property) {
        List<Node> values = new ArrayList<>();
        union.find(node, property, Node.ANY).forEachRemaining(t -> values.add(t.getObject()));
        return values.stream().filter(Node::isLiteral).min(LabelOrder.ENGLISH_FIRST).map(Node::getLiteralLexicalForm);
    }

    private <T> T read(Supplier<T> action) {
        return dataset.supportsTransactions() && !dataset.isInTransaction() ? Txn.calculateRead(dataset, action) : action.get();
    }
}

package org.coopkg.reconcile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The first step of a reconciliation: the entities the full-text index (jena-text, Lucene; {@code TextSearch} in
 * the store) finds for the words of a query, in labels and alternative labels (where acronyms are) weighted three
 * times more than in descriptions. Each word is looked for as typed and as {@link NameForms} writes it (so
 * {@code Univ.} finds {@code University}); in names also as a prefix (from 3 letters) and with one edit (from 5
 * letters), so typos and short forms still find their entity; in descriptions as it is. (Fuzzy terms with two edits,
 * and fuzzy terms in descriptions, made a query ten times slower for no name found in the tests.) The index decides
 * what is considered; {@link NameScorer}, not Lucene's score, decides the order.
 */
final class CandidateSearch {
    /** Index hits read per query: each hit is one name or description of one entity. */
    static final int HITS = 200;
    private static final int MAX_WORDS = 16;

    private final TextIndex index;
    private final String label;
    private final String altLabel;
    private final String description;

    CandidateSearch(TextIndex index) {
        this.index = index;
        EntityDefinition fields = index.getDocDef();
        this.label = fields.getField(RDFS.label.asNode());
        this.altLabel = fields.getField(SKOS.altLabel.asNode());
        this.description = fields.getField(DCTerms.description.asNode());
    }

    /** The entity IRIs the index finds for the text, best Lucene hits first, each once. */
    Set<Node> search(String text) {
        Set<String> terms = new LinkedHashSet<>(NameForms.rawWords(text));
        terms.addAll(NameForms.allWords(text));
        List<String> limited = terms.stream().limit(MAX_WORDS).toList();
        Set<Node> found = new LinkedHashSet<>();
        if (limited.isEmpty()) return found;
        String names = String.join(" ", limited.stream().map(CandidateSearch::clause).toList());
        String lucene = field(label, names, 3) + " " + field(altLabel, names, 3) + " "
                + field(description, String.join(" ", limited), 1);
        for (TextHit hit : index.query(List.of(), lucene, null, null, HITS, null)) found.add(hit.getNode());
        return found;
    }

    private static String field(String field, String words, int boost) {
        return field == null ? "" : field + ":(" + words + ")^" + boost;
    }

    /** {@code word}, its prefix query and its fuzzy query: the words are letters and digits only, nothing to escape. */
    private static String clause(String word) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(word);
        if (word.length() >= 3) forms.add(word + "*");
        if (word.length() >= 5) forms.add(word + "~1");
        return forms.stream().collect(Collectors.joining(" "));
    }
}

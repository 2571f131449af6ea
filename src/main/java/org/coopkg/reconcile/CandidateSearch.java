package org.coopkg.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.coopkg.store.TextSearch;

/**
 * The first step of matching by name: the entities the full-text index (jena-text, Lucene; {@link TextSearch} in
 * the store) finds for what a person typed, in two ways. The index decides what is considered; the caller decides
 * the order ({@link NameScorer}, or {@link NameMatch} and connectedness).
 * <ul>
 * <li>{@link #search}, for a reconciliation: any word of a whole name, in labels and alternative labels (where
 * acronyms are) weighted three times more than in descriptions. Each word is looked for as typed and as
 * {@link NameForms} writes it (so {@code Univ.} finds {@code University}); in names also as a prefix (from 3 letters)
 * and with one edit (from 5 letters), so typos and short forms still find their entity; in descriptions as it is.
 * (Fuzzy terms with two edits, and fuzzy terms in descriptions, made a query ten times slower for no name found in
 * the tests.)</li>
 * <li>{@link #completions}, for a name still being typed: every word, as the index holds it, in one label or one
 * alternative label, as a prefix from the first letter or, from 3 letters, one edit away (two from 6 letters), the
 * word as typed weighing double its near spellings ({@code tsinhua univ}, {@code max pla}).</li>
 * </ul>
 */
final class CandidateSearch {
    /** Index hits read per query: each hit is one name or description of one entity. */
    static final int HITS = 200;
    private static final int MAX_WORDS = 16;
    /** How words of a whole name are looked for. */
    private static final WordForms RECONCILING = new WordForms(1, 3, 5, Integer.MAX_VALUE);
    /** How words of a name being typed are looked for: the last one is usually cut short. */
    private static final WordForms TYPING = new WordForms(2, 1, 3, 6);

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

    /** The entity IRIs the index finds for the words of a whole name, best Lucene hits first, each once. */
    Set<Node> search(String text) {
        Set<String> terms = new LinkedHashSet<>(NameForms.rawWords(text));
        terms.addAll(NameForms.allWords(text));
        List<String> limited = terms.stream().limit(MAX_WORDS).toList();
        Set<Node> found = new LinkedHashSet<>();
        if (limited.isEmpty()) return found;
        String names = limited.stream().map(RECONCILING::clause).collect(Collectors.joining(" "));
        String lucene = field(label, names, 3) + " " + field(altLabel, names, 3) + " "
                + field(description, String.join(" ", limited), 1);
        for (TextHit hit : hits(lucene)) found.add(hit.getNode());
        return found;
    }

    /**
     * The entity IRIs whose label or alternative label has every word {@code typed}, or a near spelling of it, with
     * the best Lucene score of each: {@value #HITS} hits at most per kind of name.
     */
    Map<Node, Float> completions(String typed) {
        List<String> terms = TextSearch.terms(typed);
        Map<Node, Float> found = new LinkedHashMap<>();
        if (terms.isEmpty()) return found;
        String every = terms.stream().map(TYPING::clause).collect(Collectors.joining(" AND "));
        for (String field : new String[] {label, altLabel}) {
            if (field == null) continue;
            for (TextHit hit : hits(field + ":(" + every + ")")) found.merge(hit.getNode(), hit.getScore(), Math::max);
        }
        return found;
    }

    private List<TextHit> hits(String lucene) {
        return index.query(List.of(), lucene, null, null, HITS, null);
    }

    private static String field(String field, String words, int boost) {
        return field == null ? "" : field + ":(" + words + ")^" + boost;
    }

    /**
     * How a word is looked for: as it is, as a prefix from {@code prefixFrom} letters, one edit away from
     * {@code oneEditFrom} letters, two from {@code twoEditsFrom}; where it has near spellings, the word as it is weighs
     * {@code boost} times more.
     */
    private record WordForms(int boost, int prefixFrom, int oneEditFrom, int twoEditsFrom) {
        String clause(String word) {
            int length = word.length();
            int edits = length >= twoEditsFrom ? 2 : length >= oneEditFrom ? 1 : 0;
            String term = QueryParserBase.escape(word);
            List<String> forms = new ArrayList<>();
            forms.add(edits > 0 && boost > 1 ? term + "^" + boost : term);
            if (length >= prefixFrom) forms.add(term + "*");
            if (edits > 0) forms.add(term + "~" + edits);
            return "(" + String.join(" OR ", forms) + ")";
        }
    }
}

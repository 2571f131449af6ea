package org.coopkg.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Auto-completion of entity names as they are typed ({@code prefix=}): an entity is suggested when every word typed
 * begins a word of one of its names, in any case and without accents ({@code tsing univ} → Tsinghua University),
 * or when the prefix begins its id. Names that begin with the whole prefix come first, then shorter names.
 */
public final class EntitySuggest {
    private final Catalogue catalogue;
    private final Map<String, List<List<String>>> words = new HashMap<>();

    public EntitySuggest(Catalogue catalogue) {
        this.catalogue = catalogue;
        for (Entry e : catalogue.entries()) words.put(e.id(), e.names().stream().map(NameForms::rawWords).toList());
    }

    /** The entities for a prefix, skipping {@code cursor} of them, at most {@code limit}. */
    public List<Entry> suggest(String prefix, int cursor, int limit) {
        List<String> typed = NameForms.rawWords(prefix);
        String id = prefix == null ? "" : prefix.strip();
        if (typed.isEmpty() && id.isEmpty()) return List.of();
        List<Map.Entry<Entry, Integer>> found = new ArrayList<>();
        for (Entry e : catalogue.entries()) {
            int rank = rank(typed, words.get(e.id()));
            if (rank < 0 && !id.isEmpty() && e.id().startsWith(id)) rank = 0;
            if (rank >= 0) found.add(Map.entry(e, rank));
        }
        found.sort(Comparator.comparingInt((Map.Entry<Entry, Integer> f) -> f.getValue())
                .thenComparingInt(f -> f.getKey().label().length()).thenComparing(f -> f.getKey().label()));
        return found.stream().skip(Math.max(cursor, 0)).limit(Math.max(limit, 0)).map(Map.Entry::getKey).toList();
    }

    /** 0: a name begins with the typed words; 1: every typed word begins a word of a name; -1: neither. */
    private static int rank(List<String> typed, List<List<String>> names) {
        if (typed.isEmpty()) return -1;
        NameMatch match = NameMatch.best(typed, names);
        return match.beginsName() ? 0 : match == NameMatch.NONE ? -1 : 1;
    }
}

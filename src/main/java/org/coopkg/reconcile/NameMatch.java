package org.coopkg.reconcile;

import java.util.Collection;
import java.util.List;

/**
 * How the words a person has typed so far match a name, best first, both sides as {@link NameForms#rawWords} writes
 * them: the one judgement of a prefix match, used by the entity lookup to rank what the index found and by the
 * suggest service to choose and order names.
 */
enum NameMatch {
    /** The whole name ({@code tsinghua university}). */
    WHOLE,
    /** Its beginning: the typed words are its first words, the last perhaps cut short ({@code max pla}). */
    BEGINNING,
    /** Each typed word begins a word of the name, in the order typed ({@code tsing univ}). */
    WORD_BEGINNINGS_IN_ORDER,
    /** Each typed word begins some word of the name ({@code planck max}). */
    WORD_BEGINNINGS,
    /** Some typed word begins no word of the name. */
    NONE;

    /** The best match of {@code typed} with any of the names. */
    static NameMatch best(List<String> typed, Collection<List<String>> names) {
        NameMatch best = NONE;
        for (List<String> name : names) {
            NameMatch match = of(typed, name);
            if (match.compareTo(best) < 0) best = match;
        }
        return best;
    }

    static NameMatch of(List<String> typed, List<String> name) {
        if (typed.equals(name)) return WHOLE;
        if (begins(typed, name)) return BEGINNING;
        if (inOrder(typed, name)) return WORD_BEGINNINGS_IN_ORDER;
        return typed.stream().allMatch(t -> name.stream().anyMatch(w -> w.startsWith(t))) ? WORD_BEGINNINGS : NONE;
    }

    /** The whole name or its beginning. */
    boolean beginsName() {
        return this == WHOLE || this == BEGINNING;
    }

    private static boolean begins(List<String> typed, List<String> name) {
        if (typed.size() > name.size()) return false;
        int last = typed.size() - 1;
        for (int i = 0; i < last; i++) if (!name.get(i).equals(typed.get(i))) return false;
        return last < 0 || name.get(last).startsWith(typed.get(last));
    }

    private static boolean inOrder(List<String> typed, List<String> name) {
        int from = 0;
        for (String t : typed) {
            while (from < name.size() && !name.get(from).startsWith(t)) from++;
            if (from == name.size()) return false;
            from++;
        }
        return true;
    }
}

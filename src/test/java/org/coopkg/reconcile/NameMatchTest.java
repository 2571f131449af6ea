package org.coopkg.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How typed words match a name, as the lookup ranks and the suggest service chooses: each level, and the best of several names. */
class NameMatchTest {
    private static NameMatch match(String typed, String name) {
        return NameMatch.of(NameForms.rawWords(typed), NameForms.rawWords(name));
    }

    @Test
    void eachLevel() {
        assertEquals(NameMatch.WHOLE, match("Tsinghua University", "tsinghua university"));
        assertEquals(NameMatch.BEGINNING, match("max pla", "Max Planck Society"));
        assertEquals(NameMatch.BEGINNING, match("max", "Max Planck Society"));
        assertEquals(NameMatch.WORD_BEGINNINGS_IN_ORDER, match("tsing univ", "Tsinghua University"));
        assertEquals(NameMatch.WORD_BEGINNINGS_IN_ORDER, match("a&f", "Northwest A&F University"));
        assertEquals(NameMatch.WORD_BEGINNINGS, match("planck max", "Max Planck Society"));
        assertEquals(NameMatch.NONE, match("tsinhua", "Tsinghua University"));
        assertEquals(NameMatch.NONE, match("max planck society e.v.", "Max Planck Society"));
    }

    @Test
    void aWordCutShortOnlyAtTheEndBeginsTheName() {
        assertEquals(NameMatch.WORD_BEGINNINGS_IN_ORDER, match("ma planck", "Max Planck Society"));
        assertEquals(NameMatch.BEGINNING, match("Plä", "Planck"));
    }

    @Test
    void theBestOfSeveralNamesCounts() {
        List<List<String>> names = List.of(NameForms.rawWords("Five-hundred-meter Aperture Spherical radio Telescope"),
                NameForms.rawWords("FAST"));
        assertEquals(NameMatch.WHOLE, NameMatch.best(NameForms.rawWords("fast"), names));
        assertEquals(NameMatch.BEGINNING, NameMatch.best(NameForms.rawWords("five hundred"), names));
        assertEquals(NameMatch.NONE, NameMatch.best(NameForms.rawWords("slow"), names));
        assertEquals(NameMatch.NONE, NameMatch.best(NameForms.rawWords("fast"), List.of()));
    }

    @Test
    void onlyTheWholeNameAndItsBeginningBeginIt() {
        assertTrue(NameMatch.WHOLE.beginsName());
        assertTrue(NameMatch.BEGINNING.beginsName());
        assertFalse(NameMatch.WORD_BEGINNINGS_IN_ORDER.beginsName());
        assertFalse(NameMatch.NONE.beginsName());
    }
}

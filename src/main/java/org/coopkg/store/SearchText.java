package org.coopkg.store;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Names as the full-text index sees them: lower-cased, accents folded ({@code Plänck} is {@code planck}), split
 * into words at anything that is not a letter or digit. The index's analyser does the same to what it indexes;
 * this does it to what a person types, so that the two meet, and so that a typed name can be compared with a
 * label word by word.
 */
public final class SearchText {
    private SearchText() {}

    /** Lower case, no accents, words separated by one space. */
    public static String normalise(String text) {
        return String.join(" ", words(text));
    }

    /** The words of {@code text}, normalised. */
    public static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }
}

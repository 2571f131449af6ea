package org.coopkg.load;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one column of a curated CSV file means: the RDF it becomes. Property names are local names in the
 * coop namespace unless they contain a colon ({@code rdfs:label}).
 */
public sealed interface Column {
    String name();

    boolean required();

    /** The entity's class, chosen from a fixed set by the cell (e.g. {@code University}). */
    record Type(String name, List<String> classes) implements Column {
        public boolean required() {
            return true;
        }
    }

    /** A language-tagged English text (label, description, title). */
    record Text(String name, String property, boolean required) implements Column {}

    /** Several English texts separated by {@code |}. */
    record Texts(String name, String property, boolean required) implements Column {}

    /** A plain string, optionally constrained by a pattern explained in {@code patternHint}. */
    record Plain(String name, String property, Pattern pattern, String patternHint, boolean required) implements Column {}

    /** A reference to other entities by id; {@code kinds} are where the id is looked up. */
    record Ref(String name, String property, List<String> kinds, boolean many, boolean required) implements Column {}

    /** A date as precise as the source (date, year-month, year, month-day, month). */
    record Date(String name, String property, boolean required) implements Column {}

    record Int(String name, String property, boolean required) implements Column {}

    record Bool(String name, String property, boolean required) implements Column {}

    /** One of a fixed set of words, each standing for an IRI. */
    record Choice(String name, String property, Map<String, String> iris, boolean required) implements Column {}

    /** An http(s) URL, written as an IRI. */
    record Url(String name, String property, boolean required) implements Column {}

    /** A column the loader reads for its own purposes and does not turn into RDF. */
    record Meta(String name, boolean required) implements Column {}
}

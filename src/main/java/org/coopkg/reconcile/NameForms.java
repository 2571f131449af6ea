package org.coopkg.reconcile;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names as people type them, reduced to comparable words. Both sides of a comparison (the query and the entity's
 * names) go through the same steps, so a spelling difference that is removed here cannot count against a match:
 * <ol>
 * <li>case and accents ({@code Běihāng} = {@code beihang}), a few letters that have no decomposition ({@code ß},
 * {@code ø}), Greek letters spelled out ({@code π-HuB} = {@code pi hub});</li>
 * <li>{@code &} = {@code and}; dotted acronyms lose their dots ({@code C.A.S.} = {@code CAS}); apostrophes go
 * ({@code Nat'l} = {@code Natl});</li>
 * <li>abbreviations and other languages' form words become the English word ({@code Univ.}, {@code Universität},
 * {@code Universidad} = {@code university}; {@code Ctr}, {@code Centre} = {@code center};
 * {@code Gesellschaft} = {@code society});</li>
 * <li>a plural {@code s} goes ({@code Sciences} = {@code science}); stop words and honorifics ({@code of},
 * {@code the}, {@code de}, {@code Prof.}) are left out unless the name has nothing else.</li>
 * </ol>
 * What is left are the words that a {@link NameScorer} weighs. The reduction is deliberately small and fixed: it
 * removes the differences that never distinguish two institutions, and nothing else.
 */
final class NameForms {
    private static final Pattern DOTTED_ACRONYM = Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{L})\\.((?:\\p{L}\\.)*\\p{L})\\.?(?![\\p{L}\\p{N}])");
    private static final Pattern APOSTROPHE = Pattern.compile("(?<=\\p{L})['’`´](?=\\p{L})");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static final Map<String, String> LETTERS = Map.ofEntries(Map.entry("ß", "ss"), Map.entry("æ", "ae"),
            Map.entry("œ", "oe"), Map.entry("ø", "o"), Map.entry("ł", "l"), Map.entry("đ", "d"), Map.entry("ı", "i"),
            Map.entry("α", " alpha "), Map.entry("β", " beta "), Map.entry("γ", " gamma "), Map.entry("δ", " delta "),
            Map.entry("λ", " lambda "), Map.entry("μ", " mu "), Map.entry("π", " pi "), Map.entry("σ", " sigma "),
            Map.entry("ω", " omega "));

    /** Abbreviations, spelling variants and other languages' words for the same form of organisation or thing. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("univ", "university"), Map.entry("uni", "university"), Map.entry("universitat", "university"),
            Map.entry("universitaet", "university"), Map.entry("universidad", "university"),
            Map.entry("universite", "university"), Map.entry("universita", "university"),
            Map.entry("universiteit", "university"), Map.entry("uniwersytet", "university"),
            Map.entry("inst", "institute"), Map.entry("instit", "institute"), Map.entry("institut", "institute"),
            Map.entry("instituto", "institute"), Map.entry("istituto", "institute"),
            Map.entry("acad", "academy"), Map.entry("akademie", "academy"), Map.entry("academia", "academy"),
            Map.entry("academie", "academy"), Map.entry("accademia", "academy"),
            Map.entry("natl", "national"), Map.entry("nacional", "national"), Map.entry("nazionale", "national"),
            Map.entry("intl", "international"), Map.entry("internacional", "international"),
            Map.entry("internazionale", "international"),
            Map.entry("sci", "science"), Map.entry("ciencia", "science"), Map.entry("wissenschaft", "science"),
            Map.entry("scienze", "science"),
            Map.entry("tech", "technology"), Map.entry("technol", "technology"), Map.entry("tecnologia", "technology"),
            Map.entry("technologie", "technology"),
            Map.entry("ctr", "center"), Map.entry("cntr", "center"), Map.entry("centre", "center"),
            Map.entry("centro", "center"), Map.entry("zentrum", "center"),
            Map.entry("dept", "department"), Map.entry("govt", "government"), Map.entry("gobierno", "government"),
            Map.entry("gouvernement", "government"), Map.entry("regierung", "government"),
            Map.entry("organisation", "organization"), Map.entry("org", "organization"),
            Map.entry("organizacion", "organization"),
            Map.entry("programme", "program"), Map.entry("programa", "program"), Map.entry("programm", "program"),
            Map.entry("lab", "laboratory"), Map.entry("laboratorio", "laboratory"),
            Map.entry("laboratoire", "laboratory"), Map.entry("laboratorium", "laboratory"),
            Map.entry("soc", "society"), Map.entry("gesellschaft", "society"), Map.entry("sociedad", "society"),
            Map.entry("societe", "society"), Map.entry("assoc", "association"), Map.entry("corp", "corporation"),
            Map.entry("res", "research"), Map.entry("recherche", "research"), Map.entry("forschung", "research"),
            Map.entry("investigacion", "research"), Map.entry("ricerca", "research"),
            Map.entry("ministerio", "ministry"), Map.entry("ministere", "ministry"), Map.entry("ministerium", "ministry"),
            Map.entry("ministero", "ministry"), Map.entry("observatorio", "observatory"),
            Map.entry("observatoire", "observatory"), Map.entry("osservatorio", "observatory"),
            Map.entry("cttee", "committee"), Map.entry("kilometre", "kilometer"), Map.entry("metre", "meter"),
            Map.entry("programmes", "program"), Map.entry("centres", "center"));

    /** Words that never tell two names apart: articles, prepositions, conjunctions, honorifics. */
    private static final Set<String> STOP_WORDS = Set.of("the", "of", "for", "and", "in", "at", "on", "to", "by", "an",
            "de", "du", "des", "la", "le", "les", "et", "del", "el", "los", "las", "der", "die", "das", "und", "fur",
            "von", "zu", "di", "della", "do", "da", "dos", "prof", "professor", "dr", "mr", "mrs", "ms", "sir");

    /** The words that name a form of organisation or thing rather than which one: weighed less. */
    private static final Set<String> FORM_WORDS = Set.of("university", "institute", "academy", "society", "center",
            "laboratory", "program", "project", "council", "government", "ministry", "organization", "committee",
            "company", "observatory", "station", "initiative", "platform", "forum", "conference", "school", "college",
            "department", "agency", "foundation", "association", "national", "international", "science", "research",
            "technology", "corporation", "secretariat", "group", "office", "commission", "federation", "union",
            "network", "system", "joint", "cooperation", "municipal");

    private NameForms() {}

    /** The comparable words of a name, in order: see the class comment. */
    static List<String> words(String name) {
        List<String> all = allWords(name);
        List<String> content = all.stream().filter(w -> !STOP_WORDS.contains(w)).toList();
        return content.isEmpty() ? all : content;
    }

    /** The words of a name with its stop words, folded and expanded: for acronyms, and for searching an index. */
    static List<String> allWords(String name) {
        List<String> words = new ArrayList<>();
        for (String raw : rawWords(name)) words.add(stem(WORDS.getOrDefault(raw, raw)));
        return words;
    }

    /**
     * The name folded and split, without expansion or stemming: the words as typed, for acronyms, prefixes
     * ({@link NameMatch}) and a search of the index.
     */
    static List<String> rawWords(String name) {
        if (name == null || name.isBlank()) return List.of();
        String text = name.replace("&", " and ");
        text = DOTTED_ACRONYM.matcher(text).replaceAll(m -> m.group(1) + m.group(2).replace(".", ""));
        text = APOSTROPHE.matcher(text).replaceAll("");
        text = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
        text = MARKS.matcher(text).replaceAll("");
        StringBuilder folded = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            String letter = new String(Character.toChars(c));
            folded.append(LETTERS.getOrDefault(letter, letter));
        });
        List<String> words = new ArrayList<>();
        for (String word : SEPARATORS.split(folded)) if (!word.isEmpty()) words.add(word);
        return words;
    }

    /** One comparison key for a whole name: its words, space-separated. */
    static String key(String name) {
        return String.join(" ", words(name));
    }

    /**
     * The acronyms a name may be typed as: the initials of its words without stop words ({@code Chinese Academy of
     * Sciences} → {@code cas}), and with the inner {@code of} kept ({@code Ministry of Science and Technology} →
     * {@code most}). Names of one word, or of more than eight, have none.
     */
    static Set<String> acronyms(String name) {
        List<String> raw = rawWords(name);
        if (raw.size() < 2 || raw.size() > 8) return Set.of();
        StringBuilder content = new StringBuilder();
        StringBuilder withOf = new StringBuilder();
        for (String word : raw) {
            if (!STOP_WORDS.contains(word)) content.append(word.charAt(0));
            if (!STOP_WORDS.contains(word) || word.equals("of")) withOf.append(word.charAt(0));
        }
        if (content.length() < 2) return Set.of();
        return Set.copyOf(List.of(content.toString(), withOf.toString()));
    }

    static boolean isFormWord(String word) {
        return FORM_WORDS.contains(word);
    }

    static boolean isNumber(String word) {
        return !word.isEmpty() && word.chars().allMatch(Character::isDigit);
    }

    /** {@code sciences} → {@code science}, {@code studies} → {@code study}; {@code laos}, {@code physics}' kin stay. */
    private static String stem(String word) {
        if (word.length() <= 3 || isNumber(word)) return word;
        if (word.endsWith("ies") && word.length() > 4) return word.substring(0, word.length() - 3) + "y";
        if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")
                && !word.endsWith("os")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}

package org.coopkg.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.coopkg.core.Format;

/**
 * Chooses a representation from an {@code Accept} header (RFC 9110 §12.5.1): each offered type gets the
 * quality of the most specific media range that matches it ({@code text/turtle} before {@code text/*}
 * before {@code *}{@code /*}); the highest quality wins and ties go to the server's order, so a browser's
 * {@code text/html,…,*}{@code /*;q=0.8} gets HTML and {@code curl}'s {@code *}{@code /*} gets the first
 * offered type. A type whose quality is 0 is never chosen. No header means "anything".
 */
public final class ContentNegotiation {
    /** What an entity IRI offers, in the server's order of preference when the client has none. */
    public static final List<Format> ENTITY = List.of(Format.HTML, Format.TURTLE, Format.JSONLD, Format.NTRIPLES,
            Format.RDFXML, Format.TRIG, Format.NQUADS);
    /** What a computed graph (VoID, the service description) offers: the RDF syntaxes of one graph, Turtle first. */
    public static final List<Format> GRAPH = List.of(Format.TURTLE, Format.JSONLD, Format.NTRIPLES, Format.RDFXML);

    private ContentNegotiation() {}

    private record Range(String type, String subtype, double q) {
        int specificity() {
            return type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2;
        }

        boolean matches(String mime) {
            int slash = mime.indexOf('/');
            return (type.equals("*") || type.equals(mime.substring(0, slash)))
                    && (subtype.equals("*") || subtype.equals(mime.substring(slash + 1)));
        }
    }

    /** The offered type the client prefers, or empty when it accepts none of them (answer 406). */
    public static Optional<Format> choose(String acceptHeader, List<Format> offered) {
        List<Range> ranges = parse(acceptHeader);
        Format best = null;
        double bestQ = 0;
        for (Format type : offered) {
            double q = quality(ranges, type.mediaType());
            if (q > bestQ) {
                best = type;
                bestQ = q;
            }
        }
        return Optional.ofNullable(best);
    }

    /** "text/html, text/turtle, …": for the 406 message. */
    public static String list(List<Format> offered) {
        return offered.stream().map(Format::mediaType).collect(Collectors.joining(", "));
    }

    private static double quality(List<Range> ranges, String mime) {
        Range match = null;
        for (Range r : ranges) {
            if (r.matches(mime) && (match == null || r.specificity() > match.specificity())) match = r;
        }
        return match == null ? 0 : match.q();
    }

    private static List<Range> parse(String header) {
        List<Range> ranges = new ArrayList<>();
        if (header == null || header.isBlank()) {
            ranges.add(new Range("*", "*", 1));
            return ranges;
        }
        for (String part : header.split(",")) {
            String[] pieces = part.split(";");
            String range = pieces[0].trim().toLowerCase(Locale.ROOT);
            int slash = range.indexOf('/');
            if (range.equals("*")) range = "*/*";
            else if (slash <= 0 || slash == range.length() - 1) continue;
            slash = range.indexOf('/');
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].trim();
                if (param.startsWith("q=") || param.startsWith("Q=")) {
                    try {
                        q = Math.max(0, Math.min(1, Double.parseDouble(param.substring(2).trim())));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            ranges.add(new Range(range.substring(0, slash), range.substring(slash + 1), q));
        }
        return ranges;
    }
}

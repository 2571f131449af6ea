package org.coopkg.query;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;

/**
 * A parameter of a gallery query: a variable whose {@code VALUES} block a caller may replace, declared in the
 * query's header as {@code # Parameter: ?label text@en  what it is}. The type says how a value given as text (a
 * query-string parameter) becomes an RDF term: {@code iri}, {@code string}, {@code text@LANG} (a string in that
 * language), {@code integer} or {@code decimal}. {@code defaults} are the values the query's own block holds.
 */
public record QueryParameter(String name, String type, String description, List<String> defaults) {
    private static final Pattern TYPE = Pattern.compile("iri|string|integer|decimal|text@[a-z]{2,3}(-[a-z0-9]+)*");

    public QueryParameter {
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("parameter ?" + name + ": unknown type '" + type
                    + "' (iri, string, text@LANG, integer or decimal)");
        }
        defaults = List.copyOf(defaults);
    }

    /** Whether {@code type} is one a parameter may have. */
    static boolean isType(String type) {
        return TYPE.matcher(type).matches();
    }

    /** The language of a {@code text@LANG} parameter, if it is one. */
    public String language() {
        return type.startsWith("text@") ? type.substring("text@".length()) : "";
    }

    /** The RDF term a caller's value stands for; the message names the parameter, the value and what would do. */
    public Node term(String value) throws InvalidParameterException {
        String v = value.strip();
        if (v.isEmpty()) {
            throw new InvalidParameterException(name, "parameter '" + name + "' is empty; give a value (" + type + ")");
        }
        switch (type) {
            case "iri" -> {
                if (!IRIs.check(v) || !v.matches("(?i)https?://\\S+")) throw invalid(value, "an absolute http(s) IRI");
                return NodeFactory.createURI(v);
            }
            case "integer" -> {
                if (!v.matches("[+-]?\\d{1,18}")) throw invalid(value, "a whole number");
                return NodeFactory.createLiteralDT(v, XSDDatatype.XSDinteger);
            }
            case "decimal" -> {
                try {
                    return NodeFactory.createLiteralDT(new BigDecimal(v).toPlainString(), XSDDatatype.XSDdecimal);
                } catch (NumberFormatException e) {
                    throw invalid(value, "a decimal number such as 2.5");
                }
            }
            case "string" -> {
                return NodeFactory.createLiteralString(v);
            }
            default -> {
                return NodeFactory.createLiteralLang(v, language());
            }
        }
    }

    private InvalidParameterException invalid(String value, String expected) {
        String shown = value.length() > 80 ? value.substring(0, 77) + "..." : value;
        return new InvalidParameterException(name, "parameter '" + name + "' must be " + expected + " ("
                + type.toLowerCase(Locale.ROOT) + "), not '" + shown + "'");
    }
}

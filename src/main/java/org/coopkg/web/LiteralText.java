package org.coopkg.web;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;

/**
 * Literals in plain words for pages. Dates stay exactly as precise as the data: a year-less
 * {@code --06-12} is "12 June (year not stated)", never a guessed year; a {@code gYearMonth} is "May 2024".
 */
public final class LiteralText {
    private LiteralText() {}

    public static String of(Node literal) {
        String lex = literal.getLiteralLexicalForm();
        String dt = literal.getLiteralDatatypeURI();
        try {
            if (XSDDatatype.XSDdate.getURI().equals(dt) && lex.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Integer.parseInt(lex.substring(8)) + " " + month(lex.substring(5, 7)) + " " + lex.substring(0, 4);
            }
            if (XSDDatatype.XSDgYearMonth.getURI().equals(dt) && lex.matches("\\d{4}-\\d{2}")) {
                return month(lex.substring(5, 7)) + " " + lex.substring(0, 4);
            }
            if (XSDDatatype.XSDgMonthDay.getURI().equals(dt) && lex.matches("--\\d{2}-\\d{2}")) {
                return Integer.parseInt(lex.substring(5)) + " " + month(lex.substring(2, 4)) + " (year not stated)";
            }
            if (XSDDatatype.XSDgMonth.getURI().equals(dt) && lex.matches("--\\d{2}")) {
                return month(lex.substring(2, 4)) + " (year not stated)";
            }
            if (XSDDatatype.XSDgDay.getURI().equals(dt) && lex.matches("---\\d{2}")) {
                return "day " + Integer.parseInt(lex.substring(3));
            }
        } catch (RuntimeException e) {
            return lex;
        }
        if (XSDDatatype.XSDboolean.getURI().equals(dt)) return "true".equals(lex) || "1".equals(lex) ? "yes" : "no";
        return lex;
    }

    private static String month(String twoDigits) {
        return Month.of(Integer.parseInt(twoDigits)).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}

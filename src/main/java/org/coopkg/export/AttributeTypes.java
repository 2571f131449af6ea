package org.coopkg.export;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.coopkg.export.PropertyGraph.ValueType;

/** The types of property-graph attributes: which one literal values fit, and their lexical normal form. */
final class AttributeTypes {
    private AttributeTypes() {}

    /** The narrowest type that all values of one attribute fit, over all nodes. */
    static ValueType narrowest(List<List<Node>> perNode) {
        boolean allLong = true;
        boolean allBoolean = true;
        boolean allNumber = true;
        for (List<Node> values : perNode) {
            for (Node v : values) {
                String dt = v.getLiteralDatatypeURI();
                String lex = v.getLiteralLexicalForm();
                boolean integer = isInteger(dt) && fitsLong(lex);
                allLong &= integer;
                allBoolean &= XSDDatatype.XSDboolean.getURI().equals(dt) && lex.matches("true|false|1|0");
                allNumber &= integer || (isDecimal(dt) && isNumber(lex));
            }
        }
        if (allLong) return ValueType.LONG;
        if (allBoolean) return ValueType.BOOLEAN;
        if (allNumber) return ValueType.DOUBLE;
        return ValueType.STRING;
    }

    /** A value in the normal form of its type ({@code "060"} → {@code 60}), so every tool reads it alike. */
    static String normalise(String lexical, ValueType type) {
        return switch (type) {
            case LONG -> String.valueOf(Long.parseLong(lexical.strip().replaceFirst("^\\+", "")));
            case BOOLEAN -> String.valueOf(lexical.equals("true") || lexical.equals("1"));
            case DOUBLE -> String.valueOf(Double.parseDouble(lexical.strip()));
            case STRING -> lexical;
        };
    }

    private static boolean isInteger(String datatype) {
        if (datatype == null || !datatype.startsWith(XSDDatatype.XSD + "#")) return false;
        String local = datatype.substring(XSDDatatype.XSD.length() + 1);
        return Set.of("integer", "long", "int", "short", "byte", "nonNegativeInteger", "positiveInteger",
                "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
                "unsignedByte").contains(local);
    }

    private static boolean isDecimal(String datatype) {
        return Set.of(XSDDatatype.XSDdecimal.getURI(), XSDDatatype.XSDdouble.getURI(), XSDDatatype.XSDfloat.getURI())
                .contains(datatype);
    }

    private static boolean fitsLong(String lexical) {
        try {
            Long.parseLong(lexical.strip().replaceFirst("^\\+", ""));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isNumber(String lexical) {
        try {
            new BigDecimal(lexical.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

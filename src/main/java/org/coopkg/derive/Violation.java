package org.coopkg.derive;

import org.apache.jena.graph.Node;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.util.FmtUtils;

/**
 * One SHACL violation of the derived union: the node and path at fault, the value, and the shape's
 * {@code sh:message} (which says how to fix the data). The loader places it at the CSV row that made the node; an
 * update's answer lists it as it is.
 */
public record Violation(Node focus, String path, Node value, String message, String rule) {

    static Violation of(ReportEntry entry) {
        String message = entry.message() == null ? "violates a shape" : entry.message().strip();
        return new Violation(entry.focusNode(), entry.resultPath() == null ? null : entry.resultPath().toString(),
                entry.value(), message, "shacl." + component(entry));
    }

    /** {@code <focus> <path>: message (value v)}, on one line. */
    public String describe() {
        StringBuilder line = new StringBuilder(FmtUtils.stringForNode(focus));
        if (path != null) line.append(' ').append(path);
        line.append(": ").append(message);
        if (value != null) line.append(" (value ").append(FmtUtils.stringForNode(value)).append(')');
        return line.toString().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /** {@code minCount} from {@code sh:MinCountConstraintComponent}: a rule name a curator can look up. */
    private static String component(ReportEntry entry) {
        Node component = entry.sourceConstraintComponent();
        if (component == null || !component.isURI()) return "shape";
        String name = component.getLocalName().replace("ConstraintComponent", "");
        if (name.isEmpty()) return "shape";
        // sh:SPARQLConstraintComponent is "sparql", sh:MinCountConstraintComponent "minCount".
        boolean acronym = name.length() > 1 && Character.isUpperCase(name.charAt(1));
        return acronym ? name.toLowerCase(java.util.Locale.ROOT) : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}

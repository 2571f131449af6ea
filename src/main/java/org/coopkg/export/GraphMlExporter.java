package org.coopkg.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.coopkg.export.PropertyGraph.AttributeKey;
import org.coopkg.export.PropertyGraph.Edge;
import org.coopkg.export.PropertyGraph.Entity;

/**
 * Writes the {@link PropertyGraph} as GraphML for Gephi, yEd, Cytoscape and NetworkX
 * ({@code networkx.read_graphml}). Which entities and statements become nodes, edges and attributes —
 * including the choice to keep posts and agreement parties as nodes — is documented on
 * {@link PropertyGraphBuilder}.
 *
 * <ul>
 * <li>A directed graph. Node ids are {@code kind:slug} (e.g. {@code organisation:tsinghua-university}):
 * GraphML declares ids as XML NMTOKENs, which cannot hold the {@code /} of an IRI, so the full IRI is the
 * {@code iri} attribute. Every node has {@code iri}, {@code label}, {@code kind} and {@code type}.</li>
 * <li>Every literal attribute gets a {@code <key>} with its {@code attr.type} (long, double, boolean,
 * string); a value is written only where the node has one. GraphML attributes hold one value: where an
 * entity has several (alternative labels, several external identifiers, several most specific types)
 * they are joined with {@value #MULTI_VALUE_SEPARATOR} in sorted order, and such keys are strings.</li>
 * <li>Edges carry {@code label} (the property's rdfs:label), {@code property} (its IRI), {@code name}
 * (its local name), {@code inferred} and {@code support} ({@code stated} or {@code implied}: whether the
 * source's words state the edge or the curator reads it from them). Two entities may be linked by several properties, so readers
 * see a multigraph (NetworkX returns a MultiDiGraph).</li>
 * <li>Deterministic: nodes, edges and keys are written in the property graph's sorted order, and the XML is
 * written by hand (UTF-8, LF line ends) so no serializer setting can change the bytes.</li>
 * </ul>
 */
public final class GraphMlExporter {
    public static final String MULTI_VALUE_SEPARATOR = " | ";
    private static final String NODE_KEY = "n_";
    private static final String EDGE_KEY = "e_";

    /** Writes {@code graph} to {@code out}; {@code out} is flushed, not closed. */
    public void write(PropertyGraph graph, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                + "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                + "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                + "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
        w.write("  <!-- coop-kg: curated entities and the statements between them; see the coop-kg README -->\n");
        key(w, "node", "iri", "string");
        key(w, "node", "label", "string");
        key(w, "node", "kind", "string");
        key(w, "node", "type", "string");
        for (AttributeKey k : graph.nodeKeys()) {
            key(w, "node", k.name(), k.multiValued() ? "string" : k.type().graphMl());
        }
        key(w, "edge", "label", "string");
        key(w, "edge", "name", "string");
        key(w, "edge", "property", "string");
        key(w, "edge", "inferred", "boolean");
        key(w, "edge", "support", "string");
        w.write("  <graph id=\"coop-kg\" edgedefault=\"directed\">\n");
        for (Entity node : graph.nodes()) {
            w.write("    <node id=\"" + escape(node.id()) + "\">\n");
            data(w, NODE_KEY + "iri", node.iri());
            data(w, NODE_KEY + "label", node.label());
            data(w, NODE_KEY + "kind", node.kind());
            if (!node.types().isEmpty()) data(w, NODE_KEY + "type", String.join(MULTI_VALUE_SEPARATOR, node.types()));
            for (var attribute : node.attributes().entrySet()) {
                data(w, NODE_KEY + attribute.getKey(), String.join(MULTI_VALUE_SEPARATOR, attribute.getValue()));
            }
            w.write("    </node>\n");
        }
        List<Edge> edges = graph.edges();
        for (int i = 0; i < edges.size(); i++) {
            Edge e = edges.get(i);
            w.write("    <edge id=\"e" + (i + 1) + "\" source=\"" + escape(e.source().id()) + "\" target=\""
                    + escape(e.target().id()) + "\">\n");
            data(w, EDGE_KEY + "label", e.label());
            data(w, EDGE_KEY + "name", e.name());
            data(w, EDGE_KEY + "property", e.property());
            data(w, EDGE_KEY + "inferred", String.valueOf(e.inferred()));
            data(w, EDGE_KEY + "support", e.support());
            w.write("    </edge>\n");
        }
        w.write("  </graph>\n");
        w.write("</graphml>\n");
        w.flush();
    }

    private static void key(Writer w, String domain, String name, String type) throws IOException {
        String id = (domain.equals("node") ? NODE_KEY : EDGE_KEY) + name;
        w.write("  <key id=\"" + escape(id) + "\" for=\"" + domain + "\" attr.name=\"" + escape(name)
                + "\" attr.type=\"" + type + "\"/>\n");
    }

    private static void data(Writer w, String key, String value) throws IOException {
        w.write("      <data key=\"" + escape(key) + "\">" + escape(value) + "</data>\n");
    }

    /**
     * XML escaping for text and attribute values. Carriage returns and tabs are written as character
     * references so that XML's line-end normalisation does not change them; characters XML 1.0 cannot
     * carry at all (other control characters) become U+FFFD. Not {@code Html.escape}: HTML keeps those
     * characters as they are, and an XML parser would reject or rewrite them.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                case '\n' -> out.append('\n');
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) out.append('\uFFFD');
                    else out.append(c);
                }
            }
        }
        return out.toString();
    }
}

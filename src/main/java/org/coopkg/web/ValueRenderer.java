package org.coopkg.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.sparql.core.Quad;
import org.coopkg.core.ExternalDataset;
import org.coopkg.core.vocab.Coop;
import org.coopkg.core.vocab.Time;

/**
 * How the values on one entity's page are written and ordered: nodes by their names, the entity's own
 * fragment nodes spelled out in place, and the words for posts and their dates.
 */
final class ValueRenderer {
    /** Fragment nodes that point at each other would otherwise be spelled out without end; deeper ones are linked. */
    private static final int MAX_NESTING = 3;

    private final KnowledgeGraphView view;
    private final TermLabels terms;
    private final PageLinks links;
    private final Node entity;
    private final String path;

    ValueRenderer(KnowledgeGraphView view, TermLabels terms, PageLinks links, Node entity, String path) {
        this.view = view;
        this.terms = terms;
        this.links = links;
        this.entity = entity;
        this.path = path;
    }

    /** One value: a linked name, an outside identifier, a fragment node spelled out, or a literal in words. */
    void value(Html h, Node o, int depth) {
        if (o.isLiteral()) {
            h.text(LiteralText.of(o));
            return;
        }
        if (!o.isURI()) {
            h.element("span", "(unnamed node)", "class", "muted");
            return;
        }
        if (o.getURI().startsWith(entity.getURI() + "#") && depth < MAX_NESTING) {
            nested(h, o, depth);
            return;
        }
        h.link(links.href(o, path), display(o));
    }

    private void nested(Html h, Node node, int depth) {
        h.open("dl", "class", "nested");
        for (Quad q : view.asserted(node, Node.ANY, Node.ANY)) {
            h.element("dt", terms.label(q.getPredicate().getURI()));
            h.open("dd");
            value(h, q.getObject(), depth + 1);
            h.close("dd");
        }
        h.close("dl");
    }

    private String display(Node o) {
        String iri = o.getURI();
        if (iri.startsWith(Coop.NS) || iri.startsWith(Time.NS)) return terms.label(iri);
        Optional<ExternalDataset> set = ExternalDataset.of(iri);
        if (set.isPresent()) return set.get().title() + " " + set.get().identifier(iri);
        if (view.iris().pathOfIri(iri).isPresent() || view.hasLabel(o)) return view.label(o);
        return iri;
    }

    String termLabel(Node term) {
        return term.isURI() ? terms.label(term.getURI()) : "?";
    }

    /** The lexical form as the data writes it: descriptions and other names are prose, not values to put into words. */
    String text(Node n) {
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }

    Optional<Node> first(Node s, Property p) {
        return view.asserted(s, p.asNode(), Node.ANY).stream().map(Quad::getObject).findFirst();
    }

    boolean isTrue(Node s, Property p) {
        return first(s, p).filter(Node::isLiteral).map(n -> "true".equals(n.getLiteralLexicalForm())).orElse(false);
    }

    String postTitle(Node post) {
        return first(post, Coop.postTitle).map(Node::getLiteralLexicalForm)
                .or(() -> first(post, Coop.role).map(view::label)).orElse("post");
    }

    String dates(Node post) {
        Optional<String> start = first(post, Coop.startDate).map(LiteralText::of);
        Optional<String> end = first(post, Coop.endDate).map(LiteralText::of);
        if (start.isEmpty() && end.isEmpty()) return "";
        return start.map(s -> "from " + s).orElse("") + (start.isPresent() && end.isPresent() ? " " : "")
                + end.map(e -> "until " + e).orElse("");
    }

    /** Property → value → graphs stating it, properties in order of their labels, values by name. */
    Map<Node, Map<Node, List<Node>>> grouped(List<Quad> quads) {
        Map<Node, Map<Node, List<Node>>> map = new TreeMap<>(Comparator.comparing((Node p) -> terms.label(p.getURI()))
                .thenComparing(Node::getURI));
        for (Quad q : quads) {
            map.computeIfAbsent(q.getPredicate(), k -> new TreeMap<>(byLabel()))
                    .computeIfAbsent(q.getObject(), k -> new ArrayList<>()).add(q.getGraph());
        }
        return map;
    }

    /** By the name a reader sees, then by the node itself so that equal names keep a stable order. */
    Comparator<Node> byLabel() {
        return Comparator.comparing((Node n) -> n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? display(n) : "")
                .thenComparing((Node n) -> n.toString());
    }

    List<Node> sortedByLabel(Collection<Node> nodes) {
        List<Node> list = new ArrayList<>(nodes);
        list.sort(byLabel());
        return list;
    }
}

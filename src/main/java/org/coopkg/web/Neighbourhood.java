package org.coopkg.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.coopkg.core.vocab.Coop;
import org.coopkg.load.CuratedSchema;

/**
 * The entities one and two steps away from an entity, through the curated (asserted) statements that link two
 * entities. Posts and agreement parties are n-ary nodes: a post becomes one edge from its holder to its
 * organisation or facility, labelled with the post's title, and a party one edge from the agreement to the party,
 * labelled with its role; each such edge keeps its n-ary node ({@link Edge#via}), so it stays reachable. On the page
 * of a post or party itself, its own statements are shown as they are.
 *
 * <p>Nodes are in breadth-first order; edges are those met while expanding the entity and, for two steps, its
 * neighbours. At most {@link #MAX_NODES} nodes are kept: beyond them the two-step ring is cut, and
 * {@link #unshown} says how many were left out.
 */
final class Neighbourhood {
    static final int MAX_NODES = 300;

    record NodeInfo(Node node, String kind, int depth) {}

    /** One (folded) link: {@code property} is the IRI of the predicate, or of coop:holder/coop:party when folded. */
    record Edge(Node source, Node target, Node property, String label, Optional<Node> via) {}

    private final Map<Node, NodeInfo> nodes = new LinkedHashMap<>();
    /** Each edge with the step at which it was met: 1 touches the entity, 2 joins two of its neighbours or goes beyond. */
    private final Map<Edge, Integer> edges = new LinkedHashMap<>();
    private int unshown;

    private final KnowledgeGraphView view;
    private final TermLabels terms;
    private final ValueRenderer values;

    private Neighbourhood(KnowledgeGraphView view, TermLabels terms, ValueRenderer values) {
        this.view = view;
        this.terms = terms;
        this.values = values;
    }

    /** The neighbourhood of {@code entity}, {@code steps} (1 or 2) deep. */
    static Neighbourhood of(EntityContext page, int steps) {
        Neighbourhood n = new Neighbourhood(page.view(), page.terms(), page.values());
        n.expand(page.entity(), steps);
        return n;
    }

    List<NodeInfo> nodes() {
        return List.copyOf(nodes.values());
    }

    List<Edge> edges() {
        return List.copyOf(edges.keySet());
    }

    int step(Edge edge) {
        return edges.get(edge);
    }

    int unshown() {
        return unshown;
    }

    private void expand(Node center, int steps) {
        nodes.put(center, new NodeInfo(center, kind(center), 0));
        List<Node> frontier = List.of(center);
        Set<Node> cut = new LinkedHashSet<>();
        for (int depth = 1; depth <= steps; depth++) {
            List<Node> next = new ArrayList<>();
            for (Node from : frontier) {
                for (Edge e : linksOf(from, from.equals(center))) {
                    Node other = e.source().equals(from) ? e.target() : e.source();
                    if (!nodes.containsKey(other)) {
                        if (nodes.size() >= MAX_NODES) {
                            cut.add(other);
                            continue;
                        }
                        nodes.put(other, new NodeInfo(other, kind(other), depth));
                        next.add(other);
                    }
                    edges.putIfAbsent(e, depth);
                }
            }
            frontier = next;
        }
        unshown = cut.size();
    }

    /** The folded links of one node, either way, to other entities. */
    private List<Edge> linksOf(Node node, boolean isCenter) {
        List<Edge> found = new ArrayList<>();
        // A post or party met on the way is an edge, not a node to expand; as the page's own entity it is expanded.
        boolean nary = isNary(node);
        if (nary && !isCenter) return found;
        for (Quad q : view.asserted(node, Node.ANY, Node.ANY)) {
            Node o = q.getObject();
            if (!isEntity(o) || o.equals(node)) continue;
            if (!nary && isNary(o)) fold(o, node).ifPresent(found::add);
            else found.add(plain(node, q.getPredicate(), o));
        }
        for (Quad q : view.asserted(Node.ANY, Node.ANY, node)) {
            Node s = q.getSubject();
            if (!isEntity(s) || s.equals(node)) continue;
            if (!nary && isNary(s)) fold(s, node).ifPresent(found::add);
            else found.add(plain(s, q.getPredicate(), node));
        }
        return found;
    }

    private Edge plain(Node s, Node p, Node o) {
        return new Edge(s, o, p, terms.label(p.getURI()), Optional.empty());
    }

    /**
     * A post as holder → organisation or facility (the one {@code from} is, when it is one of them); a party as
     * agreement → party. Empty if an end is missing.
     */
    private Optional<Edge> fold(Node nary, Node from) {
        Optional<Node> holder = values.first(nary, Coop.holder);
        if (holder.isPresent()) {
            Optional<Node> facility = values.first(nary, Coop.postAtFacility);
            Optional<Node> where = facility.filter(from::equals).or(() -> values.first(nary, Coop.postIn)).or(() -> facility);
            String title = (values.isTrue(nary, Coop.former) ? "former " : "") + values.postTitle(nary);
            return where.map(w -> new Edge(holder.get(), w, Coop.holder.asNode(), title, Optional.of(nary)));
        }
        Optional<Node> agreement = values.first(nary, Coop.partyIn);
        Optional<Node> party = values.first(nary, Coop.party);
        if (agreement.isPresent() && party.isPresent()) {
            String role = values.first(nary, Coop.partyRole).map(view::label).orElse("party");
            return Optional.of(new Edge(agreement.get(), party.get(), Coop.party.asNode(), role, Optional.of(nary)));
        }
        return Optional.empty();
    }

    private boolean isNary(Node node) {
        return !view.asserted(node, Coop.holder.asNode(), Node.ANY).isEmpty()
                || !view.asserted(node, Coop.partyIn.asNode(), Node.ANY).isEmpty();
    }

    private boolean isEntity(Node node) {
        return node.isURI() && view.iris().kindOf(node.getURI()).filter(CuratedSchema.kinds()::contains).isPresent();
    }

    private String kind(Node node) {
        return view.iris().kindOf(node.getURI()).orElse("");
    }
}

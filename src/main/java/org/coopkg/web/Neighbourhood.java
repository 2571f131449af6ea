package org.coopkg.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.riot.out.NodeFmtLib;
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
    private static final java.util.Comparator<Triple> ORDER = java.util.Comparator
            .comparing((Triple t) -> NodeFmtLib.strNT(t.getSubject()))
            .thenComparing(t -> NodeFmtLib.strNT(t.getPredicate()))
            .thenComparing(t -> NodeFmtLib.strNT(t.getObject()));

    record NodeInfo(Node node, String kind, int depth) {}

    /** One (folded) link: {@code property} is the IRI of the predicate, or of coop:holder/coop:party when folded. */
    record Edge(Node source, Node target, Node property, String label, Optional<Node> via) {}

    private final Map<Node, NodeInfo> nodes = new LinkedHashMap<>();
    /** Each edge with the step at which it was met: 1 touches the entity, 2 joins two of its neighbours or goes beyond. */
    private final Map<Edge, Integer> edges = new LinkedHashMap<>();
    private int unshown;

    private final KnowledgeGraphView view;
    private final TermLabels terms;
    /** The union of the named graphs, and the inferred graph: curated statements are those of the first not only in the second. */
    private final Graph union;
    private final Graph inferred;

    private Neighbourhood(KnowledgeGraphView view, TermLabels terms) {
        this.view = view;
        this.terms = terms;
        this.union = view.dataset().getDefaultGraph();
        this.inferred = view.dataset().getGraph(view.inferredGraph());
    }

    /** The neighbourhood of {@code entity}, {@code steps} (1 or 2) deep; call in a read transaction. */
    static Neighbourhood of(EntityContext page, int steps) {
        Neighbourhood n = new Neighbourhood(page.view(), page.terms());
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
        for (Triple t : curated(node, Node.ANY, Node.ANY)) {
            Node o = t.getObject();
            if (!isEntity(o) || o.equals(node)) continue;
            if (!nary && isNary(o)) fold(o, node).ifPresent(found::add);
            else found.add(plain(node, t.getPredicate(), o));
        }
        for (Triple t : curated(Node.ANY, Node.ANY, node)) {
            Node s = t.getSubject();
            if (!isEntity(s) || s.equals(node)) continue;
            if (!nary && isNary(s)) fold(s, node).ifPresent(found::add);
            else found.add(plain(s, t.getPredicate(), node));
        }
        return found;
    }

    /**
     * The curated statements matching a pattern, in a stable order: those of the union that are not inferred (the
     * inferred graph holds only what no curated row states). Read from the union's indexes rather than graph by
     * graph: a page of a country linked with thousands of things would otherwise look in every row's graph.
     */
    private List<Triple> curated(Node s, Node p, Node o) {
        List<Triple> found = new ArrayList<>();
        union.find(s, p, o).forEachRemaining(t -> {
            if (!inferred.contains(t)) found.add(t);
        });
        found.sort(ORDER);
        return found;
    }

    private Optional<Node> first(Node s, Property p) {
        return curated(s, p.asNode(), Node.ANY).stream().map(Triple::getObject).findFirst();
    }

    private Edge plain(Node s, Node p, Node o) {
        return new Edge(s, o, p, terms.label(p.getURI()), Optional.empty());
    }

    /**
     * A post as holder → organisation or facility (the one {@code from} is, when it is one of them); a party as
     * agreement → party. Empty if an end is missing.
     */
    private Optional<Edge> fold(Node nary, Node from) {
        Optional<Node> holder = first(nary, Coop.holder);
        if (holder.isPresent()) {
            Optional<Node> facility = first(nary, Coop.postAtFacility);
            Optional<Node> where = facility.filter(from::equals).or(() -> first(nary, Coop.postIn)).or(() -> facility);
            boolean former = first(nary, Coop.former).filter(n -> n.isLiteral() && "true".equals(n.getLiteralLexicalForm())).isPresent();
            String title = (former ? "former " : "") + first(nary, Coop.postTitle).map(Node::getLiteralLexicalForm)
                    .or(() -> first(nary, Coop.role).map(view::label)).orElse("post");
            return where.map(w -> new Edge(holder.get(), w, Coop.holder.asNode(), title, Optional.of(nary)));
        }
        Optional<Node> agreement = first(nary, Coop.partyIn);
        Optional<Node> party = first(nary, Coop.party);
        if (agreement.isPresent() && party.isPresent()) {
            String role = first(nary, Coop.partyRole).map(view::label).orElse("party");
            return Optional.of(new Edge(agreement.get(), party.get(), Coop.party.asNode(), role, Optional.of(nary)));
        }
        return Optional.empty();
    }

    private boolean isNary(Node node) {
        return union.contains(node, Coop.holder.asNode(), Node.ANY) || union.contains(node, Coop.partyIn.asNode(), Node.ANY);
    }

    private boolean isEntity(Node node) {
        return node.isURI() && view.iris().kindOf(node.getURI()).filter(CuratedSchema.kinds()::contains).isPresent();
    }

    private String kind(Node node) {
        return view.iris().kindOf(node.getURI()).orElse("");
    }
}

package org.coopkg.query.exec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.path.P_Alt;
import org.apache.jena.sparql.path.P_Inverse;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.P_OneOrMore1;
import org.apache.jena.sparql.path.P_ReverseLink;
import org.apache.jena.sparql.path.P_Seq;
import org.apache.jena.sparql.path.P_ZeroOrMore1;
import org.apache.jena.sparql.path.P_ZeroOrOne;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;

/**
 * A SPARQL property path walked over the node ids of a TDB2 triple table: each step is a range of the table's index
 * read as ids, and a node is decoded only where ARQ's order depends on its value. ARQ's own walk
 * ({@code PathEngineSPARQL}) asks the graph for triples, which decodes all three nodes of every triple the path
 * touches, and its solutions then carry nodes that the next TDB2 pattern encodes again.
 *
 * <p>The walk is ARQ's, step for step, so that the nodes come in ARQ's order: an alternative lists its left side's
 * nodes, then its right side's; a sequence feeds each node of its first step into the second; {@code *} and
 * {@code +} visit depth first, each node once; {@code ?} lists its nodes in the order of a {@link HashSet} of the
 * decoded nodes, as ARQ collects them. A step over one predicate reads the index TDB2 chooses for that pattern,
 * as a find on the graph does. Paths of other kinds ({@code !}, {@code {n,m}}) are left to ARQ: {@link #of} returns
 * null for them, and for a predicate that names a property function, which ARQ calls instead of reading triples.
 */
final class NodeIdPath {
    private final Path path;
    private final NodeTupleTable triples;
    private final NodeTable nodes;
    private final Map<Node, NodeId> predicates;

    private NodeIdPath(Path path, NodeTupleTable triples, Map<Node, NodeId> predicates) {
        this.path = path;
        this.triples = triples;
        this.nodes = triples.getNodeTable();
        this.predicates = predicates;
    }

    /** The walker of {@code path} over {@code triples} (a triple table), or null when ARQ must walk it. */
    static NodeIdPath of(Path path, NodeTupleTable triples, Context context) {
        Set<Node> links = new HashSet<>();
        if (!collectPredicates(path, links)) return null;
        PropertyFunctionRegistry functions = PropertyFunctionRegistry.chooseRegistry(context);
        Map<Node, NodeId> predicates = new HashMap<>();
        for (Node p : links) {
            if (functions != null && p.isURI() && functions.isRegistered(p.getURI())) return null;
            predicates.put(p, triples.getNodeTable().getNodeIdForNode(p));
        }
        return new NodeIdPath(path, triples, predicates);
    }

    private static boolean collectPredicates(Path path, Set<Node> predicates) {
        Node link = path instanceof P_Link l ? l.getNode() : path instanceof P_ReverseLink r ? r.getNode() : null;
        if (link != null) {
            predicates.add(link);
            return true;
        }
        if (path instanceof P_Inverse p) return collectPredicates(p.getSubPath(), predicates);
        if (path instanceof P_ZeroOrOne p) return collectPredicates(p.getSubPath(), predicates);
        if (path instanceof P_ZeroOrMore1 p) return collectPredicates(p.getSubPath(), predicates);
        if (path instanceof P_OneOrMore1 p) return collectPredicates(p.getSubPath(), predicates);
        if (path instanceof P_Alt p) return collectPredicates(p.getLeft(), predicates) && collectPredicates(p.getRight(), predicates);
        if (path instanceof P_Seq p) return collectPredicates(p.getLeft(), predicates) && collectPredicates(p.getRight(), predicates);
        return false;
    }

    NodeTable nodeTable() {
        return nodes;
    }

    /** The ends of the path from {@code start} (forward) or to it (backward), in ARQ's order, with repeats. */
    List<NodeId> ends(NodeId start, boolean forward) {
        List<NodeId> out = new ArrayList<>();
        walk(path, start, forward, out);
        return out;
    }

    /**
     * The nodes a path with both ends unbound starts from, in ARQ's order ({@code PathLib}'s starting set: the
     * subjects, or objects, of the path's first step, each once), or null where ARQ starts from every node of the graph.
     */
    Iterator<NodeId> startingSet() {
        Set<NodeId> starts = startingSet(path, true);
        return starts == null ? null : starts.iterator();
    }

    private Set<NodeId> startingSet(Path step, boolean forward) {
        if (step instanceof P_Link link) return subjectsOrObjects(link.getNode(), forward);
        if (step instanceof P_Inverse p) return startingSet(p.getSubPath(), !forward);
        if (step instanceof P_Seq p) return startingSet(p.getLeft(), forward);
        if (step instanceof P_Alt p) {
            Set<NodeId> left = startingSet(p.getLeft(), forward);
            Set<NodeId> right = left == null ? null : startingSet(p.getRight(), forward);
            if (right == null) return null;
            left.addAll(right);
            return left;
        }
        if (step instanceof P_OneOrMore1 p) {
            if (p.getSubPath() instanceof P_Link link) return subjectsOrObjects(link.getNode(), forward);
            if (p.getSubPath() instanceof P_Inverse inverse) return startingSet(inverse.getSubPath(), !forward);
        }
        return null;
    }

    /** The subjects (or objects) of a predicate's triples, each once, in the order of the index a find reads. */
    private Set<NodeId> subjectsOrObjects(Node predicate, boolean subjects) {
        Set<NodeId> found = new LinkedHashSet<>();
        NodeId p = predicates.get(predicate);
        if (NodeId.isDoesNotExist(p)) return found;
        Iterator<Tuple<NodeId>> matches = triples.find(NodeId.NodeIdAny, p, NodeId.NodeIdAny);
        while (matches.hasNext()) found.add(matches.next().get(subjects ? 0 : 2));
        return found;
    }

    private void walk(Path step, NodeId node, boolean forward, Collection<NodeId> out) {
        if (step instanceof P_Link link) {
            link(link.getNode(), node, forward, out);
        } else if (step instanceof P_ReverseLink link) {
            link(link.getNode(), node, !forward, out);
        } else if (step instanceof P_Inverse p) {
            walk(p.getSubPath(), node, !forward, out);
        } else if (step instanceof P_Alt p) {
            walk(p.getLeft(), node, forward, out);
            walk(p.getRight(), node, forward, out);
        } else if (step instanceof P_Seq p) {
            List<NodeId> middle = new ArrayList<>();
            walk(forward ? p.getLeft() : p.getRight(), node, forward, middle);
            for (NodeId m : middle) walk(forward ? p.getRight() : p.getLeft(), m, forward, out);
        } else if (step instanceof P_ZeroOrOne p) {
            zeroOrOne(p.getSubPath(), node, forward, out);
        } else if (step instanceof P_ZeroOrMore1 p) {
            depthFirst(p.getSubPath(), node, forward, new HashSet<>(), out);
        } else if (step instanceof P_OneOrMore1 p) {
            Set<NodeId> visited = new HashSet<>();
            List<NodeId> first = new ArrayList<>();
            walk(p.getSubPath(), node, forward, first);
            for (NodeId n : first) depthFirst(p.getSubPath(), n, forward, visited, out);
        } else {
            throw new IllegalStateException("not a path NodeIdPath walks: " + step);
        }
    }

    private void link(Node predicate, NodeId node, boolean forward, Collection<NodeId> out) {
        NodeId p = predicates.get(predicate);
        if (NodeId.isDoesNotExist(p)) return;
        Iterator<Tuple<NodeId>> matches = forward ? triples.find(node, p, NodeId.NodeIdAny) : triples.find(NodeId.NodeIdAny, p, node);
        int end = forward ? 2 : 0;
        while (matches.hasNext()) out.add(matches.next().get(end));
    }

    /**
     * ARQ collects {@code path?} into a hash set of nodes, the start added last, and lists that set. A {@link HashSet}
     * is the key set of a {@link HashMap}, so a map from the decoded nodes to their ids lists them in that order.
     */
    private void zeroOrOne(Path step, NodeId node, boolean forward, Collection<NodeId> out) {
        List<NodeId> reached = new ArrayList<>();
        walk(step, node, forward, reached);
        reached.add(node);
        Map<Node, NodeId> inArqsOrder = new HashMap<>();
        for (NodeId id : reached) inArqsOrder.putIfAbsent(nodes.getNodeForNodeId(id), id);
        out.addAll(inArqsOrder.values());
    }

    private void depthFirst(Path step, NodeId node, boolean forward, Set<NodeId> visited, Collection<NodeId> out) {
        if (!visited.add(node)) return;
        out.add(node);
        List<NodeId> next = new ArrayList<>();
        walk(step, node, forward, next);
        for (NodeId n : next) depthFirst(step, n, forward, visited, out);
    }
}

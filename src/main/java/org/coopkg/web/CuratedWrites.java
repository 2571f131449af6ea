package org.coopkg.web;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.coopkg.store.QuadChange;

/**
 * What the default graph means to a write, while queries see it as the union of the named graphs (a stored copy,
 * rebuilt at every commit by {@link CuratedDataset}). In a write transaction:
 * <ul>
 * <li>reading the default graph reads the union of the named graphs as the transaction has changed them so far, so
 * that a later operation of one request sees what an earlier one did;</li>
 * <li>a triple added to the default graph goes into the edits graph ({@code {base}graph/edits}), a curated named
 * graph that is part of the union;</li>
 * <li>a triple deleted from the default graph is deleted from every curated graph that holds it, so that it leaves
 * the union (a triple of the ontology, or one it entails, comes back at commit unless what entails it goes too);</li>
 * <li>clearing the default graph ({@code CLEAR DEFAULT}, {@code DROP DEFAULT}, the Graph Store's {@code ?default})
 * clears the edits graph; clearing the whole dataset clears every curated graph.</li>
 * </ul>
 * Writes to the computed graphs (ontology, inferred) reach the store but are undone at commit, when they are
 * recomputed. Every change to a curated graph is recorded: {@link #changes()} is what the transaction changed (net:
 * a quad added and deleted again is no change), for the journal and to skip the derivation of a write that changed
 * nothing. Outside write transactions everything passes through.
 */
final class CuratedWrites extends DatasetGraphWrapper {
    private final Node edits;
    private final Set<Node> computed;
    /** Quad → whether it was in the store when the transaction first touched it. */
    private final Map<Quad, Boolean> before = new LinkedHashMap<>();
    private boolean touchedComputed;

    CuratedWrites(DatasetGraph stored, Node edits, Set<Node> computed) {
        super(stored);
        this.edits = edits;
        this.computed = Set.copyOf(computed);
    }

    Node editsGraph() {
        return edits;
    }

    private boolean writing() {
        return isInTransaction() && transactionMode() == ReadWrite.WRITE;
    }

    /** A curated graph: a named graph the server does not compute. */
    boolean curated(Node graph) {
        return graph != null && !Quad.isDefaultGraph(graph) && !Quad.isUnionGraph(graph) && !computed.contains(graph);
    }

    /** The net changes to curated graphs of the current write transaction, in the order first made. */
    List<QuadChange> changes() {
        List<QuadChange> changes = new ArrayList<>();
        DatasetGraph stored = getWrapped();
        before.forEach((quad, was) -> {
            boolean is = stored.contains(quad);
            if (is != was) changes.add(new QuadChange(is, quad));
        });
        return changes;
    }

    /** Whether the current write transaction wrote to a computed graph (undone when they are recomputed). */
    boolean touchedComputed() {
        return touchedComputed;
    }

    private void forgetChanges() {
        before.clear();
        touchedComputed = false;
    }

    @Override
    public void begin(ReadWrite mode) {
        super.begin(mode);
        if (mode == ReadWrite.WRITE) forgetChanges();
    }

    @Override
    public void begin(TxnType type) {
        super.begin(type);
        if (type == TxnType.WRITE) forgetChanges();
    }

    @Override
    public boolean promote(Promote mode) {
        boolean promoted = super.promote(mode);
        if (promoted) forgetChanges();
        return promoted;
    }

    // ---- graphs: views over this dataset in a write transaction, so that every write comes through here

    @Override
    public Graph getDefaultGraph() {
        return writing() ? new View(this, Quad.defaultGraphNodeGenerated) : super.getDefaultGraph();
    }

    @Override
    public Graph getGraph(Node graphNode) {
        if (!writing()) return super.getGraph(graphNode);
        return new View(this, Quad.isDefaultGraph(graphNode) ? Quad.defaultGraphNodeGenerated : graphNode);
    }

    @Override
    public Graph getUnionGraph() {
        return writing() ? GraphView.createUnionGraph(this) : super.getUnionGraph();
    }

    // ---- reads

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        if (!writing()) return super.find(g, s, p, o);
        if (g == null || Quad.isDefaultGraph(g)) return unionAsDefault(s, p, o);
        if (g.isConcrete() || Quad.isUnionGraph(g)) return super.find(g, s, p, o);
        return Iter.concat(super.findNG(g, s, p, o), unionAsDefault(s, p, o));
    }

    @Override
    public Iterator<Quad> find(Quad quad) {
        return find(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public Iterator<Quad> find() {
        return find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        return find(g, s, p, o).hasNext();
    }

    @Override
    public boolean contains(Quad quad) {
        return contains(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    private Iterator<Quad> unionAsDefault(Node s, Node p, Node o) {
        Iterator<Quad> named = super.findNG(Node.ANY, s, p, o);
        return Iter.map(Iter.distinct(Iter.map(named, Quad::asTriple)),
                t -> Quad.create(Quad.defaultGraphIRI, t));
    }

    // ---- writes

    @Override
    public void add(Quad quad) {
        add(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        if (!writing()) {
            super.add(g, s, p, o);
            return;
        }
        Node graph = g == null || Quad.isDefaultGraph(g) ? edits : g;
        Quad quad = Quad.create(graph, s, p, o);
        note(quad);
        getWrapped().add(quad);
    }

    @Override
    public void delete(Quad quad) {
        delete(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        if (!writing()) {
            super.delete(g, s, p, o);
            return;
        }
        if (g == null || Quad.isDefaultGraph(g)) {
            // Out of the union: from every curated graph that holds it.
            for (Quad held : Iter.toList(super.findNG(Node.ANY, s, p, o))) {
                if (curated(held.getGraph())) deleteStored(held);
            }
            return;
        }
        deleteStored(Quad.create(g, s, p, o));
    }

    private void deleteStored(Quad quad) {
        note(quad);
        getWrapped().delete(quad);
    }

    private void note(Quad quad) {
        if (!curated(quad.getGraph())) touchedComputed = true;
        else if (!before.containsKey(quad)) before.put(quad, getWrapped().contains(quad));
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        if (!writing()) {
            super.deleteAny(g, s, p, o);
            return;
        }
        // null is the default graph here (GraphView.remove passes its graph name, null for the default graph).
        Node graph = g == null || Quad.isDefaultGraph(g) ? Quad.defaultGraphIRI : g;
        if (Quad.isDefaultGraph(graph) && s == Node.ANY && p == Node.ANY && o == Node.ANY) {
            clearStored(edits);
            return;
        }
        List<Quad> matches = Iter.toList(find(graph, s, p, o));
        for (Quad quad : matches) delete(quad);
    }

    private void clearStored(Node graph) {
        for (Quad quad : Iter.toList(super.find(graph, Node.ANY, Node.ANY, Node.ANY))) deleteStored(quad);
    }

    @Override
    public void clear() {
        if (!writing()) {
            super.clear();
            return;
        }
        for (Node graph : Iter.toList(super.listGraphNodes())) {
            if (curated(graph)) clearStored(graph);
        }
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        if (!writing()) {
            super.addGraph(graphName, graph);
            return;
        }
        removeGraph(graphName);
        graph.find().forEachRemaining(t -> add(graphName, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    @Override
    public void removeGraph(Node graphName) {
        if (!writing()) {
            super.removeGraph(graphName);
            return;
        }
        if (graphName == null || Quad.isDefaultGraph(graphName)) clearStored(edits);
        else clearStored(graphName);
    }

    /**
     * A graph of this dataset in a write transaction. Its prefixes are its own: the Graph Store clears a graph's
     * prefixes when it replaces the graph, and they must not be the dataset's, which record its base IRI.
     */
    private static final class View extends GraphView {
        View(DatasetGraph dataset, Node graphName) {
            super(dataset, graphName);
        }

        @Override
        protected PrefixMapping createPrefixMapping() {
            return new PrefixMappingImpl().setNsPrefixes(getDataset().prefixes().getMapping());
        }

        @Override
        public void clear() {
            Node name = getGraphName();
            getDataset().deleteAny(name == null ? Quad.defaultGraphNodeGenerated : name, Node.ANY, Node.ANY, Node.ANY);
        }
    }
}

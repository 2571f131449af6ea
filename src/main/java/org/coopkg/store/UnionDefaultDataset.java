package org.coopkg.store;

import java.util.Iterator;
import java.util.stream.Stream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.TDB2;

/**
 * A TDB2 database of named graphs read with their union as its default graph, by SPARQL and by the Java API alike.
 * TDB2's {@code unionDefaultGraph} setting makes SPARQL see the union, but {@code getDefaultGraph()} and {@code find}
 * would still read the stored default graph, which coop-kg leaves empty; the Linked Data pages, VoID, the query page
 * and the reconciliation catalogue read the union through those, as they do in memory. {@code find} over every graph
 * gives the union as the default graph, then the named graphs, as the in-memory dataset does. The stored default
 * graph of a database loaded by an earlier version (a copy of the union) is not read.
 */
final class UnionDefaultDataset extends DatasetGraphWrapper {
    UnionDefaultDataset(DatasetGraph tdb) {
        super(tdb);
        tdb.getContext().set(TDB2.symUnionDefaultGraph, true);
    }

    @Override
    public Graph getDefaultGraph() {
        return getUnionGraph();
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return Quad.isDefaultGraph(graphNode) ? getUnionGraph() : super.getGraph(graphNode);
    }

    @Override
    public Iterator<Quad> find() {
        return find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public Iterator<Quad> find(Quad quad) {
        return find(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        if (g == null || Quad.isDefaultGraph(g)) return unionAsDefault(s, p, o);
        if (g.isConcrete() || Quad.isUnionGraph(g)) return super.find(g, s, p, o);
        return Iter.concat(unionAsDefault(s, p, o), super.findNG(g, s, p, o));
    }

    @Override
    public Stream<Quad> stream() {
        return Iter.asStream(find());
    }

    @Override
    public Stream<Quad> stream(Node g, Node s, Node p, Node o) {
        return Iter.asStream(find(g, s, p, o));
    }

    @Override
    public boolean isEmpty() {
        return !getWrapped().find().hasNext();
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        if (g == null || Quad.isDefaultGraph(g)) return getUnionGraph().contains(s, p, o);
        return find(g, s, p, o).hasNext();
    }

    @Override
    public boolean contains(Quad quad) {
        return contains(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    private Iterator<Quad> unionAsDefault(Node s, Node p, Node o) {
        return Iter.map(getUnionGraph().find(s, p, o), t -> Quad.create(Quad.defaultGraphIRI, t));
    }
}

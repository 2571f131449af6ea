package org.coopkg.derive;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraphMapLink;
import org.apache.jena.sparql.core.Quad;

/**
 * The read-only in-memory dataset: one plain graph per named graph (a curated row, a few triples each) and, as default
 * graph, their union in an indexed graph. A named graph holding a given triple is found through the union's index and a
 * map from each triple to the graphs holding it, instead of by asking every named graph in turn: at scale 1000 that is
 * 220,000 graphs for each {@code GRAPH ?g} match.
 *
 * <p>The map is built on the first such search and forgotten by any change made through the dataset. A change made
 * through a named graph's own {@link Graph} object is not seen: build the dataset through {@link #add(Quad)}.
 */
public final class UnionIndexedDataset extends DatasetGraphMapLink {
    private final Graph union;
    // Each triple's graph name, or its graph names as a Node[] when several graphs hold it; null until first needed.
    private volatile Map<Triple, Object> graphsOf;

    /** An empty dataset whose default graph is {@code union}, which the caller keeps equal to the named graphs' union. */
    public UnionIndexedDataset(Graph union) {
        super(union);
        this.union = union;
    }

    @Override
    protected Iterator<Quad> findInAnyNamedGraphs(Node s, Node p, Node o) {
        // Everything is quicker read graph by graph (and then in the order it always had).
        if (isWildcard(s) && isWildcard(p) && isWildcard(o)) return super.findInAnyNamedGraphs(s, p, o);
        Map<Triple, Object> index = index();
        return Iter.flatMap(union.find(s, p, o), triple -> {
            Object graphs = index.get(triple);
            if (graphs == null) return Iter.nullIterator();
            if (graphs instanceof Node graph) return Iter.singletonIterator(Quad.create(graph, triple));
            return Iter.map(Arrays.asList((Node[]) graphs).iterator(), graph -> Quad.create(graph, triple));
        });
    }

    private Map<Triple, Object> index() {
        Map<Triple, Object> index = graphsOf;
        if (index != null) return index;
        synchronized (this) {
            if (graphsOf == null) {
                Map<Triple, Object> built = new HashMap<>();
                listGraphNodes().forEachRemaining(name -> getGraph(name).find().forEachRemaining(triple ->
                        built.merge(triple, name, UnionIndexedDataset::both)));
                graphsOf = built;
            }
            return graphsOf;
        }
    }

    private static Object both(Object graphs, Object another) {
        Node[] before = graphs instanceof Node one ? new Node[] {one} : (Node[]) graphs;
        Node[] after = Arrays.copyOf(before, before.length + 1);
        after[before.length] = (Node) another;
        return after;
    }

    @Override
    public void add(Quad quad) {
        graphsOf = null;
        super.add(quad);
    }

    @Override
    public void delete(Quad quad) {
        graphsOf = null;
        super.delete(quad);
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        graphsOf = null;
        super.addGraph(graphName, graph);
    }

    @Override
    public void removeGraph(Node graphName) {
        graphsOf = null;
        super.removeGraph(graphName);
    }

    @Override
    public void clear() {
        graphsOf = null;
        super.clear();
    }
}

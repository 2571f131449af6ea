package org.coopkg.load;

import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/**
 * The result of a successful load: named graphs per curated row, the metadata, ontology and inferred
 * graphs, and a default graph that is their union (so plain queries see everything).
 *
 * <p>The transactional in-memory dataset that a server queries and updates is built on first use of
 * {@link #dataset()}: a load that only writes the quads elsewhere (TDB2) never pays for it.
 */
public final class LoadedGraph {
    private final GraphNames names;
    private final int rows;
    private final long inferredTriples;
    private final long namedGraphQuads;
    private final long quadCount;
    private final Map<String, Long> phaseMillis;
    // The mapped data until the dataset is built from it; then only the dataset, so that a server does not
    // keep two copies of the data.
    private Collection<Quad> namedQuads;
    private Graph union;
    private Map<String, String> prefixes;
    private DatasetGraph dataset;

    LoadedGraph(Collection<Quad> namedQuads, Graph union, Map<String, String> prefixes, GraphNames names, int rows,
            long inferredTriples, Map<String, Long> phaseMillis) {
        this.phaseMillis = new LinkedHashMap<>(phaseMillis);
        this.namedQuads = namedQuads;
        this.union = union;
        this.prefixes = prefixes;
        this.names = names;
        this.rows = rows;
        this.inferredTriples = inferredTriples;
        this.namedGraphQuads = namedQuads.size();
        this.quadCount = namedQuads.size() + union.size();
    }

    /** A loaded graph around a dataset built elsewhere (its default graph already the union). */
    public LoadedGraph(DatasetGraph dataset, GraphNames names, int rows, long inferredTriples) {
        this.phaseMillis = new LinkedHashMap<>();
        this.names = names;
        this.rows = rows;
        this.inferredTriples = inferredTriples;
        this.dataset = dataset;
        this.namedGraphQuads = Txn.calculateRead(dataset, () -> dataset.stream().filter(q -> !q.isDefaultGraph()).count());
        this.quadCount = Txn.calculateRead(dataset, () -> dataset.stream().count());
    }

    /**
     * Milliseconds each step of the load took, in order (read CSV, map to RDF, materialise, validate, and once
     * {@link #dataset()} has been built, build the in-memory dataset); empty for a dataset built elsewhere.
     */
    public synchronized Map<String, Long> phaseMillis() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(phaseMillis));
    }

    /** The data as a transactional in-memory dataset (TIM): named graphs plus their union as default graph. */
    public synchronized DatasetGraph dataset() {
        if (dataset == null) {
            long start = System.nanoTime();
            DatasetGraph built = DatasetGraphFactory.createTxnMem();
            Txn.executeWrite(built, () -> {
                Iterator<Quad> quads = quads();
                while (quads.hasNext()) built.add(quads.next());
                built.prefixes().putAll(prefixes);
            });
            dataset = built;
            phaseMillis.put("build the in-memory dataset", (System.nanoTime() - start) / 1_000_000);
            namedQuads = null;
            union = null;
            prefixes = null;
        }
        return dataset;
    }

    /**
     * The data as a dataset whose default graph is the union, for readers of the default graph only (the
     * full-text indexer): the in-memory dataset if it has been built, else a view of the union itself, which
     * may be read from several threads at once.
     */
    public synchronized DatasetGraph unionView() {
        return dataset != null ? dataset : DatasetGraphFactory.wrap(union);
    }

    /** Every quad: those of the named graphs, then their union as default-graph quads. */
    public synchronized Iterator<Quad> quads() {
        if (namedQuads == null) return Txn.calculateRead(dataset, () -> dataset.stream().toList()).iterator();
        return Iter.concat(namedQuads.iterator(), Iter.map(union.find(),
                t -> Quad.create(Quad.defaultGraphIRI, t)));
    }

    /** How many quads {@link #quads()} gives. */
    public long quadCount() {
        return quadCount;
    }

    /** Prefix → namespace of the data's prefixes. */
    public synchronized Map<String, String> prefixes() {
        return prefixes != null ? prefixes : Txn.calculateRead(dataset, () -> dataset.prefixes().getMapping());
    }

    /** The quads of the named graphs: what an N-Quads dump holds (the default graph repeats them as their union). */
    public long namedGraphQuads() {
        return namedGraphQuads;
    }

    public GraphNames names() {
        return names;
    }

    public int rows() {
        return rows;
    }

    public long inferredTriples() {
        return inferredTriples;
    }
}

package org.coopkg.derive;

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
import org.coopkg.core.CoopIris;

/**
 * The result of a successful load: named graphs per curated row, the metadata, ontology and inferred
 * graphs, and a default graph that is their union (so plain queries see everything).
 *
 * <p>The in-memory datasets are built on first use: {@link #readOnlyDataset()} for a server without updates
 * and for queries, {@link #dataset()} (transactional) for one that takes updates. A load that only writes the
 * quads elsewhere (TDB2) pays for neither.
 */
public final class LoadedGraph {
    private final CoopIris names;
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
    private DatasetGraph readOnly;

    LoadedGraph(Collection<Quad> namedQuads, Graph union, Map<String, String> prefixes, CoopIris names, int rows,
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
    public LoadedGraph(DatasetGraph dataset, CoopIris names, int rows, long inferredTriples) {
        this.phaseMillis = new LinkedHashMap<>();
        this.names = names;
        this.rows = rows;
        this.inferredTriples = inferredTriples;
        this.dataset = dataset;
        this.namedGraphQuads = Txn.calculateRead(dataset, () -> dataset.stream().filter(q -> !q.isDefaultGraph()).count());
        this.quadCount = Txn.calculateRead(dataset, () -> dataset.stream().count());
    }

    /**
     * Milliseconds each step of the load took, in order (read CSV, map to RDF, index the statements, materialise,
     * validate, then building whichever in-memory dataset has been asked for); empty for a dataset built elsewhere.
     */
    public synchronized Map<String, Long> phaseMillis() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(phaseMillis));
    }

    /**
     * The data for reading only: the union, already built by the load as an indexed in-memory graph
     * ({@code GraphMem2Roaring}), as the default graph, and each named graph a plain in-memory graph, found for a pattern
     * through the union's index ({@link UnionIndexedDataset}). Built several times faster than {@link #dataset()} and
     * faster to query (BENCHMARKS.md has the figures). Its transactions cannot roll back, so a server that takes
     * updates uses {@link #dataset()}.
     */
    public synchronized DatasetGraph readOnlyDataset() {
        if (readOnly == null) {
            if (dataset != null) return dataset;
            long start = System.nanoTime();
            UnionIndexedDataset built = new UnionIndexedDataset(union);
            namedQuads.forEach(built::add);
            built.prefixes().putAll(prefixes);
            readOnly = built;
            phaseMillis.put("build the read-only dataset", (System.nanoTime() - start) / 1_000_000);
            namedQuads = null;
        }
        return readOnly;
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
            readOnly = null;
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
        if (namedQuads == null) {
            DatasetGraph built = dataset != null ? dataset : readOnly;
            return Txn.calculateRead(built, () -> built.stream().toList()).iterator();
        }
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

    public CoopIris names() {
        return names;
    }

    public int rows() {
        return rows;
    }

    public long inferredTriples() {
        return inferredTriples;
    }
}

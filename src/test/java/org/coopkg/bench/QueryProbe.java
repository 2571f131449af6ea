package org.coopkg.bench;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.mem2.GraphMem2Fast;
import org.apache.jena.mem2.GraphMem2Roaring;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.params.StoreParamsBuilder;
import org.apache.jena.tdb2.sys.DatabaseConnection;
import org.apache.jena.vocabulary.RDF;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.derive.UnionIndexedDataset;
import org.coopkg.load.CuratedFiles;
import org.coopkg.query.Gallery;
import org.coopkg.query.GalleryQuery;
import org.coopkg.query.exec.CoopQueryEngine;
import org.coopkg.store.TdbStore;

/**
 * Runs gallery queries in one JVM over a TDB2 database or the in-memory dataset of a data folder, to find where
 * the time goes: each query's plan and median time, with its answer written as SPARQL JSON to a null stream (as a
 * server writes it). Run it under JFR ({@code -XX:StartFlightRecording}) for a profile.
 *
 * <p>Arguments: {@code --tdb2 DIR | --data DIR | --nquads FILE} {@code [--runs N] [--plan] [--coop] [--weighted]
 * [--only PREFIX,...]}; {@code --coop} runs coop-kg's engine ({@link CoopQueryEngine}), else ARQ's. The storage
 * variants the benchmark compares: {@code --node-cache N} (TDB2's node-id → node cache, entries),
 * {@code --union-default} (the default graph as TDB2's union of the named graphs, for a database of named graphs
 * only), and, for {@code --nquads} (a load's dump: named graphs and their union as default graph), {@code --union-graph
 * fast|roaring}, the in-memory graph class of the read-only dataset's union. {@code --heap} reports the heap in use
 * after a full collection once the queries have run; {@code --java-reads} times reading the default graph through the
 * Java API first.
 */
public final class QueryProbe {
    /** CPU time of the query thread: on a machine shared with other work, steadier than wall time. */
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private QueryProbe() {}

    public static void main(String[] args) throws Exception {
        DatasetGraph dataset = null;
        int runs = 3;
        boolean plan = false;
        boolean coop = false;
        boolean weighted = false;
        boolean heap = false;
        boolean unionDefault = false;
        boolean javaReads = false;
        Path tdb2 = null;
        Path nquads = null;
        Integer nodeCache = null;
        String unionGraph = "roaring";
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tdb2" -> tdb2 = Path.of(args[++i]);
                case "--data" -> dataset = new CoopLoader(CuratedFiles.directory(Path.of(args[++i])), CoopIris.DEFAULT_BASE)
                        .load().readOnlyDataset();
                case "--nquads" -> nquads = Path.of(args[++i]);
                case "--union-graph" -> unionGraph = args[++i];
                case "--node-cache" -> nodeCache = Integer.parseInt(args[++i]);
                case "--union-default" -> unionDefault = true;
                case "--java-reads" -> javaReads = true;
                case "--heap" -> heap = true;
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--plan" -> plan = true;
                case "--coop" -> coop = true;
                case "--weighted" -> weighted = true;
                case "--only" -> only.addAll(List.of(args[++i].split(",")));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (tdb2 != null) dataset = openTdb2(tdb2, nodeCache, unionDefault);
        if (nquads != null) dataset = readDump(nquads, unionGraph);
        if (dataset == null) throw new IllegalArgumentException("give --tdb2 DIR, --data DIR or --nquads FILE");
        DatasetGraph dsg = dataset;
        if (javaReads) javaReads(dsg, unionDefault);
        if (coop) CoopQueryEngine.install(dsg);
        if (weighted) {
            long start = System.nanoTime();
            CoopQueryEngine.weightedJoinOrder(dsg);
            System.out.printf(Locale.ROOT, "statistics gathered in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        for (GalleryQuery q : Gallery.bundled()) {
            if (q.sparql().contains("text:query")) continue;
            if (!only.isEmpty() && only.stream().noneMatch(q.file()::startsWith)) continue;
            Query query = QueryFactory.create(q.sparql());
            if (plan) {
                Txn.executeRead(dsg, () -> {
                    Context cxt = Context.setupContextForDataset(ARQ.getContext(), dsg);
                    QueryEngineFactory f = QueryEngineRegistry.findFactory(query, dsg, cxt);
                    Plan p = f.create(query, dsg, BindingFactory.empty(), cxt);
                    System.out.println("## plan " + q.file() + "\n" + p.getOp());
                });
            }
            List<Double> millis = new ArrayList<>();
            List<Double> cpuMillis = new ArrayList<>();
            long[] rows = new long[1];
            for (int i = 0; i <= runs; i++) {
                long start = System.nanoTime();
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                Txn.executeRead(dsg, () -> {
                    try (QueryExec exec = QueryExec.dataset(dsg).query(query).build()) {
                        RowSet rs = exec.select();
                        CountingRows counted = new CountingRows(rs);
                        RowSetWriterRegistry.getFactory(ResultSetLang.RS_JSON).create(ResultSetLang.RS_JSON)
                                .write(OutputStream.nullOutputStream(), counted, ARQ.getContext());
                        rows[0] = counted.count;
                    }
                });
                if (i > 0) {
                    millis.add((System.nanoTime() - start) / 1e6);
                    cpuMillis.add((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6);
                }
            }
            System.out.printf(Locale.ROOT, "%s rows %d median %.1f ms cpu %.1f ms runs %s%n", q.file(), rows[0],
                    Stats.median(millis), Stats.median(cpuMillis), millis);
        }
        if (heap) {
            System.gc();
            System.out.printf(Locale.ROOT, "heap in use after a full collection: %.0f MiB%n",
                    java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
        }
    }

    /**
     * Reads the default graph through the Java API, as the Linked Data pages, VoID and the catalogue read it (with
     * {@code unionDefault}, TDB2's union graph, which those readers would get): every triple, every {@code rdf:type}
     * triple, and the triples of the first 20,000 typed subjects one subject at a time. Prints the second of two rounds.
     */
    private static void javaReads(DatasetGraph dataset, boolean unionDefault) {
        String report = null;
        for (int round = 0; round < 2; round++) {
            report = Txn.calculateRead(dataset, () -> {
                Graph graph = unionDefault ? dataset.getUnionGraph() : dataset.getDefaultGraph();
                long start = System.nanoTime();
                long all = Iter.count(graph.find());
                long typesStart = System.nanoTime();
                List<Node> subjects = new ArrayList<>();
                long types = 0;
                for (var it = graph.find(Node.ANY, RDF.Nodes.type, Node.ANY); it.hasNext(); types++) {
                    Node subject = it.next().getSubject();
                    if (subjects.size() < 20_000) subjects.add(subject);
                }
                long subjectsStart = System.nanoTime();
                long described = 0;
                for (Node subject : subjects) described += Iter.count(graph.find(subject, Node.ANY, Node.ANY));
                long end = System.nanoTime();
                return String.format(Locale.ROOT, "java reads: all %d in %.2f s; rdf:type %d in %.2f s; subjects %d in %.2f s",
                        all, (typesStart - start) / 1e9, types, (subjectsStart - typesStart) / 1e9, described,
                        (end - subjectsStart) / 1e9);
            });
        }
        System.out.println(report);
    }

    /** The TDB2 database of {@code dir}, with a node-id → node cache of {@code nodeCache} entries (null: TDB2's). */
    private static DatasetGraph openTdb2(Path dir, Integer nodeCache, boolean unionDefault) {
        DatasetGraph tdb = nodeCache == null ? TdbStore.open(dir)
                : DatabaseConnection.connectCreate(Location.create(dir),
                        StoreParamsBuilder.create().nodeId2NodeCacheSize(nodeCache).build()).getDatasetGraph();
        if (unionDefault) tdb.getContext().set(TDB2.symUnionDefaultGraph, true);
        return tdb;
    }

    /**
     * The read-only in-memory dataset built from a load's dump, its union in a {@code GraphMem2Fast} or a
     * {@code GraphMem2Roaring}; prints the time to parse and build it.
     */
    private static DatasetGraph readDump(Path nquads, String unionGraph) {
        long start = System.nanoTime();
        Graph union = switch (unionGraph) {
            case "fast" -> new GraphMem2Fast();
            case "roaring" -> new GraphMem2Roaring();
            default -> throw new IllegalArgumentException("--union-graph is fast or roaring, not " + unionGraph);
        };
        UnionIndexedDataset dataset = new UnionIndexedDataset(union);
        RDFParser.source(nquads).lang(Lang.NQUADS).parse(new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
                if (quad.isDefaultGraph()) union.add(quad.asTriple());
                else dataset.add(quad);
            }
        });
        System.out.printf(Locale.ROOT, "read and built in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return dataset;
    }

    /** Rows passed through, counted. */
    private static final class CountingRows implements RowSet {
        private final RowSet rows;
        long count;

        CountingRows(RowSet rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public org.apache.jena.sparql.engine.binding.Binding next() {
            count++;
            return rows.next();
        }

        @Override
        public List<org.apache.jena.sparql.core.Var> getResultVars() {
            return rows.getResultVars();
        }

        @Override
        public long getRowNumber() {
            return rows.getRowNumber();
        }

        @Override
        public void close() {
            rows.close();
        }
    }
}

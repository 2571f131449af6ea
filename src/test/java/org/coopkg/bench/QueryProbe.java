package org.coopkg.bench;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
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
 * <p>Arguments: {@code --tdb2 DIR | --data DIR} {@code [--runs N] [--plan] [--coop] [--only PREFIX,...]}; {@code --coop}
 * runs coop-kg's engine ({@link CoopQueryEngine}), else ARQ's.
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
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tdb2" -> dataset = TdbStore.open(Path.of(args[++i]));
                case "--data" -> dataset = new CoopLoader(CuratedFiles.directory(Path.of(args[++i])), CoopIris.DEFAULT_BASE)
                        .load().readOnlyDataset();
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--plan" -> plan = true;
                case "--coop" -> coop = true;
                case "--weighted" -> weighted = true;
                case "--only" -> only.addAll(List.of(args[++i].split(",")));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        DatasetGraph dsg = dataset;
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

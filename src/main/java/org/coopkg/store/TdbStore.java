package org.coopkg.store;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.coopkg.core.Causes;
import org.coopkg.core.CoopIris;

/**
 * The TDB2 database of {@code coopkg load --tdb2 DIR} and {@code coopkg serve --tdb2 DIR}.
 *
 * <p><b>Layout.</b> The database holds exactly what the in-memory server holds: every named graph (one per
 * curated row, plus metadata, ontology and inferred) <em>and</em> the default graph as a stored copy of
 * their union. Storing the union costs twice the quads but keeps every reader identical — SPARQL, and the
 * Linked Data pages, VoID and query page, which read the default graph through the Java API. Configurations
 * that set {@code tdb2:unionDefaultGraph true} (fuseki-config/) see the same default graph, computed.
 *
 * <p><b>Reload.</b> {@link #replace} clears the database and adds the new quads in one write transaction:
 * TDB2 readers (MVCC) see the old data or the new, never a mix. A TDB2 directory is used by one JVM at a
 * time (the {@code tdb.lock} file), so reload a database while no other process serves it.
 */
public final class TdbStore {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);
    /** The bulk loader's own log lines: our progress reports replace them. */
    private static final MonitorOutput QUIET = (format, args) -> { };

    private TdbStore() {}

    /**
     * Where {@code coopkg load --tdb2 DIR} keeps the full-text index of the database in {@code dir}, so that
     * {@code serve --tdb2} need not build it at start-up. The load deletes it first and writes it last: a
     * database without one (an older one, or a load stopped half-way) gets its index built at start-up.
     */
    public static Path textIndexOf(Path dir) {
        return dir.resolve("text-index");
    }

    /**
     * The join statistics of the database in {@code dir} ({@code stats.opt}, written by {@code coopkg load --tdb2}): TDB2
     * reads them when it opens the database and orders the patterns of a join by them (Jena's weighted reorder) instead
     * of its fixed order. Any server of the database reads them, stock Fuseki too.
     */
    public static Path statisticsOf(Path dir) {
        return dir.resolve("stats.opt");
    }

    /** Opens (creating if needed) the TDB2 database in {@code dir}. */
    public static DatasetGraph open(Path dir) {
        return DatabaseMgr.connectDatasetGraph(dir.toString());
    }

    /** Releases the database (files and lock) so that another process may open it. */
    public static void release(DatasetGraph tdb) {
        TDBInternal.expel(tdb);
    }

    /** Whether {@code dir} holds a TDB2 database with data. */
    public static boolean hasData(DatasetGraph tdb) {
        // find(), not isEmpty(): TDB2's isEmpty() looks at the default graph only, and a database made by another
        // tool from the N-Quads release may hold named graphs alone.
        return Txn.calculateRead(tdb, () -> tdb.find().hasNext());
    }

    /** The base IRI the data was loaded with: recorded as the {@code id:} prefix ({base}id/). */
    public static String base(DatasetGraph tdb) {
        return Txn.calculateRead(tdb, () -> {
            String entitySpace = tdb.prefixes().get(CoopIris.ENTITY_PREFIX);
            return entitySpace != null ? CoopIris.ofEntitySpace(entitySpace).base() : CoopIris.DEFAULT_BASE;
        });
    }

    /**
     * Replaces the whole content of {@code tdb} with {@code source} (all its quads, default graph included,
     * and its prefixes) in one write transaction. Progress goes to {@code progress} (every 2 s; may be null).
     *
     * @return the number of quads written
     */
    public static long replace(DatasetGraph tdb, DatasetGraph source, PrintWriter progress) {
        // Read the source first: iterating it while writing is several times slower.
        List<Quad> quads = new ArrayList<>();
        Map<String, String> prefixes = Txn.calculateRead(source, () -> {
            source.find().forEachRemaining(quads::add);
            return source.prefixes().getMapping();
        });
        return replace(tdb, quads.iterator(), prefixes, progress);
    }

    /** As {@link #replace(DatasetGraph, DatasetGraph, PrintWriter)}, from quads and prefixes. */
    public static long replace(DatasetGraph tdb, Iterator<Quad> quads, Map<String, String> prefixes, PrintWriter progress) {
        Progress counter = new Progress(progress, "writing");
        Txn.executeWrite(tdb, () -> {
            // deleteAny removes in batches; DatasetGraph.clear() goes graph by graph and is much slower.
            tdb.deleteAny(Quad.defaultGraphIRI, Node.ANY, Node.ANY, Node.ANY);
            tdb.deleteAny(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
            PrefixMap map = tdb.prefixes();
            map.clear();
            map.putAll(prefixes);
            while (quads.hasNext()) {
                tdb.add(quads.next());
                counter.step();
            }
            counter.finish("committing");
        });
        return counter.count;
    }

    /**
     * Loads quads into an <em>empty</em> database with TDB2's phased bulk loader (several times faster than
     * {@link #replace}, which must stay one transaction for readers of a database in use). The prefixes are
     * written last, in their own transaction: a database whose bulk load was killed has data but no
     * {@code id:} prefix, and {@link #isComplete} tells it apart.
     *
     * @return the number of quads written
     */
    public static long bulkLoad(DatasetGraph tdb, Iterator<Quad> quads, Map<String, String> prefixes, PrintWriter progress) {
        if (hasData(tdb)) throw new IllegalStateException("bulkLoad needs an empty database; use replace");
        Progress counter = new Progress(progress, "bulk loading");
        DataLoader loader = LoaderFactory.phasedLoader(tdb, QUIET);
        loader.startBulk();
        try {
            StreamRDF stream = loader.stream();
            while (quads.hasNext()) {
                stream.quad(quads.next());
                counter.step();
            }
            counter.finish("indexing");
            loader.finishBulk();
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
        Txn.executeWrite(tdb, () -> tdb.prefixes().putAll(prefixes));
        return counter.count;
    }

    /** Why a database with data but without the {@code id:} prefix (which a load writes last) is refused. */
    public static String incompleteMessage(Path dir) {
        return "the TDB2 database in " + dir + " has data but no id: prefix: either a 'coopkg load --tdb2' into it was "
                + "stopped before it finished, or another tool made it; delete the folder and run 'coopkg load --tdb2 "
                + dir + "'";
    }

    /**
     * The TDB2 database in {@code dir} as a server reads it: with the full-text index {@code coopkg load --tdb2} wrote
     * beside it; with updates, or for a database without one, an in-memory index built from it at start-up (updates
     * keep the in-memory index in step, and a stored index must not drift from the data it describes).
     *
     * @throws IllegalArgumentException saying how to make a usable database
     */
    public static StoredDataset openForServing(Path dir, boolean updatable) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("there is no TDB2 database in " + dir + "; create it with 'coopkg load --tdb2 " + dir + "'");
        }
        DatasetGraph tdb = open(dir);
        if (!hasData(tdb)) {
            release(tdb);
            throw new IllegalArgumentException("the TDB2 database in " + dir + " is empty; load it with 'coopkg load --tdb2 " + dir + "'");
        }
        if (!isComplete(tdb)) {
            release(tdb);
            throw new IllegalArgumentException(incompleteMessage(dir));
        }
        Path index = textIndexOf(dir);
        try {
            DatasetGraph text = Files.isDirectory(index) && !updatable ? TextSearch.withIndexIn(tdb, index)
                    : TextSearch.withInMemoryIndex(tdb);
            return new StoredDataset(text, base(tdb));
        } catch (IOException | RuntimeException e) {
            release(tdb);
            throw new IllegalArgumentException("cannot open the full-text index " + index + " (" + Causes.rootMessage(e)
                    + "); delete that folder, and 'coopkg serve --tdb2' builds an index in memory at start-up", e);
        }
    }

    /** Whether the database's last load finished: it records the {@code id:} prefix last. */
    public static boolean isComplete(DatasetGraph tdb) {
        return !hasData(tdb) || Txn.calculateRead(tdb, () -> tdb.prefixes().get(CoopIris.ENTITY_PREFIX) != null);
    }

    /** Counts quads and reports the rate to {@code out} every two seconds when {@code out} is not null. */
    private static final class Progress {
        private final PrintWriter out;
        private final String stage;
        private final long start = System.nanoTime();
        private long nextReport = start + PROGRESS_EVERY.toNanos();
        long count;

        Progress(PrintWriter out, String stage) {
            this.out = out;
            this.stage = stage;
        }

        void step() {
            count++;
            if ((count & 0x3FF) == 0 && out != null && System.nanoTime() > nextReport) {
                report(out, stage, count, start);
                nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
        }

        void finish(String nextStage) {
            if (out != null && System.nanoTime() - start > PROGRESS_EVERY.toNanos()) report(out, nextStage, count, start);
        }
    }

    static void report(PrintWriter out, String stage, long quads, long startNanos) {
        double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        out.printf("coop-kg: %s %,d quads, %,.0f quads/s, %.1f s elapsed%n", stage, quads, quads / seconds, seconds);
        out.flush();
    }
}

package org.coopkg.store;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.coopkg.load.CoopLoader;

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

    private TdbStore() {}

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
        return Txn.calculateRead(tdb, () -> !tdb.isEmpty());
    }

    /** The base IRI the data was loaded with: recorded as the {@code id:} prefix ({base}id/). */
    public static String base(DatasetGraph tdb) {
        return Txn.calculateRead(tdb, () -> {
            String id = tdb.prefixes().get("id");
            return id != null && id.endsWith("id/") ? id.substring(0, id.length() - 3) : CoopLoader.DEFAULT_BASE;
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
        java.util.List<Quad> quads = new java.util.ArrayList<>();
        source.find().forEachRemaining(quads::add);
        long start = System.nanoTime();
        long[] written = {0};
        Txn.executeWrite(tdb, () -> {
            // deleteAny removes in batches; DatasetGraph.clear() goes graph by graph and is much slower.
            tdb.deleteAny(Quad.defaultGraphIRI, Node.ANY, Node.ANY, Node.ANY);
            tdb.deleteAny(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
            PrefixMap prefixes = tdb.prefixes();
            prefixes.clear();
            prefixes.putAll(source.prefixes());
            long nextReport = start + PROGRESS_EVERY.toNanos();
            for (Quad quad : quads) {
                tdb.add(quad);
                written[0]++;
                if ((written[0] & 0x3FF) == 0 && progress != null && System.nanoTime() > nextReport) {
                    report(progress, "writing", written[0], start);
                    nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
                }
            }
            if (progress != null && System.nanoTime() - start > PROGRESS_EVERY.toNanos()) report(progress, "committing", written[0], start);
        });
        return written[0];
    }

    static void report(PrintWriter out, String stage, long quads, long startNanos) {
        double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        out.printf("coop-kg: %s %,d quads, %,.0f quads/s, %.1f s elapsed%n", stage, quads, quads / seconds, seconds);
        out.flush();
    }
}

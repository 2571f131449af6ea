package org.coopkg.store;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.coopkg.core.Causes;
import org.coopkg.core.JoinStatistics;
import org.coopkg.derive.LoadedGraph;

/**
 * Writes loaded data into the TDB2 database of a folder, with its full-text index beside it: {@code coopkg load
 * --tdb2 DIR}. An empty database takes the bulk loader; one with data is replaced in one transaction, so that a
 * server reading it sees the old data or the new, and a killed reload leaves the old intact. The index and the join
 * statistics ({@link JoinStatistics}) that TDB2 orders joins by, {@code stats.opt}, as {@code tdb2.xloader} writes
 * them, are made from the data in memory, on the other core, while TDB2 stores it; the index is then moved into place
 * and the statistics written.
 */
public final class Tdb2Load {
    /** What a load wrote. */
    public record Written(long quads, boolean bulk, double writeSeconds, long indexed) {}

    private final Path dir;
    private final PrintWriter progress;

    /** {@code progress}: where the steps are reported as they end (may be null). */
    public Tdb2Load(Path dir, PrintWriter progress) {
        this.dir = dir;
        this.progress = progress;
    }

    public Written write(LoadedGraph graph) throws IOException {
        long start = System.nanoTime();
        DatasetGraph tdb;
        try {
            Files.createDirectories(dir);
            tdb = TdbStore.open(dir);
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot open the TDB2 database in " + dir + " (" + Causes.rootMessage(e)
                    + "); is a server using it? A TDB2 database is used by one process at a time", e);
        }
        try {
            if (!TdbStore.isComplete(tdb)) throw new IllegalArgumentException(TdbStore.incompleteMessage(dir));
            Folders.deleteTree(TdbStore.textIndexOf(dir));
            Path indexPart = dir.resolve("text-index.part");
            CompletableFuture<Long> indexing = CompletableFuture.supplyAsync(() -> {
                try {
                    return TextSearch.writeIndex(graph.unionView(), indexPart);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the full-text index " + indexPart + ": " + e.getMessage(), e);
                }
            });
            // After the index on its thread, not on a third: the bulk load keeps the two cores busy.
            CompletableFuture<JoinStatistics> counting = indexing.thenApply(indexed ->
                    Txn.calculateRead(graph.unionView(), () -> JoinStatistics.of(graph.unionView().getDefaultGraph())));
            long writeStart = System.nanoTime();
            boolean bulk = !TdbStore.hasData(tdb);
            long written;
            try {
                written = bulk ? TdbStore.bulkLoad(tdb, graph.quads(), graph.prefixes(), progress)
                        : TdbStore.replace(tdb, graph.quads(), graph.prefixes(), progress);
            } catch (RuntimeException e) {
                // Let the indexer end before the caller cleans up the folder it writes in.
                counting.exceptionally(failed -> null).join();
                throw e;
            }
            double writeSeconds = Math.max(1e-9, (System.nanoTime() - writeStart) / 1e9);
            long indexed;
            JoinStatistics statistics;
            try {
                statistics = counting.join();
                indexed = indexing.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof UncheckedIOException io) throw new IOException(io.getMessage(), io.getCause());
                throw e;
            }
            Files.move(indexPart, TdbStore.textIndexOf(dir));
            statistics.write(TdbStore.statisticsOf(dir));
            if (progress != null) {
                progress.printf("coop-kg: wrote the join statistics (%d patterns)%n", statistics.size());
                progress.printf("coop-kg: indexed %,d labels, alternative labels and descriptions for full-text search, "
                        + "%.1f s elapsed%n", indexed, (System.nanoTime() - start) / 1e9);
                progress.flush();
            }
            return new Written(written, bulk, writeSeconds, indexed);
        } finally {
            TdbStore.release(tdb);
        }
    }
}

package org.coopkg.derive;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;

/**
 * Adds the statements of quads to a graph on a thread of its own while they are still being made: at scale, mapping
 * the CSV and indexing its statements for the lookups that follow each take several seconds on one core, and
 * this runs them side by side. The quads arrive in batches through a bounded queue, so a slow indexer holds the
 * mapping back rather than filling memory. Only the indexer's thread touches the graph until {@link #finish}.
 */
final class StatementIndexer implements Consumer<Quad>, AutoCloseable {
    private static final int BATCH = 8192;
    private static final Triple[] END = new Triple[0];

    private final Graph graph;
    private final BlockingQueue<Triple[]> batches = new ArrayBlockingQueue<>(32);
    private final CompletableFuture<Void> indexing;
    private Triple[] batch = new Triple[BATCH];
    private int size;
    private boolean ended;

    StatementIndexer(Graph graph) {
        this.graph = graph;
        this.indexing = CompletableFuture.runAsync(this::indexUntilEnd, runnable -> {
            Thread thread = new Thread(runnable, "coopkg-statement-indexer");
            thread.setDaemon(true);
            thread.start();
        });
    }

    @Override
    public void accept(Quad quad) {
        batch[size++] = quad.asTriple();
        if (size == BATCH) {
            hand(batch);
            batch = new Triple[BATCH];
            size = 0;
        }
    }

    /** The graph with every statement handed in, once the indexer has added the last. */
    Graph finish() {
        hand(Arrays.copyOf(batch, size));
        end();
        try {
            indexing.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return graph;
    }

    /** Stops the indexer when the statements are not wanted after all (the mapping failed). */
    @Override
    public void close() {
        if (ended) return;
        batches.clear();
        end();
        indexing.exceptionally(failed -> null).join();
    }

    private void end() {
        ended = true;
        hand(END);
    }

    private void hand(Triple[] triples) {
        try {
            // The indexer only stops taking when it has failed; then there is nobody to hand to or wait for.
            while (!indexing.isDone()) {
                if (batches.offer(triples, 100, TimeUnit.MILLISECONDS)) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while indexing the mapped statements", e);
        }
    }

    private void indexUntilEnd() {
        try {
            for (Triple[] triples = batches.take(); triples != END; triples = batches.take()) {
                for (Triple triple : triples) graph.add(triple);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while indexing the mapped statements", e);
        }
    }
}

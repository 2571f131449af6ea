package org.coopkg.linkeddata;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value derived from the served data (a catalogue, the VoID description, rendered documents), computed on a
 * background thread from the moment the server is built. The SPARQL endpoint answers meanwhile: on ten million
 * triples these take minutes, and a server that waited for them would start that much later. A request that
 * needs the value waits for it up to {@link #PATIENCE_SECONDS} seconds, then gets {@link NotReady} (503 with Retry-After, so
 * that waiting requests never pile up on the threads the endpoint shares); one that comes after a failure gets
 * the failure (the log has its cause). Start cheap preparations first: one thread runs them in turn.
 */
public final class Prepared<T> {
    private static final Logger LOG = LoggerFactory.getLogger(Prepared.class);
    /** How long a request waits for a value still being prepared. */
    public static final long PATIENCE_SECONDS = 10;
    /** One thread: the preparations share one core, leaving the other to queries. */
    private static final Executor BACKGROUND = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "coopkg-prepare");
        thread.setDaemon(true);
        return thread;
    });

    /** Preparations not finished yet, so that a server being closed can let them end before its store is released. */
    private static final Set<CompletableFuture<?>> RUNNING = ConcurrentHashMap.newKeySet();

    private final String what;
    private final CompletableFuture<T> future;

    private Prepared(String what, CompletableFuture<T> future) {
        this.what = what;
        this.future = future;
    }

    /** Starts computing {@code what} in the background. */
    public static <T> Prepared<T> start(String what, Supplier<T> work) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            T value = work.get();
            LOG.debug("prepared {} in {} ms", what, (System.nanoTime() - start) / 1_000_000);
            return value;
        }, BACKGROUND);
        RUNNING.add(future);
        future.whenComplete((value, error) -> {
            RUNNING.remove(future);
            if (error != null) LOG.error("could not prepare {}", what, error);
        });
        return new Prepared<>(what, future);
    }

    /** Thrown by {@link #get} when the value is still being prepared after {@link #PATIENCE_SECONDS} seconds. */
    public static final class NotReady extends RuntimeException {
        NotReady(String what) {
            super(what + " is still being prepared (it is computed from the data after start-up); try again shortly");
        }
    }

    /**
     * Waits until every preparation started so far has ended: they read the served dataset in their own
     * transactions, and a TDB2 database cannot be released while one is open.
     */
    public static void awaitRunning() {
        for (CompletableFuture<?> future : List.copyOf(RUNNING)) {
            try {
                future.join();
            } catch (RuntimeException failed) {
                // Logged when it failed; closing goes on.
            }
        }
    }

    /** The value, waiting for it if it is still being computed. */
    public T get() {
        try {
            return future.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new NotReady(what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not prepare " + what + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}

package org.coopkg.web;

import java.util.concurrent.CompletableFuture;
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
 * background thread once {@linkplain #begin() begun}: by its server when that answers queries
 * ({@link Preparations}), or by the first request that needs it. The SPARQL endpoint answers meanwhile: on ten
 * million triples these take minutes, and a server that waited for them would start that much later. A request
 * that needs the value waits for it up to {@link #PATIENCE_SECONDS} seconds, then gets {@link NotReady} (503
 * with Retry-After, so that waiting requests never pile up on the threads the endpoint shares); one that comes
 * after a failure gets the failure (the log has its cause).
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

    private final String what;
    private final Supplier<T> work;
    private CompletableFuture<T> future;

    /** A preparation of {@code what}, not begun yet: see {@link Preparations#add}. */
    Prepared(String what, Supplier<T> work) {
        this.what = what;
        this.work = work;
    }

    /** Starts computing the value in the background, unless that has begun already. */
    synchronized CompletableFuture<T> begin() {
        if (future == null) {
            future = CompletableFuture.supplyAsync(() -> {
                long start = System.nanoTime();
                T value = work.get();
                LOG.debug("prepared {} in {} ms", what, (System.nanoTime() - start) / 1_000_000);
                return value;
            }, BACKGROUND);
            future.whenComplete((value, error) -> {
                if (error != null) LOG.error("could not prepare {}", what, error);
            });
        }
        return future;
    }

    /** The running or finished preparation; null if it has not begun. */
    synchronized CompletableFuture<T> begun() {
        return future;
    }

    /** Thrown by {@link #get} when the value is still being prepared after {@link #PATIENCE_SECONDS} seconds. */
    public static final class NotReady extends RuntimeException {
        NotReady(String what) {
            super(what + " is still being prepared (it is computed from the data after start-up); try again shortly");
        }
    }

    /** The value, beginning its preparation if need be and waiting for it. */
    public T get() {
        try {
            return begin().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
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

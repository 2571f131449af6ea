package org.coopkg.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The background preparations of one server, in the order they were added. The server begins them once it
 * answers queries: begun earlier, they would take one of the two cores of a small machine from its start-up
 * (BENCHMARKS.md has the figures). A request that needs one before then begins it itself.
 */
public final class Preparations {
    private final List<Prepared<?>> added = new ArrayList<>();

    /** A value to prepare in the background; add cheap ones first, as one thread prepares them in turn. */
    public synchronized <T> Prepared<T> add(String what, Supplier<T> work) {
        Prepared<T> prepared = new Prepared<>(what, work);
        added.add(prepared);
        return prepared;
    }

    /** Begins every preparation not begun yet. */
    public synchronized void begin() {
        added.forEach(Prepared::begin);
    }

    /**
     * Waits until every begun preparation has ended: they read the served dataset in their own transactions,
     * and a TDB2 database cannot be released while one is open. Failures have been logged; closing goes on.
     */
    public void awaitEnd() {
        List<Prepared<?>> all;
        synchronized (this) {
            all = List.copyOf(added);
        }
        for (Prepared<?> prepared : all) {
            CompletableFuture<?> future = prepared.begun();
            if (future == null) continue;
            try {
                future.join();
            } catch (RuntimeException failed) {
                // Logged by Prepared when it failed.
            }
        }
    }
}

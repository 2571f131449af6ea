package org.coopkg.web;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coopkg.core.CoopIris;

/**
 * Fair use of the SPARQL routes (everything under {@code /coop}): one client may have at most {@code perClient}
 * requests in the server at once (running or waiting), counted by its network address; more are answered 429 with
 * {@code Retry-After}. At most {@code running} requests run at once and {@code queued} more wait for a slot (at most
 * the query timeout); beyond that the server is overloaded and sheds the request with 503 and {@code Retry-After}
 * at once, instead of letting requests pile up. Other paths ({@code /$/ping}, {@code /$/metrics}, the pages) are not
 * counted, so the server stays observable under overload: the bounds stay far below Jetty's threads.
 *
 * <p>Behind a reverse proxy every client has the proxy's address; give the proxy its own limits there.
 */
final class FairUse implements Filter {
    /** How many requests one client, and all clients, may have in the server. */
    record Limits(int perClient, int running, int queued) {}

    static final int RETRY_AFTER_CLIENT_SECONDS = 1;
    static final int RETRY_AFTER_BUSY_SECONDS = 2;

    private final Limits limits;
    private final long waitMillis;
    private final Semaphore slots;
    private final AtomicInteger admitted = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> clients = new ConcurrentHashMap<>();

    /** {@code waitMillis}: how long a request may wait for a slot to run. */
    FairUse(Limits limits, long waitMillis) {
        this.limits = limits;
        this.waitMillis = waitMillis;
        this.slots = new Semaphore(limits.running(), true);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI();
        if (!(path.equals(CoopIris.DATASET_PATH) || path.startsWith(CoopIris.DATASET_PATH + "/"))) {
            chain.doFilter(req, res);
            return;
        }
        String client = request.getRemoteAddr();
        AtomicInteger mine = clients.computeIfAbsent(client, c -> new AtomicInteger());
        try {
            if (mine.incrementAndGet() > limits.perClient()) {
                refuse(response, 429, RETRY_AFTER_CLIENT_SECONDS, "too many requests at once from " + client + ": at most "
                        + limits.perClient() + " queries and updates per client may be in the server at a time; wait for "
                        + "an answer before sending the next one");
                return;
            }
            runWhenFree(request, response, chain);
        } finally {
            mine.decrementAndGet();
            clients.computeIfPresent(client, (c, count) -> count.get() <= 0 ? null : count);
        }
    }

    private void runWhenFree(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            if (admitted.incrementAndGet() > limits.running() + limits.queued()) {
                refuse(response, 503, RETRY_AFTER_BUSY_SECONDS, "the server is busy: " + limits.running() + " requests are "
                        + "running and " + limits.queued() + " waiting; try again in a few seconds");
                return;
            }
            boolean free;
            try {
                free = slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                free = false;
            }
            if (!free) {
                refuse(response, 503, RETRY_AFTER_BUSY_SECONDS, "the server is busy: no request slot became free within "
                        + waitMillis / 1000 + " s; try again in a few seconds");
                return;
            }
            try {
                chain.doFilter(request, response);
            } finally {
                slots.release();
            }
        } finally {
            admitted.decrementAndGet();
        }
    }

    private static void refuse(HttpServletResponse response, int status, int retryAfterSeconds, String message)
            throws IOException {
        response.setHeader("Retry-After", Integer.toString(retryAfterSeconds));
        response.sendError(status, message);
    }
}

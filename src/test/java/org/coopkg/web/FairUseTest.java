package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.junit.jupiter.api.Test;

/**
 * Fair use ({@link FairUse}): a client over its cap of concurrent requests gets 429 with {@code Retry-After}; past the
 * global bound of running and waiting requests the server sheds requests with 503 and {@code Retry-After} at once;
 * {@code /$/ping} is answered throughout; and once the heavy requests end the client is served again.
 */
class FairUseTest {
    /** Finds nothing for hours on the bundled data: only the timeout ends it. */
    private static final String HEAVY =
            "SELECT * { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f FILTER(STR(?b) = CONCAT(STR(?d), STR(?f), \"never\")) }";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aClientOverItsCapGets429WithRetryAfterAndPingIsAnswered() throws Exception {
        try (CoopServer server = server(2, 8, 8)) {
            List<CompletableFuture<HttpResponse<String>>> heavy = new ArrayList<>();
            for (int i = 0; i < 2; i++) heavy.add(HTTP.sendAsync(query(server, HEAVY), HttpResponse.BodyHandlers.ofString()));
            awaitRunning();
            HttpResponse<String> over = HTTP.send(query(server, "ASK {}"), HttpResponse.BodyHandlers.ofString());
            assertEquals(429, over.statusCode(), over.body());
            assertEquals("1", over.headers().firstValue("Retry-After").orElse(""));
            assertTrue(over.body().startsWith("Error 429: too many requests at once from 127.0.0.1: at most 2 queries and "
                    + "updates per client may be in the server at a time"), over.body());
            assertEquals(200, ping(server), "ping is not counted");
            for (CompletableFuture<HttpResponse<String>> f : heavy) assertEquals(503, f.get(60, TimeUnit.SECONDS).statusCode());
            assertEquals(200, HTTP.send(query(server, "ASK {}"), HttpResponse.BodyHandlers.ofString()).statusCode(),
                    "served again once its requests ended");
        }
    }

    @Test
    void pastTheGlobalBoundRequestsAreShedWith503AndPingIsAnswered() throws Exception {
        try (CoopServer server = server(10, 1, 1)) {
            List<CompletableFuture<HttpResponse<String>>> heavy = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                heavy.add(HTTP.sendAsync(query(server, HEAVY), HttpResponse.BodyHandlers.ofString()));
                awaitRunning();
            }
            HttpResponse<String> shed = HTTP.send(query(server, "ASK {}"), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, shed.statusCode(), shed.body());
            assertEquals("2", shed.headers().firstValue("Retry-After").orElse(""));
            assertTrue(shed.body().startsWith("Error 503: the server is busy: 1 requests are running and 1 waiting; try again"),
                    shed.body());
            assertEquals(200, ping(server));
            for (CompletableFuture<HttpResponse<String>> f : heavy) f.get(60, TimeUnit.SECONDS);
        }
    }

    private static CoopServer server(int perClient, int running, int queued) throws Exception {
        return CoopServer.builder().dataset(new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load().readOnlyDataset())
                .port(0).loopback(true).queryTimeout(Duration.ofSeconds(8)).maxClientRequests(perClient).maxRunning(running)
                .maxQueued(queued).build().start();
    }

    private static HttpRequest query(CoopServer server, String sparql) {
        return HttpRequest.newBuilder(URI.create(server.sparqlUrl())).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(sparql, StandardCharsets.UTF_8)).build();
    }

    private static int ping(CoopServer server) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/$/ping"))).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Gives the heavy queries sent so far time to reach the server: they run for the whole timeout (8 s), so a
     * generous wait still leaves them running.
     */
    private static void awaitRunning() throws InterruptedException {
        Thread.sleep(1500L);
    }
}

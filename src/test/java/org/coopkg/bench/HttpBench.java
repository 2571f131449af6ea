package org.coopkg.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The HTTP side of the endpoint benchmarks: one client, the same for every server measured. */
final class HttpBench {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Result of a throughput run. */
    record Throughput(double qps, long answered, long failed) {}

    /**
     * {@code concurrency} clients each send the queries of {@code mix} in turn (each client starting at a different
     * query) for {@code duration}; returns answered queries per second. Any status but 200 counts as failed.
     */
    Throughput throughput(String sparqlUrl, List<String> mix, int concurrency, Duration duration)
            throws InterruptedException {
        AtomicLong answered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            int offset = c * mix.size() / concurrency;
            Thread t = new Thread(() -> {
                for (int i = offset; System.nanoTime() < end; i++) {
                    if (query(sparqlUrl, mix.get(i % mix.size())) == 200) answered.incrementAndGet();
                    else failed.incrementAndGet();
                }
            });
            t.start();
            clients.add(t);
        }
        long start = System.nanoTime();
        for (Thread t : clients) t.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Throughput(answered.get() / seconds, answered.get(), failed.get());
    }

    /** Latencies in milliseconds of {@code count} sequential queries; a failed query is an error. */
    List<Double> latencies(String sparqlUrl, String query, int count) throws IOException {
        List<Double> millis = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            int status = query(sparqlUrl, query);
            millis.add((System.nanoTime() - start) / 1e6);
            if (status != 200) throw new IOException(sparqlUrl + " answered " + status + " to " + query);
        }
        return millis;
    }

    /** The number of rows of a SELECT query's answer (its JSON result's bindings). */
    long rows(String sparqlUrl, String query) throws IOException {
        try {
            HttpResponse<java.io.InputStream> response = client.send(request(sparqlUrl, query),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream body = response.body()) {
                if (response.statusCode() != 200) throw new IOException(sparqlUrl + " answered " + response.statusCode());
                var results = org.apache.jena.query.ResultSetFactory.fromJSON(body);
                long rows = 0;
                for (; results.hasNext(); results.next()) rows++;
                return rows;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Sends a query by GET and reads the whole JSON result; returns the status (-1 when the connection failed). */
    int query(String sparqlUrl, String query) {
        try {
            return client.send(request(sparqlUrl, query), HttpResponse.BodyHandlers.ofByteArray()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A SPARQL query by GET, asking for JSON results. */
    private static HttpRequest request(String sparqlUrl, String query) {
        return HttpRequest.newBuilder(URI.create(sparqlUrl + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(60)).build();
    }
}

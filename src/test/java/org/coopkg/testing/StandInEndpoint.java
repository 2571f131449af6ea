package org.coopkg.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in remote SPARQL endpoint on loopback (port 0) that counts every request it receives: {@code /sparql}
 * answers one row ({@code ?word} = "from the stand-in"), {@code /broken} answers 503. Tests of {@code SERVICE} use
 * it to see whether a request left the server.
 */
public final class StandInEndpoint {
    public static final String ROW_VALUE = "from the stand-in";
    private static final String ROW = "{\"head\":{\"vars\":[\"word\"]},\"results\":{\"bindings\":"
            + "[{\"word\":{\"type\":\"literal\",\"value\":\"" + ROW_VALUE + "\"}}]}}";

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private StandInEndpoint(HttpServer server) {
        this.server = server;
    }

    public static StandInEndpoint start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            StandInEndpoint endpoint = new StandInEndpoint(server);
            server.createContext("/sparql", e -> endpoint.answer(e, 200, "application/sparql-results+json", ROW));
            server.createContext("/broken", e -> endpoint.answer(e, 503, "text/plain", "down for maintenance"));
            server.start();
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        requests.incrementAndGet();
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The URL of the endpoint that answers a row. */
    public String url() {
        return url("/sparql");
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Requests received since the start or the last {@link #reset}. */
    public int requests() {
        return requests.get();
    }

    public void reset() {
        requests.set(0);
    }

    public void stop() {
        server.stop(0);
    }
}

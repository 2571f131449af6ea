package org.coopkg.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.coopkg.core.CoopIris;
import org.coopkg.core.DataException;
import org.coopkg.derive.CoopLoader;
import org.coopkg.derive.LoadedGraph;
import org.coopkg.load.CuratedFiles;
import org.coopkg.store.TextSearch;
import org.coopkg.web.CoopServer;

/**
 * What a latency harness measures: the curated CSV of the folder named first on its command line (the bundled data
 * without one), loaded and served on loopback with an in-memory full-text index, asked by one HTTP client.
 */
final class ServedData implements AutoCloseable {
    private final CuratedFiles files;
    private final LoadedGraph graph;
    private final CoopServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServedData(CuratedFiles files, LoadedGraph graph, CoopServer server) {
        this.files = files;
        this.graph = graph;
        this.server = server;
    }

    static ServedData of(String[] args) throws DataException {
        CuratedFiles files = args.length > 0 ? CuratedFiles.directory(Path.of(args[0])) : CuratedFiles.bundled();
        LoadedGraph graph = new CoopLoader(files, CoopIris.DEFAULT_BASE).load();
        CoopServer server = CoopServer.builder().dataset(TextSearch.withInMemoryIndex(graph.readOnlyDataset()))
                .port(0).loopback(true).build().start();
        return new ServedData(files, graph, server);
    }

    /** The URL of a route of the server. */
    String url(String route) {
        return server.url(route);
    }

    /** The status of an answer whose body is not read. */
    int status(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The body of an answer, which must be a 200. */
    String ok(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException(response.statusCode() + " " + response.body());
        return response.body();
    }

    /** {@code data: DIR, 22128 curated rows, 450604 quads in named graphs}. */
    String description() {
        return String.format(Locale.ROOT, "data: %s, %d curated rows, %d quads in named graphs", files.location(),
                graph.rows(), graph.namedGraphQuads());
    }

    @Override
    public void close() {
        server.close();
    }
}

package org.coopkg.linkeddata;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;

/**
 * Serves one computed graph (the VoID description at {@code /.well-known/void}) by content negotiation,
 * Turtle first. The graph is computed at the first request and kept: the served data is read-only.
 */
public final class GraphServlet extends HttpServlet {
    private final transient Supplier<Graph> source;
    private final transient PrefixMapping prefixes;
    private final transient Map<MediaType, byte[]> bodies = new EnumMap<>(MediaType.class);
    private transient Graph graph;

    private final transient List<Node> first;

    /** {@code first}: the subjects Turtle should start with (the document, then what it describes). */
    public GraphServlet(Supplier<Graph> source, PrefixMapping prefixes, List<Node> first) {
        this.source = source;
        this.prefixes = prefixes;
        this.first = first;
    }

    /** The body for a type, computed once. */
    synchronized byte[] body(MediaType type) {
        if (graph == null) graph = source.get();
        return bodies.computeIfAbsent(type, t -> RdfWriting.write(graph, t, prefixes, first));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            Responses.methodNotAllowed(request, response);
            return;
        }
        response.setHeader("Vary", "Accept");
        Optional<MediaType> type = ContentNegotiation.choose(request.getHeader("Accept"), MediaType.GRAPH_RDF);
        if (type.isEmpty()) {
            Responses.notAcceptable(request, response, MediaType.GRAPH_RDF);
            return;
        }
        Responses.send(request, response, 200, type.get().contentType(), body(type.get()));
    }
}

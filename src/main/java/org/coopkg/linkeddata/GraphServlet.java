package org.coopkg.linkeddata;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one computed graph (the VoID description at {@code /.well-known/void}, the service description)
 * by content negotiation, Turtle first. Every body is written when the servlet is made, at start-up: the
 * served data is read-only, and a graph that cannot be made stops the server from starting instead of
 * failing its first request.
 */
public final class GraphServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(GraphServlet.class);

    private final transient Map<MediaType, byte[]> bodies = new EnumMap<>(MediaType.class);

    /** {@code first}: the subjects Turtle should start with (the document, then what it describes). */
    public GraphServlet(Graph graph, PrefixMapping prefixes, List<Node> first) {
        for (MediaType type : MediaType.GRAPH_RDF) bodies.put(type, RdfWriting.write(graph, type, prefixes, first));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response);
    }

    /** The answer to any request for the graph; also what {@link ServiceDescriptionFilter} sends. */
    void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Responses.readOnly(request, response, LOG, () -> answer(request, response));
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Vary", "Accept");
        Optional<MediaType> type = ContentNegotiation.choose(request.getHeader("Accept"), MediaType.GRAPH_RDF);
        if (type.isEmpty()) {
            Responses.notAcceptable(request, response, MediaType.GRAPH_RDF);
            return;
        }
        Responses.send(request, response, 200, type.get().contentType(), bodies.get(type.get()));
    }
}

package org.coopkg.web;

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
import org.coopkg.core.Format;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one computed graph (the VoID description at {@code /.well-known/void}, the service description)
 * by content negotiation, Turtle first. The graph and every body are computed once, in the background once the
 * server has started ({@link Preparations}): on large data they take minutes that the SPARQL endpoint need not wait for.
 */
public final class GraphServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(GraphServlet.class);

    private final transient Prepared<Map<Format, byte[]>> bodies;

    /**
     * {@code what}: the document, for messages; {@code graph}: computes it (from the data, in the background);
     * {@code first}: the subjects Turtle should start with (the document, then what it describes).
     */
    public GraphServlet(Preparations preparations, String what, Supplier<Graph> graph, PrefixMapping prefixes,
                        List<Node> first) {
        this.bodies = preparations.add(what, () -> {
            Graph computed = graph.get();
            Map<Format, byte[]> rendered = new EnumMap<>(Format.class);
            for (Format type : ContentNegotiation.GRAPH) rendered.put(type, RdfWriting.write(computed, type, prefixes, first));
            return rendered;
        });
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
        Optional<Format> type = ContentNegotiation.choose(request.getHeader("Accept"), ContentNegotiation.GRAPH);
        if (type.isEmpty()) {
            Responses.notAcceptable(request, response, ContentNegotiation.GRAPH);
            return;
        }
        Responses.send(request, response, 200, type.get().contentType(), bodies.get().get(type.get()));
    }
}

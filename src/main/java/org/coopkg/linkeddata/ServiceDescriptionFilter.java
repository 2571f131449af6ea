package org.coopkg.linkeddata;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers {@code GET}/{@code HEAD} on the SPARQL endpoint without a {@code query} parameter with the service
 * description, as the SPARQL 1.1 Service Description recommendation asks; every other request goes on to
 * Fuseki. Registered with {@code FusekiServer.Builder.addFilter}, which puts it before Fuseki's own
 * dispatch filter, so Fuseki never sees these requests (it would answer 400 "no query"). A client that
 * accepts no RDF syntax also goes on to Fuseki, which explains what it expected.
 */
public final class ServiceDescriptionFilter implements Filter {
    private final GraphServlet description;

    public ServiceDescriptionFilter(GraphServlet description) {
        this.description = description;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && resp instanceof HttpServletResponse response
                && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && request.getParameter("query") == null) {
            Optional<MediaType> type = ContentNegotiation.choose(request.getHeader("Accept"), MediaType.GRAPH_RDF);
            if (type.isPresent()) {
                response.setHeader("Vary", "Accept");
                Responses.send(request, response, 200, type.get().contentType(), description.body(type.get()));
                return;
            }
        }
        chain.doFilter(req, resp);
    }
}

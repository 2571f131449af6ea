package org.coopkg.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers {@code GET}/{@code HEAD} on a SPARQL query endpoint without a {@code query} parameter with the
 * service description, as the SPARQL 1.1 Service Description recommendation asks; every other request
 * goes on to Fuseki. Registered with {@code FusekiServer.Builder.addFilter}, which puts it before Fuseki's
 * own dispatch filter, so Fuseki never sees these requests (it would answer 400 "no query", or 404 for an
 * Accept header it does not serve a description in). A client that accepts none of the RDF syntaxes of
 * the description gets 406 with the list of them.
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
            description.serve(request, response);
            return;
        }
        chain.doFilter(req, resp);
    }
}

package org.coopkg.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * Which remote SPARQL endpoints {@code SERVICE} may call ({@code serve --service-allow URL,...}; by default none), so
 * that whoever can reach the endpoint cannot make the server send requests to any host, inside the operator's
 * network included. A query naming another endpoint is refused before it runs ({@link #refusal}); a {@code SERVICE}
 * whose endpoint is a variable is checked when it is bound, before any request is sent ({@link #install}).
 * Endpoints compare as URLs: scheme and host in any case, the default port or none.
 */
final class ServiceAllowlist {
    /** The option that sets the list, for messages. */
    static final String OPTION = "--service-allow";

    private final Set<String> allowed;
    /** Made on first use: Jena's registry may not be touched before Jena has initialised (a builder is made earlier). */
    private ServiceExecutorRegistry registry;

    private ServiceAllowlist(Set<String> allowed) {
        this.allowed = allowed;
    }

    private synchronized ServiceExecutorRegistry registry() {
        if (registry == null) {
            registry = ServiceExecutorRegistry.get().copy();
            registry.addSingleLink((opExecute, opOriginal, binding, execCxt, chain) -> {
                Node service = opExecute.getService();
                if (!service.isURI() || !allows(service.getURI())) {
                    throw new Refused(service.isURI() ? message(service.getURI()) : "SERVICE needs an endpoint IRI");
                }
                return chain.createExecution(opExecute, opOriginal, binding, execCxt);
            });
        }
        return registry;
    }

    static ServiceAllowlist none() {
        return new ServiceAllowlist(Set.of());
    }

    /** The allowlist of these endpoint URLs; one that is not an absolute http(s) URL is an {@link IllegalArgumentException}. */
    static ServiceAllowlist of(List<String> urls) {
        Set<String> allowed = new LinkedHashSet<>();
        for (String url : urls) {
            String text = url.strip();
            if (text.isEmpty()) continue;
            allowed.add(normalised(text).orElseThrow(() -> new IllegalArgumentException(text)));
        }
        return new ServiceAllowlist(Set.copyOf(allowed));
    }

    List<String> urls() {
        return new ArrayList<>(allowed);
    }

    boolean allows(String url) {
        return normalised(url).map(allowed::contains).orElse(false);
    }

    /** Why a query may not run: the first {@code SERVICE} endpoint it names that is not allowed. */
    Optional<String> refusal(Query query) {
        List<String> refused = new ArrayList<>();
        OpWalker.walk(Algebra.compile(query), new OpVisitorBase() {
            @Override
            public void visit(OpService op) {
                Node service = op.getService();
                if (service.isURI() && !allows(service.getURI())) refused.add(service.getURI());
            }
        });
        return refused.stream().findFirst().map(this::message);
    }

    /** The 400 message for a refused endpoint: it names the option. */
    String message(String url) {
        return "SERVICE <" + url + "> is not allowed: this server sends requests only to the SPARQL endpoints given to "
                + "serve " + OPTION + " URL,... (" + (allowed.isEmpty() ? "none are" : "allowed: " + String.join(", ", allowed))
                + "); ask its operator to add it";
    }

    /**
     * Has every {@code SERVICE} call of one query execution checked against the list before the call is made: the
     * one place that sees an endpoint given by a variable. {@code context} is the request's own copy (Fuseki's
     * {@code HttpAction} context), not the dataset's, which a TDB2 store shares with every other user of it.
     */
    void install(Context context) {
        ServiceExecutorRegistry.set(context, registry());
    }

    /** Raised inside a query when a {@code SERVICE} endpoint is not on the list; answered 400. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private static Optional<String> normalised(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) return Optional.empty();
            int port = uri.getPort() == (scheme.equals("http") ? 80 : 443) ? -1 : uri.getPort();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port)
                    + (path.isEmpty() ? "/" : path) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}

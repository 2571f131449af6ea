package org.coopkg.linkeddata;

import java.util.Optional;

import org.coopkg.load.GraphNames;

/**
 * Maps request paths of this server onto the IRIs the data uses, and back.
 *
 * <p>The data mints IRIs under a configured base ({@code --base}), which may name a public host while the
 * server runs on {@code localhost:PORT} behind a reverse proxy. The request path is therefore never
 * trusted to carry the host: {@code /id/person/x} always means {@code {base}id/person/x}, whatever host and
 * port the request came in on, so the same server answers correctly directly and behind a proxy that
 * forwards {@code {base}…} to the server's root.
 */
public record BaseIris(String base) {
    public BaseIris {
        base = new GraphNames(base).base();
    }

    /** The IRI that a server path ({@code /id/person/x}) stands for. */
    public String iriOfPath(String path) {
        return base + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** The server path ({@code /id/person/x}) of an IRI under the base, if it is one. */
    public Optional<String> pathOfIri(String iri) {
        return iri.startsWith(base) ? Optional.of("/" + iri.substring(base.length())) : Optional.empty();
    }

    /** {@code {base}id/}: the namespace of every entity, assertion and concept scheme. */
    public String entitySpace() {
        return base + "id/";
    }

    /** The kind ({@code person}) of an entity IRI {@code {base}id/person/x}, if the IRI is one. */
    public Optional<String> kindOf(String iri) {
        if (!iri.startsWith(entitySpace())) return Optional.empty();
        String rest = iri.substring(entitySpace().length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1 || rest.indexOf('/', slash + 1) >= 0) return Optional.empty();
        return Optional.of(rest.substring(0, slash));
    }

    /** The public IRI of the SPARQL endpoint, as the dataset description must name it. */
    public String sparqlEndpoint(String sparqlPath) {
        return iriOfPath(sparqlPath);
    }

    /** The VoID document: {@code {base}.well-known/void} (RFC 5785 and the VoID specification's well-known URI). */
    public String voidDocument() {
        return base + ".well-known/void";
    }

    public GraphNames graphNames() {
        return new GraphNames(base);
    }
}

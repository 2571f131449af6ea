package org.coopkg.core;

import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;

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
    private static final String ID = "id/";
    /** What the loader mints as kinds and ids (lower-case slugs): anything else is not an entity path. */
    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9-]+");

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
        return base + ID;
    }

    /**
     * The kind ({@code person}) of an entity IRI {@code {base}id/person/x}, if the IRI is one: exactly two
     * segments after {@code id/}, each in the alphabet the loader mints ({@link #isEntityPath}). Nodes
     * inside an entity ({@code id/event/x#time}) and deeper paths are not entities. This is the one test
     * of "is this an entity" that the pages, the catalogue, VoID, the query page and the exports share.
     */
    public Optional<String> kindOf(String iri) {
        if (!iri.startsWith(entitySpace())) return Optional.empty();
        String rest = iri.substring(entitySpace().length());
        int slash = rest.indexOf('/');
        if (slash < 0) return Optional.empty();
        String kind = rest.substring(0, slash);
        return isEntityPath(kind, rest.substring(slash + 1)) ? Optional.of(kind) : Optional.empty();
    }

    /** Whether a node is an entity IRI ({@link #kindOf}). */
    public boolean isEntity(Node node) {
        return node.isURI() && kindOf(node.getURI()).isPresent();
    }

    /** Whether {@code kind} and {@code id} are both in the entity alphabet {@code [a-z0-9-]+}. */
    public static boolean isEntityPath(String kind, String id) {
        return SEGMENT.matcher(kind).matches() && SEGMENT.matcher(id).matches();
    }

    /** {@code {base}} back from an entity space {@code {base}id/} (the dataset's {@code id:} prefix). */
    public static BaseIris ofEntitySpace(String entitySpace) {
        if (!entitySpace.endsWith(ID)) throw new IllegalArgumentException("not an entity space ({base}id/): " + entitySpace);
        return new BaseIris(entitySpace.substring(0, entitySpace.length() - ID.length()));
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

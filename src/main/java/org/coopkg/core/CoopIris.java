package org.coopkg.core;

import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;

/**
 * The IRIs coop-kg mints under a base IRI, and the server paths they are served at: the one place that spells
 * either. Entities are {@code {base}id/{kind}/{id}}; each curated row's statements live in their own named graph
 * {@code {base}id/assertion/{name}}; the other named graphs ({@code {base}graph/…}) hold the ontology, the inferred
 * triples and the metadata.
 *
 * <p>The base may name a public host while the server runs on {@code localhost:PORT} behind a reverse proxy, so
 * a request path never carries the host: {@code /id/person/x} always means {@code {base}id/person/x}.
 */
public record CoopIris(String base) {
    /** The base of a server on this machine with the default port. */
    public static final String DEFAULT_BASE = "http://localhost:3030/";

    /** The dataset's prefix for the entity space, recorded with the data: a store tells its base by it. */
    public static final String ENTITY_PREFIX = "id";
    private static final String ENTITY_SPACE = ENTITY_PREFIX + "/";
    private static final String GRAPHS = "graph/";
    private static final String METADATA = "metadata";
    private static final String VOID_DOCUMENT = ".well-known/void";
    /** What the loader mints as kinds and ids (lower-case slugs): anything else is not an entity path. */
    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9-]+");

    /** The name of the served dataset; every SPARQL route is under it. */
    public static final String DATASET = "coop";
    public static final String DATASET_PATH = "/" + DATASET;
    public static final String SPARQL_PATH = DATASET_PATH + "/sparql";
    public static final String QUERY_PATH = DATASET_PATH + "/query";
    public static final String UPDATE_PATH = DATASET_PATH + "/update";
    public static final String DATA_PATH = DATASET_PATH + "/data";
    /** The Linked Data home: the path of the entity space. */
    public static final String HOME_PATH = "/" + ENTITY_SPACE;
    public static final String ONTOLOGY_PATH = "/ontology";
    /** RFC 5785 and the VoID specification's well-known URI. */
    public static final String VOID_PATH = "/" + VOID_DOCUMENT;
    public static final String QUERY_PAGE_PATH = "/";
    /** The query page's scripts, styles and data. */
    public static final String ASSETS_PATH = "/web/";
    /** An online backup of the served data (gzipped N-Quads), for the users who may update. */
    public static final String BACKUP_PATH = "/$/backup";
    /**
     * The reconciliation service (W3C Reconciliation Service API 0.2): the manifest, reconciliation queries and data
     * extension at this path, its suggest, preview, view and property-proposal services below it.
     */
    public static final String RECONCILE_PATH = "/reconcile";
    public static final String RECONCILE_SUGGEST_ENTITY_PATH = RECONCILE_PATH + "/suggest/entity";
    public static final String RECONCILE_SUGGEST_TYPE_PATH = RECONCILE_PATH + "/suggest/type";
    public static final String RECONCILE_SUGGEST_PROPERTY_PATH = RECONCILE_PATH + "/suggest/property";
    public static final String RECONCILE_PREVIEW_PATH = RECONCILE_PATH + "/preview";
    /** Redirects an entity id of the service ({@code organisation/x}) to the entity's page. */
    public static final String RECONCILE_VIEW_PATH = RECONCILE_PATH + "/view";
    public static final String RECONCILE_PROPOSE_PROPERTIES_PATH = RECONCILE_PATH + "/propose_properties";
    /** The web API for people and programs that do not write SPARQL: entity lookup, the gallery, its description. */
    public static final String API_PATH = "/api";
    public static final String LOOKUP_PATH = API_PATH + "/lookup";
    /** The gallery: {@code GET /api/queries} lists it, {@code GET /api/queries/{name}} runs one query. */
    public static final String QUERIES_PATH = API_PATH + "/queries";
    /** The OpenAPI 3 description of the web API. */
    public static final String OPENAPI_PATH = API_PATH + "/openapi.json";

    public CoopIris {
        if (!base.endsWith("/") && !base.endsWith("#")) base = base + "/";
    }

    public String entity(String kind, String id) {
        return entitySpace() + kind + "/" + id;
    }

    /** The server path of an entity: {@code /id/{kind}/{id}}. */
    public static String entityPath(String kind, String id) {
        return HOME_PATH + kind + "/" + id;
    }

    /** The graph of one curated row. */
    public String assertion(String name) {
        return assertionSpace() + name;
    }

    /** The graph of the curated row that made an entity: {@code {base}id/assertion/{kind}-{id}}. */
    public String rowAssertion(String kind, String id) {
        return assertion(kind + "-" + id);
    }

    /** {@code {base}id/assertion/}: where the graphs of the curated rows are. */
    public String assertionSpace() {
        return entitySpace() + "assertion/";
    }

    public String conceptScheme(String scheme) {
        return entitySpace() + "scheme/" + scheme;
    }

    /** One of the graphs the server computes or keeps besides the rows' graphs: {@code {base}graph/{name}}. */
    public String graph(String name) {
        return base + GRAPHS + name;
    }

    public String ontologyGraph() {
        return graph("ontology");
    }

    public String inferredGraph() {
        return graph("inferred");
    }

    /**
     * Where a write to the default graph goes ({@code INSERT DATA { <s> <p> <o> }}, {@code CLEAR DEFAULT}, a Graph
     * Store write with {@code ?default}): a curated named graph like the others, so part of the union queries see.
     */
    public String editsGraph() {
        return graph("edits");
    }

    /** Source documents, concept schemes and the description of every assertion graph. */
    public String metadataGraph() {
        return graph(METADATA);
    }

    /** The base of a metadata graph's IRI, if the IRI is one: how a dump tells the base it was made with. */
    public static Optional<String> baseOfMetadataGraph(String graphIri) {
        String tail = GRAPHS + METADATA;
        return graphIri.endsWith(tail) ? Optional.of(graphIri.substring(0, graphIri.length() - tail.length()))
                : Optional.empty();
    }

    /** {@code {base}id/}: the namespace of every entity, assertion and concept scheme. */
    public String entitySpace() {
        return base + ENTITY_SPACE;
    }

    /** The IRIs of the base whose entity space is {@code entitySpace} (a dataset's {@code id:} prefix). */
    public static CoopIris ofEntitySpace(String entitySpace) {
        if (!entitySpace.endsWith(ENTITY_SPACE)) {
            throw new IllegalArgumentException("not an entity space ({base}" + ENTITY_SPACE + "): " + entitySpace);
        }
        return new CoopIris(entitySpace.substring(0, entitySpace.length() - ENTITY_SPACE.length()));
    }

    /** The IRI that a server path ({@code /id/person/x}) stands for. */
    public String iriOfPath(String path) {
        return base + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** The server path ({@code /id/person/x}) of an IRI under the base, if it is one. */
    public Optional<String> pathOfIri(String iri) {
        return iri.startsWith(base) ? Optional.of("/" + iri.substring(base.length())) : Optional.empty();
    }

    /**
     * The kind ({@code person}) of an entity IRI {@code {base}id/person/x}, if the IRI is one: exactly two
     * segments after {@code id/}, each in the alphabet the loader mints ({@link #isEntityPath}). Nodes inside an
     * entity ({@code id/event/x#time}) and deeper paths are not entities. This is the one test of "is this an
     * entity" that the pages, the catalogue, VoID, the query page and the exports share.
     */
    public Optional<String> kindOf(String iri) {
        return localPath(iri).map(path -> path.substring(0, path.indexOf('/')));
    }

    /** {@code kind/id} of an entity IRI, if the IRI is one ({@link #kindOf}). */
    public Optional<String> localPath(String iri) {
        if (!iri.startsWith(entitySpace())) return Optional.empty();
        String rest = iri.substring(entitySpace().length());
        int slash = rest.indexOf('/');
        if (slash < 0) return Optional.empty();
        return isEntityPath(rest.substring(0, slash), rest.substring(slash + 1)) ? Optional.of(rest) : Optional.empty();
    }

    /** Whether a node is an entity IRI ({@link #kindOf}). */
    public boolean isEntity(Node node) {
        return node.isURI() && kindOf(node.getURI()).isPresent();
    }

    /** Whether {@code kind} and {@code id} are both in the entity alphabet {@code [a-z0-9-]+}. */
    public static boolean isEntityPath(String kind, String id) {
        return SEGMENT.matcher(kind).matches() && SEGMENT.matcher(id).matches();
    }

    /** The public IRI of the SPARQL endpoint, as the dataset description must name it. */
    public String sparqlEndpoint() {
        return iriOfPath(SPARQL_PATH);
    }

    /** The route of one gallery query in the web API: {@code /api/queries/{name}}. */
    public static String galleryQueryPath(String name) {
        return QUERIES_PATH + "/" + name;
    }

    /** The VoID document: {@code {base}.well-known/void}. */
    public String voidDocument() {
        return base + VOID_DOCUMENT;
    }
}

package org.coopkg.core;

/**
 * The IRIs coop-kg mints under a base IRI. Entities are {@code {base}id/{kind}/{id}}; each curated row's
 * statements live in their own named graph {@code {base}id/assertion/{name}}, which carries the row's
 * source and evidence; the other named graphs hold the ontology, the inferred triples and metadata.
 */
public record GraphNames(String base) {
    public GraphNames {
        if (!base.endsWith("/") && !base.endsWith("#")) base = base + "/";
    }

    public String entity(String kind, String id) {
        return base + "id/" + kind + "/" + id;
    }

    public String assertion(String name) {
        return base + "id/assertion/" + name;
    }

    public String conceptScheme(String scheme) {
        return base + "id/scheme/" + scheme;
    }

    public String ontologyGraph() {
        return base + "graph/ontology";
    }

    public String inferredGraph() {
        return base + "graph/inferred";
    }

    /** Source documents, concept schemes and the description of every assertion graph. */
    public String metadataGraph() {
        return base + "graph/metadata";
    }
}

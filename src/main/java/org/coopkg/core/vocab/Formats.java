package org.coopkg.core.vocab;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The W3C Unique URIs for File Formats ({@code http://www.w3.org/ns/formats/}) coop-kg names. */
public final class Formats {
    public static final String NS = "http://www.w3.org/ns/formats/";

    public static final Resource Turtle = resource("Turtle");
    public static final Resource N_Triples = resource("N-Triples");
    public static final Resource N_Quads = resource("N-Quads");
    public static final Resource TriG = resource("TriG");
    public static final Resource JSON_LD = resource("JSON-LD");
    public static final Resource RDF_XML = resource("RDF_XML");
    public static final Resource SPARQL_Results_JSON = resource("SPARQL_Results_JSON");
    public static final Resource SPARQL_Results_XML = resource("SPARQL_Results_XML");
    public static final Resource SPARQL_Results_CSV = resource("SPARQL_Results_CSV");
    public static final Resource SPARQL_Results_TSV = resource("SPARQL_Results_TSV");

    private Formats() {}

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }
}

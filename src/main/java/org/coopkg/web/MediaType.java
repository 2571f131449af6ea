package org.coopkg.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The representations the Linked Data pages offer: an HTML page and the usual RDF syntaxes, each with its
 * media type and the file suffix of its suffix form ({@code /id/person/x.ttl}) ({@link RdfWriting} writes
 * them). TriG and N-Quads keep the named graph of each statement, that is its provenance.
 */
public enum MediaType {
    HTML("text/html", "html", "HTML"),
    TURTLE("text/turtle", "ttl", "Turtle"),
    JSONLD("application/ld+json", "jsonld", "JSON-LD"),
    NTRIPLES("application/n-triples", "nt", "N-Triples"),
    RDFXML("application/rdf+xml", "rdf", "RDF/XML"),
    TRIG("application/trig", "trig", "TriG"),
    NQUADS("application/n-quads", "nq", "N-Quads");

    /** What an entity IRI offers, in the server's order of preference when the client has none. */
    public static final List<MediaType> ENTITY = List.of(HTML, TURTLE, JSONLD, NTRIPLES, RDFXML, TRIG, NQUADS);
    /** The RDF syntaxes of one graph (no named graphs), Turtle first. */
    public static final List<MediaType> GRAPH_RDF = List.of(TURTLE, JSONLD, NTRIPLES, RDFXML);

    private final String mime;
    private final String suffix;
    private final String title;

    MediaType(String mime, String suffix, String title) {
        this.mime = mime;
        this.suffix = suffix;
        this.title = title;
    }

    public String mime() {
        return mime;
    }

    /** The Content-Type header: text types say their charset, since a browser would otherwise guess. */
    public String contentType() {
        return mime.startsWith("text/") ? mime + "; charset=utf-8" : mime;
    }

    public String suffix() {
        return suffix;
    }

    public String title() {
        return title;
    }

    /** TriG and N-Quads carry named graphs; the others are written from the union of the graphs. */
    public boolean keepsGraphs() {
        return this == TRIG || this == NQUADS;
    }

    public static Optional<MediaType> bySuffix(String suffix) {
        return Arrays.stream(values()).filter(t -> t.suffix.equals(suffix)).findFirst();
    }
}

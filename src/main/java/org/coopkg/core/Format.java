package org.coopkg.core;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.coopkg.core.vocab.Formats;

/**
 * Every format coop-kg reads or writes, in one registry (as RDF4J's {@code RDFFormat} holds a syntax's name, media
 * type, file extension and whether it keeps named graphs in one value): the RDF syntaxes of exports, dumps, Linked
 * Data and query answers, the property-graph exports, the entity pages, and the SPARQL result formats. Consumers
 * choose the subset they offer; the name, media type and extension of a format are said only here.
 */
public enum Format {
    TURTLE("turtle", "Turtle", "text/turtle", "ttl", Kind.TRIPLES, Lang.TURTLE, Formats.Turtle.getURI()),
    NTRIPLES("ntriples", "N-Triples", "application/n-triples", "nt", Kind.TRIPLES, Lang.NTRIPLES, Formats.N_Triples.getURI()),
    NQUADS("nquads", "N-Quads", "application/n-quads", "nq", Kind.QUADS, Lang.NQUADS, Formats.N_Quads.getURI()),
    TRIG("trig", "TriG", "application/trig", "trig", Kind.QUADS, Lang.TRIG, Formats.TriG.getURI()),
    JSONLD("jsonld", "JSON-LD", "application/ld+json", "jsonld", Kind.QUADS, Lang.JSONLD, Formats.JSON_LD.getURI()),
    RDFXML("rdfxml", "RDF/XML", "application/rdf+xml", "rdf", Kind.TRIPLES, Lang.RDFXML, Formats.RDF_XML.getURI()),
    GRAPHML("graphml", "GraphML", "application/graphml+xml", "graphml", Kind.PROPERTY_GRAPH, null, null),
    /** A folder of CSV files for {@code neo4j-admin database import full}, not a single file. */
    NEO4J("neo4j", "Neo4j import CSV", "text/csv", "csv", Kind.PROPERTY_GRAPH, null, null),
    HTML("html", "HTML", "text/html", "html", Kind.PAGE, null, null),
    /** Aligned columns for people at a terminal. */
    TABLE("table", "text table", "text/plain", "txt", Kind.RESULTS, null, null),
    CSV("csv", "SPARQL CSV", "text/csv", "csv", Kind.RESULTS, ResultSetLang.RS_CSV, Formats.SPARQL_Results_CSV.getURI()),
    TSV("tsv", "SPARQL TSV", "text/tab-separated-values", "tsv", Kind.RESULTS, ResultSetLang.RS_TSV, Formats.SPARQL_Results_TSV.getURI()),
    JSON("json", "SPARQL JSON", "application/sparql-results+json", "srj", Kind.RESULTS, ResultSetLang.RS_JSON, Formats.SPARQL_Results_JSON.getURI()),
    XML("xml", "SPARQL XML", "application/sparql-results+xml", "srx", Kind.RESULTS, ResultSetLang.RS_XML, Formats.SPARQL_Results_XML.getURI());

    /** What a format holds. */
    public enum Kind {
        /** One RDF graph. */
        TRIPLES,
        /** RDF with named graphs, and so the provenance that hangs on them (one graph per curated row). */
        QUADS,
        /** Nodes and edges with attributes, derived from the curated statements. */
        PROPERTY_GRAPH,
        /** A page for people. */
        PAGE,
        /** A table of SPARQL results (SELECT, ASK). */
        RESULTS
    }

    private final String formatName;
    private final String title;
    private final String mediaType;
    private final String extension;
    private final Kind kind;
    private final Lang lang;
    private final String w3cIri;

    Format(String formatName, String title, String mediaType, String extension, Kind kind, Lang lang, String w3cIri) {
        this.formatName = formatName;
        this.title = title;
        this.mediaType = mediaType;
        this.extension = extension;
        this.kind = kind;
        this.lang = lang;
        this.w3cIri = w3cIri;
    }

    /** The six RDF syntaxes, in registry order. */
    public static List<Format> rdf() {
        return Arrays.stream(values()).filter(Format::isRdf).toList();
    }

    /**
     * The format called {@code name} among {@code offered} (case-insensitive); a file extension is accepted too
     * ({@code ttl}, {@code nt}, {@code nq}, {@code rdf}) for formats that are one file.
     *
     * @throws UnsupportedFormatException naming the offered formats
     */
    public static Format parse(String name, Collection<Format> offered, String what) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return offered.stream().filter(f -> f.formatName.equals(wanted)).findFirst()
                .or(() -> byExtension(wanted, offered))
                .orElseThrow(() -> new UnsupportedFormatException(what, name, offered));
    }

    /** The file format among {@code offered} whose extension is {@code extension} (not a folder format). */
    public static Optional<Format> byExtension(String extension, Collection<Format> offered) {
        return offered.stream().filter(f -> !f.writesFolder() && f.extension.equals(extension)).findFirst();
    }

    /** {@code turtle, ntriples, ...}: the names of {@code formats}, in their order. */
    public static String names(Collection<Format> formats) {
        return formats.stream().map(Format::formatName).collect(Collectors.joining(", "));
    }

    /** The name used on the command line and in {@code ?format=}, e.g. {@code turtle}. */
    public String formatName() {
        return formatName;
    }

    /** For people: {@code Turtle}, {@code RDF/XML}. */
    public String title() {
        return title;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The Content-Type header: text types say their charset, since a browser would otherwise guess. */
    public String contentType() {
        return mediaType.startsWith("text/") ? mediaType + "; charset=utf-8" : mediaType;
    }

    /** The file extension without a dot, e.g. {@code ttl}; for {@link #NEO4J} that of each file in the folder. */
    public String extension() {
        return extension;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the format keeps named graphs (N-Quads, TriG, JSON-LD), and so the per-row provenance. */
    public boolean supportsContexts() {
        return kind == Kind.QUADS;
    }

    public boolean isRdf() {
        return kind == Kind.TRIPLES || kind == Kind.QUADS;
    }

    /** Whether the format is a folder of files rather than one file (only {@link #NEO4J}). */
    public boolean writesFolder() {
        return this == NEO4J;
    }

    /** Jena's language for the format (RDF syntaxes and SPARQL result formats). */
    public Optional<Lang> lang() {
        return Optional.ofNullable(lang);
    }

    /** The format's IRI among the W3C's unique URIs for file formats, where it has one. */
    public Optional<String> w3cIri() {
        return Optional.ofNullable(w3cIri);
    }

    @Override
    public String toString() {
        return formatName;
    }
}

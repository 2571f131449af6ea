package org.coopkg.export;

import java.util.Locale;
import java.util.Optional;

import org.eclipse.rdf4j.rio.RDFFormat;

/**
 * Every format {@code coopkg export} and {@code coopkg dist} write: the six RDF syntaxes (written by RDF4J
 * Rio, see {@link RdfExporter}) and two property-graph formats ({@link GraphMlExporter},
 * {@link Neo4jExporter}). One registry, so that the command line, the release writer and the tests agree
 * on names and file extensions.
 */
public enum ExportFormat {
    TURTLE("turtle", "ttl", Shape.TRIPLES),
    NTRIPLES("ntriples", "nt", Shape.TRIPLES),
    NQUADS("nquads", "nq", Shape.QUADS),
    TRIG("trig", "trig", Shape.QUADS),
    JSONLD("jsonld", "jsonld", Shape.QUADS),
    RDFXML("rdfxml", "rdf", Shape.TRIPLES),
    GRAPHML("graphml", "graphml", Shape.PROPERTY_GRAPH),
    /** A folder of CSV files for {@code neo4j-admin database import full}, not a single file. */
    NEO4J("neo4j", "csv", Shape.PROPERTY_GRAPH);

    /** What a format can hold, which decides how {@code --graph} is applied. */
    public enum Shape {
        /** One graph: the union of all graphs, or one graph chosen with {@code --graph}. */
        TRIPLES,
        /** Named graphs, and so the provenance that hangs on them (one graph per curated row). */
        QUADS,
        /** Nodes and edges with attributes, derived from the curated statements. */
        PROPERTY_GRAPH
    }

    private final String cliName;
    private final String extension;
    private final Shape shape;

    // No RDFFormat constant here: the command line names these formats, and initialising Rio (its value
    // factory seeds a SecureRandom) would add to the start-up of every command, serve included.
    ExportFormat(String cliName, String extension, Shape shape) {
        this.cliName = cliName;
        this.extension = extension;
        this.shape = shape;
    }

    /**
     * The format called {@code name} (case-insensitive); its file extension is accepted too ({@code ttl},
     * {@code nt}, {@code nq}, {@code rdf}).
     *
     * @throws UnsupportedFormatException naming the supported formats
     */
    public static ExportFormat parse(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (ExportFormat format : values()) {
            if (format.cliName.equals(wanted)) return format;
        }
        for (ExportFormat format : values()) {
            if (format != NEO4J && format.extension.equals(wanted)) return format;
        }
        throw new UnsupportedFormatException(name);
    }

    /** The name used on the command line, e.g. {@code turtle}. */
    public String cliName() {
        return cliName;
    }

    /** The file extension without a dot, e.g. {@code ttl}; for {@link #NEO4J} that of each file in the folder. */
    public String extension() {
        return extension;
    }

    /** Whether the format keeps named graphs (N-Quads, TriG, JSON-LD), and so the per-row provenance. */
    public boolean keepsNamedGraphs() {
        return shape == Shape.QUADS;
    }

    public boolean isRdf() {
        return shape != Shape.PROPERTY_GRAPH;
    }

    /** Whether the export is a folder of files rather than one file (only {@link #NEO4J}). */
    public boolean writesFolder() {
        return this == NEO4J;
    }

    /** The Rio format for the RDF syntaxes; empty for the property-graph formats. */
    public Optional<RDFFormat> rioFormat() {
        return Optional.ofNullable(switch (this) {
            case TURTLE -> RDFFormat.TURTLE;
            case NTRIPLES -> RDFFormat.NTRIPLES;
            case NQUADS -> RDFFormat.NQUADS;
            case TRIG -> RDFFormat.TRIG;
            case JSONLD -> RDFFormat.JSONLD;
            case RDFXML -> RDFFormat.RDFXML;
            case GRAPHML, NEO4J -> null;
        });
    }

    @Override
    public String toString() {
        return cliName;
    }
}

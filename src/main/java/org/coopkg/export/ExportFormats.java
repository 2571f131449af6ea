package org.coopkg.export;

import java.util.List;

import org.coopkg.core.Format;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/**
 * The formats {@code coopkg export} and {@code coopkg dist} write: the six RDF syntaxes (through RDF4J Rio, see
 * {@link RdfExporter}) and two property-graph formats ({@link GraphMlExporter}, {@link Neo4jExporter}).
 */
public final class ExportFormats {
    public static final List<Format> ALL = List.of(Format.TURTLE, Format.NTRIPLES, Format.NQUADS, Format.TRIG,
            Format.JSONLD, Format.RDFXML, Format.GRAPHML, Format.NEO4J);

    private ExportFormats() {}

    /** The export format called {@code name} (or with that file extension); the message lists the others. */
    public static Format parse(String name) {
        return Format.parse(name, ALL, "export");
    }

    /**
     * Rio's format for an RDF syntax, found by its media type. Looked up on use: initialising Rio (its value factory
     * seeds a SecureRandom) would add to the start-up of every command, serve included.
     */
    public static RDFFormat rio(Format format) {
        if (!format.isRdf()) throw new IllegalArgumentException(format + " is not an RDF syntax");
        return Rio.getWriterFormatForMIMEType(format.mediaType())
                .orElseThrow(() -> new IllegalStateException("RDF4J Rio has no writer for " + format.mediaType()));
    }
}

package org.coopkg.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphReadOnly;

/**
 * The coop-kg ontology ({@code ontology/coop.ttl}) and its SHACL shapes ({@code ontology/shapes.ttl}), as the
 * build bundles them. Each is parsed once per process, on first use, and shared read-only: a load, the Linked
 * Data site, the query page and every validated update need them, and parsing them again for each would add to
 * every start-up.
 */
public final class Ontology {
    /** Where the build puts the authored ontology file on the classpath. */
    public static final String RESOURCE = "/ontology/coop.ttl";
    private static final String SHAPES_RESOURCE = "/ontology/shapes.ttl";

    private Ontology() {}

    /** The ontology graph, read-only. */
    public static Graph graph() {
        return Parsed.GRAPH;
    }

    /** The shapes every load and every update is validated against. */
    public static Shapes shapes() {
        return Parsed.SHAPES;
    }

    /** The authored Turtle file itself, comments and layout included. */
    public static byte[] authoredTurtle() {
        try (InputStream in = open(RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the build", e);
        }
    }

    private static final class Parsed {
        static final Graph GRAPH = new GraphReadOnly(readTurtle(RESOURCE));
        static final Shapes SHAPES = Shapes.parse(readTurtle(SHAPES_RESOURCE));
    }

    private static Graph readTurtle(String resource) {
        try (InputStream in = open(resource)) {
            Graph graph = GraphFactory.createDefaultGraph();
            RDFParser.source(in).lang(Lang.TURTLE).parse(graph);
            return graph;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the build", e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = Ontology.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException(resource + " is missing from the build");
        return in;
    }
}

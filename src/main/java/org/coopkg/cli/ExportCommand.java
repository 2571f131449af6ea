package org.coopkg.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;

import org.coopkg.core.Causes;
import org.coopkg.core.Format;
import org.coopkg.derive.LoadedGraph;
import org.coopkg.export.GraphMlExporter;
import org.coopkg.export.GraphSelection;
import org.coopkg.export.Neo4jExporter;
import org.coopkg.export.PropertyGraph;
import org.coopkg.export.PropertyGraphBuilder;
import org.coopkg.export.RdfExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Load the curated data and write it for other tools: RDF (turtle, ntriples, nquads, trig, "
                + "jsonld, rdfxml) through RDF4J Rio, GraphML for Gephi/yEd/Cytoscape/NetworkX, or CSV for "
                + "neo4j-admin. Output is deterministic: the same data gives the same bytes.",
                "Quad formats (nquads, trig, jsonld) keep the named graphs, one per curated row with its "
                        + "provenance; triple formats (turtle, ntriples, rdfxml) write the union of all graphs "
                        + "or the one graph given with --graph. What was written is said on stderr."})
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", converter = FormatConverter.Export.class,
            description = "turtle, ntriples, nquads, trig, jsonld, rdfxml, graphml or neo4j.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "File to write (default: standard output); for neo4j, the folder for the CSV files (required).")
    Path out;

    @Option(names = "--graph", paramLabel = "default|all|NAME", defaultValue = "all",
            description = "RDF formats only. all (default): every named graph for quad formats, the union of all "
                    + "graphs for triple formats; default: the default graph (the union); NAME: one graph, by IRI "
                    + "or short name (metadata, ontology, inferred, or an assertion such as place-china).")
    String graph;

    @Option(names = "--gzip", description = "Compress the output with gzip (not for neo4j).")
    boolean gzip;

    @Spec
    CommandSpec spec;


    @Override
    public Integer call() throws Exception {
        if (format.writesFolder() && out == null) {
            throw new ParameterException(spec.commandLine(), "--format neo4j writes a folder of CSV files; give "
                    + "it with --out DIR");
        }
        if (format.writesFolder() && gzip) {
            throw new ParameterException(spec.commandLine(), "--gzip is not available for neo4j: neo4j-admin "
                    + "reads the CSV files as they are written");
        }
        if (!format.isRdf() && !graph.equals("all")) {
            throw new ParameterException(spec.commandLine(), "--graph applies to the RDF formats; " + format
                    + " always exports the curated entities and the statements between them");
        }
        long start = System.nanoTime();
        LoadedGraph loaded = data.loader().load();
        PrintWriter err = spec.commandLine().getErr();

        if (format == Format.NEO4J) {
            PropertyGraph property = new PropertyGraphBuilder(loaded.dataset(), loaded.names()).build();
            List<String> files = naming(() -> new Neo4jExporter().write(property, out));
            err.printf("neo4j: wrote %d nodes and %d relationships to %s (%s); the import command is in %s%n",
                    property.nodes().size(), property.edges().size(), out, String.join(", ", files),
                    out.resolve(Neo4jExporter.README));
        } else if (format == Format.GRAPHML) {
            PropertyGraph property = new PropertyGraphBuilder(loaded.dataset(), loaded.names()).build();
            writeStream(o -> {
                new GraphMlExporter().write(property, o);
                return null;
            });
            err.printf("graphml: wrote %d nodes and %d edges to %s%n", property.nodes().size(),
                    property.edges().size(), target());
        } else {
            GraphSelection selection;
            try {
                selection = GraphSelection.parse(graph, loaded.dataset(), loaded.names());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            RdfExporter exporter = new RdfExporter(loaded.dataset());
            RdfExporter.Written written = writeStream(o -> exporter.write(format, selection, o));
            err.printf("%s: wrote %s: %d %s%s to %s%n", format, written.what(), written.statements(),
                    format.supportsContexts() ? "quads" : "triples",
                    format.supportsContexts() ? " in " + written.graphs() + " graphs" : "", target());
        }
        err.printf("%s: done in %d ms%n", format, (System.nanoTime() - start) / 1_000_000);
        err.flush();
        return 0;
    }

    private String target() {
        return (out == null ? "standard output" : out.toString()) + (gzip ? " (gzip)" : "");
    }

    /** Writing that may fail with an IOException. */
    @FunctionalInterface
    private interface Output<T> {
        T writeTo(OutputStream out) throws IOException;
    }

    @FunctionalInterface
    private interface FolderOutput<T> {
        T write() throws IOException;
    }

    /** Runs {@code output}, naming --out in the message if writing fails (exit code 3). */
    private <T> T naming(FolderOutput<T> output) throws IOException {
        try {
            return output.write();
        } catch (IOException e) {
            throw new IOException("cannot write " + out + ": " + Causes.rootMessage(e), e);
        }
    }

    /** Writes to --out or standard output, through gzip if asked; standard output is flushed, not closed. */
    private <T> T writeStream(Output<T> body) throws IOException {
        if (out == null) {
            // System.out is read now, not when the command is built, so that tests can capture it.
            return writeTo(new BufferedOutputStream(System.out, 1 << 16), body);
        }
        return naming(() -> {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                return writeTo(file, body);
            }
        });
    }

    private <T> T writeTo(OutputStream target, Output<T> body) throws IOException {
        T result;
        if (gzip) {
            GZIPOutputStream compressed = new GZIPOutputStream(target, 1 << 16);
            result = body.writeTo(compressed);
            compressed.finish();
        } else {
            result = body.writeTo(target);
        }
        target.flush();
        return result;
    }
}

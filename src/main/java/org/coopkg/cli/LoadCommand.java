package org.coopkg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.coopkg.load.LoadedGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load the curated data and write it as RDF with its provenance: every named graph "
                + "(one per curated row, plus metadata, ontology and inferred). The default graph is their "
                + "union and is not written again.")
public final class LoadCommand implements Callable<Integer> {
    /** The quad formats: they keep the named graphs that carry provenance. */
    public enum Format {
        nquads(RDFFormat.NQUADS_UTF8), trig(RDFFormat.TRIG_BLOCKS);

        final RDFFormat rdf;

        Format(RDFFormat rdf) {
            this.rdf = rdf;
        }
    }

    @Mixin
    DataOptions data;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "File to write.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "nquads or trig (default: from the file name, .nq or .trig).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Format chosen = format != null ? format : fromFileName(out);
        LoadedGraph graph = data.loader().load();
        DatasetGraph named = DatasetGraphFactory.createGeneral();
        graph.dataset().listGraphNodes().forEachRemaining(g -> named.addGraph(g, graph.dataset().getGraph(g)));
        named.prefixes().putAll(graph.dataset().prefixes());
        try (OutputStream stream = Files.newOutputStream(out)) {
            RDFDataMgr.write(stream, named, chosen.rdf);
        } catch (IOException e) {
            throw new IOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().printf("wrote %s (%s): %d quads in %d named graphs%n", out, chosen,
                named.stream().count(), named.size());
        return 0;
    }

    private Format fromFileName(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".nq")) return Format.nquads;
        if (name.endsWith(".trig")) return Format.trig;
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "cannot tell the format of '" + name
                + "' from its name; end it in .nq or .trig, or give --format nquads|trig");
    }
}

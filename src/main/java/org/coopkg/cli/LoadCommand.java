package org.coopkg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.coopkg.core.Format;
import org.coopkg.derive.LoadedGraph;
import org.coopkg.store.Tdb2Load;
import org.coopkg.store.TextSearch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load the curated data and write it as RDF with its provenance: every named graph "
                + "(one per curated row, plus metadata, ontology and inferred). The default graph is their "
                + "union and is not written again.")
public final class LoadCommand implements Callable<Integer>, Usage {
    /** The quad formats: they keep the named graphs that carry provenance. */
    static final List<Format> FORMATS = List.of(Format.NQUADS, Format.TRIG);

    @Mixin
    DataOptions data;

    @Mixin
    DuplicateOptions duplicates;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    /** Where the load goes: an RDF file, or a TDB2 database. */
    static final class Target {
        @Option(names = "--out", paramLabel = "FILE", description = "File to write.")
        Path out;

        @ArgGroup(exclusive = false)
        Tdb2 tdb2;
    }

    static final class Tdb2 {
        @Option(names = "--tdb2", paramLabel = "DIR", required = true,
                description = "Load into the TDB2 database in DIR (created if needed) instead of writing a file: the named "
                        + "graphs and their union as the default graph, and the full-text index in DIR/text-index. An "
                        + "empty database is bulk-loaded (not transactional: if stopped, delete DIR and load again); an "
                        + "existing one is replaced in one transaction. Serve it with 'coopkg serve --tdb2 DIR'.")
        Path dir;

        @Option(names = "--text-index", paramLabel = "DIR",
                description = "With --tdb2: also write the Lucene full-text index that fuseki-config/coop-tdb2-text.ttl "
                        + "reads (labels, alternative labels, descriptions) to DIR, replacing what is there.")
        Path textIndex;
    }

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.Load.class,
            description = "nquads or trig (default: from the file name, .nq or .trig).")
    Format format;

    @Spec
    CommandSpec spec;


    @Override
    public Optional<String> explain(ParameterException e) {
        if (Usage.missing(e, "--tdb2")) return Optional.of("--text-index needs --tdb2 DIR");
        if (Usage.exclusive(e) || Usage.missing(e, "--out")) {
            return Optional.of("give either --out FILE (an RDF file) or --tdb2 DIR (a TDB2 database)");
        }
        return Optional.empty();
    }

    @Override
    public Integer call() throws Exception {
        if (target.tdb2 != null) return loadTdb2(target.tdb2);
        Path out = target.out;
        Format chosen = format != null ? format : fromFileName(out);
        LoadedGraph graph = data.loader().load();
        duplicates.check(graph, spec.commandLine().getErr());
        DatasetGraph named = DatasetGraphFactory.createGeneral();
        graph.dataset().listGraphNodes().forEachRemaining(g -> named.addGraph(g, graph.dataset().getGraph(g)));
        named.prefixes().putAll(graph.dataset().prefixes());
        try (OutputStream stream = Files.newOutputStream(out)) {
            // The streaming writers: a load may be larger than memory allows a pretty printer to hold.
            RDFDataMgr.write(stream, named, chosen == Format.TRIG ? RDFFormat.TRIG_BLOCKS : RDFFormat.NQUADS_UTF8);
        } catch (IOException e) {
            throw new IOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().printf("wrote %s (%s): %d quads in %d named graphs%n", out, chosen,
                named.stream().count(), named.size());
        return 0;
    }

    /** "read CSV 0.4 s, map to RDF 1.2 s, …" */
    static String phases(LoadedGraph graph) {
        return String.join(", ", graph.phaseMillis().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue() / 1000.0)).toList());
    }

    private int loadTdb2(Tdb2 tdb2) throws Exception {
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        err.printf("coop-kg: reading, validating and materialising the curated data...%n");
        err.flush();
        LoadedGraph graph = data.loader().load();
        long checkStart = System.nanoTime();
        duplicates.check(graph, err);
        String checked = duplicates.skip ? ""
                : String.format(Locale.ROOT, ", check for duplicates %.1f s", (System.nanoTime() - checkStart) / 1e9);
        err.printf("coop-kg: %d curated rows -> %,d quads (%,d in named graphs, %,d inferred triples), %.1f s elapsed (%s%s)%n",
                graph.rows(), graph.quadCount(), graph.namedGraphQuads(), graph.inferredTriples(),
                (System.nanoTime() - start) / 1e9, phases(graph), checked);
        err.flush();
        Tdb2Load.Written written = new Tdb2Load(tdb2.dir, err).write(graph);
        stdout.printf("loaded %s (TDB2, %s): %,d quads (%,d in named graphs, the rest their union as the default "
                        + "graph) from %d curated rows; written in %.1f s (%,.0f quads/s), %.1f s in all%n", tdb2.dir,
                written.bulk() ? "bulk load into an empty database" : "replaced in one transaction", written.quads(),
                graph.namedGraphQuads(), graph.rows(), written.writeSeconds(), written.quads() / written.writeSeconds(),
                (System.nanoTime() - start) / 1e9);
        if (tdb2.textIndex != null) {
            long indexed = TextSearch.writeIndex(graph.unionView(), tdb2.textIndex);
            stdout.printf("wrote the full-text index %s: %,d labels, alternative labels and descriptions%n", tdb2.textIndex, indexed);
        }
        stdout.flush();
        return 0;
    }

    private Format fromFileName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Format.byExtension(dot < 0 ? "" : name.substring(dot + 1), FORMATS).orElseThrow(() ->
                new ParameterException(spec.commandLine(), "cannot tell the format of '" + name + "' from its name; end it "
                        + "in .nq or .trig, or give --format nquads|trig"));
    }
}

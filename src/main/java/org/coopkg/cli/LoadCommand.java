package org.coopkg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.coopkg.core.Format;
import org.coopkg.derive.LoadedGraph;
import org.coopkg.store.Folders;
import org.coopkg.store.TdbStore;
import org.coopkg.store.TextSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    @Option(names = "--out", paramLabel = "FILE", description = "File to write.")
    Path out;

    @Option(names = "--tdb2", paramLabel = "DIR",
            description = "Load into the TDB2 database in DIR (created if needed) instead of writing a file: the named "
                    + "graphs and their union as the default graph, and the full-text index in DIR/text-index. An "
                    + "empty database is bulk-loaded (not transactional: if stopped, delete DIR and load again); an "
                    + "existing one is replaced in one transaction. Serve it with 'coopkg serve --tdb2 DIR'.")
    Path tdb2;

    @Option(names = "--text-index", paramLabel = "DIR",
            description = "With --tdb2: also write the Lucene full-text index that fuseki-config/coop-tdb2-text.ttl "
                    + "reads (labels, alternative labels, descriptions) to DIR, replacing what is there.")
    Path textIndex;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "nquads or trig (default: from the file name, .nq or .trig).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((out == null) == (tdb2 == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give either --out FILE (an RDF file) or --tdb2 DIR (a TDB2 database)");
        }
        if (textIndex != null && tdb2 == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--text-index needs --tdb2 DIR");
        }
        if (tdb2 != null) return loadTdb2();
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

    /** "read CSV 0.4 s, map to RDF 1.2 s, …" */
    static String phases(LoadedGraph graph) {
        return String.join(", ", graph.phaseMillis().entrySet().stream()
                .map(e -> String.format(java.util.Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue() / 1000.0)).toList());
    }

    private int loadTdb2() throws Exception {
        long start = System.nanoTime();
        var err = spec.commandLine().getErr();
        var stdout = spec.commandLine().getOut();
        err.printf("coop-kg: reading, validating and materialising the curated data...%n");
        err.flush();
        LoadedGraph graph = data.loader().load();
        err.printf("coop-kg: %d curated rows -> %,d quads (%,d in named graphs, %,d inferred triples), %.1f s elapsed (%s)%n",
                graph.rows(), graph.quadCount(), graph.namedGraphQuads(), graph.inferredTriples(),
                (System.nanoTime() - start) / 1e9, phases(graph));
        err.flush();
        DatasetGraph tdb;
        try {
            Files.createDirectories(tdb2);
            tdb = TdbStore.open(tdb2);
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot open the TDB2 database in " + tdb2 + " (" + Main.rootMessage(e)
                    + "); is a server using it? A TDB2 database is used by one process at a time", e);
        }
        try {
            if (!TdbStore.isComplete(tdb)) throw new IllegalArgumentException(StoredServe.incompleteMessage(tdb2));
            Folders.deleteTree(TdbStore.textIndexOf(tdb2));
            Path indexPart = tdb2.resolve("text-index.part");
            // The full-text index is written from the data in memory, on the other core, while TDB2 stores it.
            CompletableFuture<Long> indexing = CompletableFuture.supplyAsync(() -> {
                try {
                    return TextSearch.writeIndex(graph.unionView(), indexPart);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the full-text index " + indexPart + ": " + e.getMessage(), e);
                }
            });
            long writeStart = System.nanoTime();
            // An empty database takes the bulk loader; one with data is replaced in one transaction, so that
            // a server reading it sees the old data or the new, and a killed reload leaves the old intact.
            boolean bulk = !TdbStore.hasData(tdb);
            long written;
            try {
                written = bulk ? TdbStore.bulkLoad(tdb, graph.quads(), graph.prefixes(), err)
                        : TdbStore.replace(tdb, graph.quads(), graph.prefixes(), err);
            } catch (RuntimeException e) {
                // Let the indexer end before the caller cleans up the folder it writes in.
                indexing.exceptionally(failed -> 0L).join();
                throw e;
            }
            double writeSeconds = Math.max(1e-9, (System.nanoTime() - writeStart) / 1e9);
            stdout.printf("loaded %s (TDB2, %s): %,d quads (%,d in named graphs, the rest their union as the default "
                    + "graph) from %d curated rows; written in %.1f s (%,.0f quads/s), %.1f s in all%n", tdb2,
                    bulk ? "bulk load into an empty database" : "replaced in one transaction", written,
                    graph.namedGraphQuads(), graph.rows(), writeSeconds, written / writeSeconds,
                    (System.nanoTime() - start) / 1e9);
            long ownIndex;
            try {
                ownIndex = indexing.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof UncheckedIOException io) throw new IOException(io.getMessage(), io.getCause());
                throw e;
            }
            Files.move(indexPart, TdbStore.textIndexOf(tdb2));
            err.printf("coop-kg: indexed %,d labels, alternative labels and descriptions for full-text search, %.1f s "
                    + "elapsed%n", ownIndex, (System.nanoTime() - start) / 1e9);
            if (textIndex != null) {
                long indexed = TextSearch.writeIndex(graph.unionView(), textIndex);
                stdout.printf("wrote the full-text index %s: %,d labels, alternative labels and descriptions%n", textIndex, indexed);
            }
        } finally {
            TdbStore.release(tdb);
        }
        stdout.flush();
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

package org.coopkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.core.Causes;
import org.coopkg.derive.CoopLoader;
import org.coopkg.derive.LoadedGraph;
import org.coopkg.store.ReleaseDump;
import org.coopkg.store.TdbStore;
import org.coopkg.store.TextSearch;
import org.coopkg.web.ConfiguredFuseki;
import org.coopkg.web.CoopServer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Load the curated data (validated, with inferences) and answer SPARQL at /coop/sparql.")
public final class ServeCommand implements Callable<Integer>, Usage {
    @Mixin
    BaseOption base;

    @Mixin
    ServeOptions server;

    @ArgGroup(exclusive = true)
    Source source = new Source();

    @Spec
    CommandSpec spec;

    /** What to serve: each is a whole data set. */
    static final class Source {
        @Option(names = "--data", paramLabel = "DIR",
                description = "Folder of curated CSV files (default: the data set bundled in the jar).")
        Path data;

        @Option(names = "--tdb2", paramLabel = "DIR",
                description = "Serve the TDB2 database made by 'coopkg load --tdb2 DIR' instead of loading the CSV.")
        Path tdb2;

        @Option(names = "--dump", paramLabel = "FILE",
                description = "Serve a release dump (coop-kg.nq.gz of 'coopkg dist', or N-Quads/TriG) without reading the "
                        + "CSV: for read replicas. The base IRI is the one the release was made with.")
        Path dump;

        @Option(names = "--config", paramLabel = "FILE",
                description = "Serve a Fuseki assembler configuration (see fuseki-config/) with plain Fuseki; paths in it "
                        + "are relative to the working directory. Only --port and --localhost apply.")
        Path config;
    }

    @Override
    public Optional<String> explain(ParameterException e) {
        if (Usage.exclusive(e)) {
            return Optional.of("give one of --data DIR, --tdb2 DIR, --dump FILE and --config FILE: each is a whole data set to serve");
        }
        return ServeOptions.explain(e);
    }

    @Override
    public Integer call() throws Exception {
        if (source.dump != null && server.takesUpdates()) {
            throw new ParameterException(spec.commandLine(), "--update does not apply to --dump: a read replica serves its "
                    + "release unchanged, like its siblings; take updates on a server of the curated data (--data DIR or "
                    + "--tdb2 DIR)");
        }
        if (source.config != null) return serveConfiguration();
        long start = System.nanoTime();
        CoopServer.Builder builder = server.builder();
        checkJournal();
        String loaded;
        if (source.tdb2 != null || source.dump != null) {
            builder.stored(source.tdb2 != null ? TdbStore.openForServing(source.tdb2, builder.takesUpdates())
                    : ReleaseDump.openForServing(source.dump, base.base()));
            loaded = String.format("coop-kg: serving the %s %s (no CSV read)", source.dump != null ? "release dump" : "TDB2 database",
                    (source.dump != null ? source.dump : source.tdb2).toAbsolutePath());
        } else {
            LoadedGraph graph = new CoopLoader(DataOptions.files(source.data), base.base()).load();
            // Only a server that takes updates needs the transactional dataset, whose aborts roll back.
            DatasetGraph served = builder.takesUpdates() ? graph.dataset() : graph.readOnlyDataset();
            builder.dataset(TextSearch.withInMemoryIndex(served)).base(graph.names().base());
            loaded = String.format("coop-kg: %d curated rows, %d quads in named graphs (%d inferred triples)", graph.rows(),
                    graph.namedGraphQuads(), graph.inferredTriples());
        }
        CoopServer coop = builder.build();
        start(coop::start);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s, %s in %d ms%n", loaded, source.tdb2 != null || source.dump != null ? "started" : "loaded",
                (System.nanoTime() - start) / 1_000_000);
        ServeBanner.print(out, coop, server.passwordFile());
        coop.join();
        return 0;
    }

    /**
     * Updates accepted in memory are kept only by a journal: without one they would be lost when the server stops,
     * although each was answered as done, so {@code --update} on data in memory needs {@code --journal FILE}.
     */
    private void checkJournal() {
        if (!server.takesUpdates()) return;
        if (source.tdb2 == null && server.journal() == null) {
            throw new ParameterException(spec.commandLine(), "--update on data in memory would lose every accepted update "
                    + "when the server stops: give --journal FILE (each update is written there before it is answered, and "
                    + "replayed at the next start), or serve a TDB2 database with --tdb2 DIR, which keeps them");
        }
        if (source.tdb2 != null && server.journal() != null) {
            throw new ParameterException(spec.commandLine(), "--journal is for data in memory: the TDB2 database "
                    + source.tdb2 + " keeps every accepted update itself; leave out --journal");
        }
    }

    /** {@code --config FILE}: plain Fuseki main on the configuration. */
    private int serveConfiguration() {
        long start = System.nanoTime();
        FusekiServer fuseki = ConfiguredFuseki.of(source.config, server.port, server.loopback);
        start(fuseki::start);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("coop-kg: serving the configuration %s (paths in it are relative to %s), started in %d ms%n",
                source.config.toAbsolutePath(), Path.of("").toAbsolutePath(), (System.nanoTime() - start) / 1_000_000);
        fuseki.getDataAccessPointRegistry().forEach((name, access) ->
                out.printf("Dataset: http://localhost:%d%s%n", fuseki.getPort(), name));
        out.flush();
        fuseki.join();
        return 0;
    }

    private void start(Runnable start) {
        try {
            start.run();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start the server on port " + server.port + " ("
                    + Causes.rootMessage(e) + "); is another server using it? Choose another port with --port", e);
        }
    }
}

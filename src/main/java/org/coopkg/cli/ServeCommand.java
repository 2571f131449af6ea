package org.coopkg.cli;

import java.util.concurrent.Callable;

import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.derive.LoadedGraph;
import org.coopkg.web.CoopServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Load the curated data (validated, with inferences) and answer SPARQL at /coop/sparql.")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Mixin
    ServeOptions server;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--tdb2", paramLabel = "DIR",
            description = "Serve the TDB2 database made by 'coopkg load --tdb2 DIR' instead of loading the CSV.")
    java.nio.file.Path tdb2;

    @picocli.CommandLine.Option(names = "--dump", paramLabel = "FILE",
            description = "Serve a release dump (coop-kg.nq.gz of 'coopkg dist', or N-Quads/TriG) without reading the "
                    + "CSV: for read replicas. The base IRI is the one the release was made with.")
    java.nio.file.Path dump;

    @picocli.CommandLine.Option(names = "--config", paramLabel = "FILE",
            description = "Serve a Fuseki assembler configuration (see fuseki-config/) with plain Fuseki; paths in it "
                    + "are relative to the working directory. Only --port and --localhost apply.")
    java.nio.file.Path config;

    @Override
    public Integer call() throws Exception {
        server.checkUpdateOptions();
        int sources = (tdb2 != null ? 1 : 0) + (config != null ? 1 : 0) + (dump != null ? 1 : 0) + (data.data != null ? 1 : 0);
        if (sources > 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give one of --data DIR, --tdb2 DIR, "
                    + "--dump FILE and --config FILE: each is a whole data set to serve");
        }
        if (dump != null && server.update) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--update does not apply to --dump: a "
                    + "read replica serves its release unchanged, like its siblings; take updates on a server of the "
                    + "curated data (--data DIR or --tdb2 DIR)");
        }
        if (tdb2 != null || config != null || dump != null) return StoredServe.serve(this);
        long start = System.nanoTime();
        LoadedGraph graph = data.loader().load();
        // Only a server that takes updates needs the transactional dataset, whose aborts roll back.
        DatasetGraph served = server.update ? graph.dataset() : graph.readOnlyDataset();
        CoopServer coop = server.applyTo(CoopServer.builder().dataset(org.coopkg.store.TextSearch.withInMemoryIndex(served))
                .base(graph.names().base())).build();
        try {
            coop.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start the server on port " + server.port + " ("
                    + Main.rootMessage(e) + "); is another server using it? Choose another port with --port", e);
        }
        var out = spec.commandLine().getOut();
        out.printf("coop-kg: %d curated rows, %d quads in named graphs (%d inferred triples) loaded in %d ms%n", graph.rows(),
                graph.namedGraphQuads(), graph.inferredTriples(), (System.nanoTime() - start) / 1_000_000);
        out.printf("Query page: http://localhost:%d/%n", coop.port());
        out.printf("SPARQL endpoint: %s%n", coop.sparqlUrl());
        if (coop.updatable()) {
            out.printf("SPARQL Update: %s and Graph Store: %s/data (login required: users of %s)%n", coop.updateUrl(),
                    coop.datasetUrl(), server.passwordFile);
        } else {
            out.printf("Graph Store (read-only): %s/data%n", coop.datasetUrl());
        }
        out.printf("Linked Data: http://localhost:%d/id/ (IRIs %sid/…)%n", coop.port(), graph.names().base());
        out.flush();
        coop.join();
        return 0;
    }
}

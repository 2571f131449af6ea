package org.coopkg.cli;

import java.util.concurrent.Callable;

import org.coopkg.load.LoadedGraph;
import org.coopkg.server.CoopServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Load the curated data (validated, with inferences) and answer SPARQL at /coop/sparql.")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Mixin
    ServeOptions server;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        LoadedGraph graph = data.loader().load();
        CoopServer coop = server.applyTo(CoopServer.builder().dataset(graph.dataset()).base(graph.names().base())).build();
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
        out.printf("Graph Store (read-only): %s/data%n", coop.datasetUrl());
        out.printf("Linked Data: http://localhost:%d/id/ (IRIs %sid/…)%n", coop.port(), graph.names().base());
        out.flush();
        coop.join();
        return 0;
    }
}

package org.coopkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.store.ReleaseDump;
import org.coopkg.store.TdbStore;
import org.coopkg.store.TextSearch;
import org.coopkg.web.CoopServer;

/**
 * {@code coopkg serve --tdb2 DIR} and {@code coopkg serve --config FILE}: serving data that is already stored,
 * without reading the curated CSV.
 */
public final class StoredServe {
    private StoredServe() {}

    /**
     * The coop-kg server (query page, Linked Data, limits) over the TDB2 database in {@code dir}, with the
     * full-text index {@code coopkg load --tdb2} wrote beside it; with updates, or for a database without one,
     * an in-memory index built from it at start-up (updates keep the in-memory index in step, and a stored
     * index must not drift from the data it describes). Not started.
     */
    public static CoopServer tdb2Server(Path dir, CoopServer.Builder builder) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("there is no TDB2 database in " + dir + "; create it with 'coopkg load --tdb2 " + dir + "'");
        }
        DatasetGraph tdb = TdbStore.open(dir);
        if (!TdbStore.hasData(tdb)) {
            TdbStore.release(tdb);
            throw new IllegalArgumentException("the TDB2 database in " + dir + " is empty; load it with 'coopkg load --tdb2 " + dir + "'");
        }
        if (!TdbStore.isComplete(tdb)) {
            TdbStore.release(tdb);
            throw new IllegalArgumentException(incompleteMessage(dir));
        }
        Path index = TdbStore.textIndexOf(dir);
        DatasetGraph text;
        try {
            text = Files.isDirectory(index) && !builder.takesUpdates() ? TextSearch.withIndexIn(tdb, index)
                    : TextSearch.withInMemoryIndex(tdb);
        } catch (IOException | RuntimeException e) {
            TdbStore.release(tdb);
            throw new IllegalArgumentException("cannot open the full-text index " + index + " (" + Main.rootMessage(e)
                    + "); delete that folder, and 'coopkg serve --tdb2' builds an index in memory at start-up", e);
        }
        String base = TdbStore.base(tdb);
        // The server reads the prefixes while it is built: inside one read transaction.
        return org.apache.jena.system.Txn.calculateRead(text, () -> builder.dataset(text).base(base).build());
    }

    /** Why a database with data but without the {@code id:} prefix (which {@code coopkg load} writes last) is refused. */
    public static String incompleteMessage(Path dir) {
        return "the TDB2 database in " + dir + " has data but no id: prefix: either a 'coopkg load --tdb2' into it was "
                + "stopped before it finished, or another tool made it; delete the folder and run 'coopkg load --tdb2 "
                + dir + "'";
    }

    /**
     * The coop-kg server over a release dump read into memory (a read replica), with its full-text index, under
     * the base IRI the release was made with ({@code fallbackBase} for a dump that does not tell). Not started.
     */
    public static CoopServer dumpServer(Path dump, String fallbackBase, CoopServer.Builder builder) {
        ReleaseDump.Served served = ReleaseDump.read(dump, fallbackBase);
        return builder.dataset(TextSearch.withInMemoryIndex(served.dataset())).base(served.base()).build();
    }

    /** Plain Fuseki main on an assembler configuration file (fuseki-config/), on the given port. Not started. */
    public static FusekiServer configServer(Path config, int port, boolean loopback) {
        if (!Files.isRegularFile(config)) throw new IllegalArgumentException("there is no configuration file " + config);
        return FusekiServer.create().parseConfigFile(config.toString()).port(port).loopback(loopback).build();
    }

    static int serve(ServeCommand command) {
        PrintWriter out = command.spec.commandLine().getOut();
        ServeOptions options = command.server;
        long start = System.nanoTime();
        if (command.config != null) {
            FusekiServer fuseki = configServer(command.config, options.port, options.loopback);
            start(options, fuseki::start);
            out.printf("coop-kg: serving the configuration %s (paths in it are relative to %s), started in %d ms%n",
                    command.config.toAbsolutePath(), Path.of("").toAbsolutePath(), (System.nanoTime() - start) / 1_000_000);
            fuseki.getDataAccessPointRegistry().forEach((name, access) ->
                    out.printf("Dataset: http://localhost:%d%s%n", fuseki.getPort(), name));
            out.flush();
            fuseki.join();
            return 0;
        }
        CoopServer coop = command.dump != null
                ? dumpServer(command.dump, command.data.base(), options.applyTo(CoopServer.builder()))
                : tdb2Server(command.tdb2, options.applyTo(CoopServer.builder()));
        start(options, coop::start);
        out.printf("coop-kg: serving the %s %s (no CSV read), started in %d ms%n",
                command.dump != null ? "release dump" : "TDB2 database",
                (command.dump != null ? command.dump : command.tdb2).toAbsolutePath(), (System.nanoTime() - start) / 1_000_000);
        out.printf("Query page: http://localhost:%d/%n", coop.port());
        out.printf("SPARQL endpoint: %s%n", coop.sparqlUrl());
        if (coop.updatable()) {
            out.printf("SPARQL Update: %s and Graph Store: %s/data (login required)%n", coop.updateUrl(), coop.datasetUrl());
        } else {
            out.printf("Graph Store (read-only): %s/data%n", coop.datasetUrl());
        }
        out.flush();
        coop.join();
        return 0;
    }

    private static void start(ServeOptions options, Runnable start) {
        try {
            start.run();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start the server on port " + options.port + " ("
                    + Main.rootMessage(e) + "); is another server using it? Choose another port with --port", e);
        }
    }
}

package org.coopkg.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.coopkg.web.CoopServer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The server options of {@code coopkg serve}, applied to a {@link CoopServer.Builder} as they are parsed: the builder
 * checks each value, and a bad one is a usage error naming the option, found before any data is loaded.
 */
public final class ServeOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private final CoopServer.Builder builder = CoopServer.builder();
    /** The port asked for, for the message when it cannot be bound, and for a plain Fuseki server. */
    int port = CoopServer.DEFAULT_PORT;
    boolean loopback;

    @Option(names = "--port", paramLabel = "PORT",
            description = "HTTP port (default: " + CoopServer.DEFAULT_PORT + "; 0 picks a free port).")
    void port(int value) {
        apply("--port", () -> builder.port(value));
        port = value;
    }

    @Option(names = "--localhost", description = "Accept connections from this machine only.")
    void loopback(boolean value) {
        builder.loopback(value);
        loopback = value;
    }

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Stop queries that run longer, answering 503 (default: 30).")
    void timeout(long seconds) {
        apply("--timeout", () -> builder.queryTimeout(Duration.ofSeconds(seconds)));
    }

    @Option(names = "--max-rows", paramLabel = "N",
            description = "Cap results at N rows (CONSTRUCT/DESCRIBE: triples), signalled in the X-Coopkg-Max-Rows "
                    + "and X-Coopkg-Truncated response headers (default: no cap).")
    void maxRows(long value) {
        apply("--max-rows", () -> builder.maxRows(value));
    }

    @Option(names = "--result-cache", paramLabel = "MIB",
            description = "Keep up to MIB mebibytes of query answers and serve a repeated query from them, with ETag and "
                    + "Cache-Control for clients; read-only servers only (ignored with --update; default: 0, none).")
    void resultCache(long mebibytes) {
        apply("--result-cache", () -> builder.resultCache(mebibytes < 0 ? mebibytes : mebibytes * 1024 * 1024));
    }

    @Option(names = "--max-body", paramLabel = "BYTES",
            description = "Refuse request bodies larger than this with 413 (default: 1048576, 1 MiB).")
    void maxBody(long value) {
        apply("--max-body", () -> builder.maxBodyBytes(value));
    }

    @Option(names = "--cors-origins", paramLabel = "ORIGINS",
            description = "Origins that browsers may query from (CORS): * (default) or a comma-separated list, "
                    + "e.g. https://yasgui.triply.cc,https://example.org")
    void corsOrigins(String origins) {
        builder.corsOrigins(origins);
    }

    @Option(names = "--max-client-requests", paramLabel = "N",
            description = "At most N SPARQL requests of one client (by address) at once; more are answered 429 with "
                    + "Retry-After (default: " + CoopServer.DEFAULT_MAX_CLIENT_REQUESTS + ").")
    void maxClientRequests(int value) {
        apply("--max-client-requests", () -> builder.maxClientRequests(value));
    }

    @Option(names = "--max-running", paramLabel = "N",
            description = "At most N SPARQL requests run at once; others wait (default: " + CoopServer.DEFAULT_MAX_RUNNING + ").")
    void maxRunning(int value) {
        apply("--max-running", () -> builder.maxRunning(value));
    }

    @Option(names = "--max-queued", paramLabel = "N",
            description = "At most N SPARQL requests wait for a slot; more are shed with 503 and Retry-After (default: "
                    + CoopServer.DEFAULT_MAX_QUEUED + ").")
    void maxQueued(int value) {
        apply("--max-queued", () -> builder.maxQueued(value));
    }

    @Option(names = "--max-nesting", paramLabel = "N",
            description = "Brackets in a query or update may nest N deep, its algebra 4N (default: "
                    + CoopServer.DEFAULT_MAX_NESTING + ").")
    void maxNesting(int value) {
        apply("--max-nesting", () -> builder.maxNesting(value));
    }

    @Option(names = "--max-query-length", paramLabel = "CHARS",
            description = "Refuse longer queries with 400 (default: " + CoopServer.DEFAULT_MAX_QUERY_LENGTH + ").")
    void maxQueryLength(int value) {
        apply("--max-query-length", () -> builder.maxQueryLength(value));
    }

    @Option(names = "--service-allow", paramLabel = "URL", split = ",",
            description = "Remote SPARQL endpoints that SERVICE may call, comma-separated, e.g. "
                    + "https://query.wikidata.org/sparql (default: none; SERVICE to any other endpoint is refused with 400).")
    void serviceAllow(List<String> endpoints) {
        apply("--service-allow", () -> builder.serviceAllow(endpoints));
    }

    @ArgGroup(exclusive = false)
    Updates updates;

    /** {@code --update} and {@code --passwd}: one does not go without the other. */
    static final class Updates {
        @Option(names = "--update", required = true, description = "Enable SPARQL Update at /coop/update and Graph "
                + "Store writes at /coop/data, for the users of --passwd only (HTTP Basic); every update is validated "
                + "with the SHACL shapes.")
        boolean update;

        @Option(names = "--passwd", paramLabel = "FILE", required = true, description = "With --update: the users "
                + "allowed to update, one 'user: password' line each (Jetty's format; passwords plain or OBF:, MD5:, CRYPT:).")
        Path passwordFile;

        @Option(names = "--journal", paramLabel = "FILE", description = "With --update on data in memory: append every "
                + "accepted update to FILE (RDF Patch, forced to the disk before the answer) and replay it at the next "
                + "start. Required unless --tdb2 DIR keeps the updates.")
        Path journal;
    }

    /** The builder with every server option given. */
    CoopServer.Builder builder() {
        if (takesUpdates()) {
            try {
                builder.updates(updates.passwordFile);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--passwd " + updates.passwordFile + ": " + e.getMessage());
            }
            builder.journal(updates.journal);
        }
        return builder;
    }

    /** The journal given with {@code --journal}, or null. */
    Path journal() {
        return takesUpdates() ? updates.journal : null;
    }

    boolean takesUpdates() {
        return updates != null;
    }

    Path passwordFile() {
        return takesUpdates() ? updates.passwordFile : null;
    }

    /** What to say instead of picocli's words when --update or --passwd comes alone. */
    static Optional<String> explain(ParameterException e) {
        if (!Usage.missing(e, "--passwd") && !Usage.missing(e, "--update")) return Optional.empty();
        if (Usage.given(e, "--update")) {
            return Optional.of("--update needs --passwd FILE: updates are only allowed to the users in a password file "
                    + "('user: password' lines)");
        }
        if (Usage.given(e, "--journal") && !Usage.given(e, "--passwd")) {
            return Optional.of("--journal only applies with --update --passwd FILE: it keeps the updates a server accepts");
        }
        return Optional.of("--passwd only applies with --update");
    }

    private void apply(String option, Runnable setting) {
        try {
            setting.run();
        } catch (CoopServer.InvalidSetting e) {
            throw new ParameterException(spec.commandLine(), e.forOption(option));
        }
    }
}

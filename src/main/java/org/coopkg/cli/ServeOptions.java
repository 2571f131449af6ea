package org.coopkg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.coopkg.web.CoopServer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The server options of {@code coopkg serve}, applied to a {@link CoopServer.Builder}. */
public final class ServeOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    int port = CoopServer.DEFAULT_PORT;

    @Option(names = "--port", paramLabel = "PORT",
            description = "HTTP port (default: " + CoopServer.DEFAULT_PORT + "; 0 picks a free port).")
    void port(int value) {
        if (value < 0 || value > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port " + value + " is not a port number; use 0 to 65535");
        }
        port = value;
    }

    @Option(names = "--localhost", description = "Accept connections from this machine only.")
    boolean loopback;

    long timeoutSeconds = CoopServer.DEFAULT_QUERY_TIMEOUT.toSeconds();

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Stop queries that run longer, answering 503 (default: 30).")
    void timeout(long value) {
        if (value <= 0) {
            throw new ParameterException(spec.commandLine(), "--timeout " + value + " must be a positive number of seconds");
        }
        timeoutSeconds = value;
    }

    long maxRows;

    @Option(names = "--max-rows", paramLabel = "N",
            description = "Cap results at N rows (CONSTRUCT/DESCRIBE: triples), signalled in the X-Coopkg-Max-Rows "
                    + "and X-Coopkg-Truncated response headers (default: no cap).")
    void maxRows(long value) {
        if (value <= 0) {
            throw new ParameterException(spec.commandLine(), "--max-rows " + value + " must be a positive number of rows");
        }
        maxRows = value;
    }

    long maxBodyBytes = CoopServer.DEFAULT_MAX_BODY_BYTES;

    @Option(names = "--max-body", paramLabel = "BYTES",
            description = "Refuse request bodies larger than this with 413 (default: 1048576, 1 MiB).")
    void maxBody(long value) {
        if (value <= 0) {
            throw new ParameterException(spec.commandLine(), "--max-body " + value + " must be a positive number of bytes");
        }
        maxBodyBytes = value;
    }

    @Option(names = "--cors-origins", paramLabel = "ORIGINS",
            description = "Origins that browsers may query from (CORS): * (default) or a comma-separated list, "
                    + "e.g. https://yasgui.triply.cc,https://example.org")
    String corsOrigins = "*";

    @Option(names = "--update", description = "Enable SPARQL Update at /coop/update and Graph Store writes at /coop/data, "
            + "for the users of --passwd only (HTTP Basic); every update is validated with the SHACL shapes.")
    boolean update;

    @Option(names = "--passwd", paramLabel = "FILE",
            description = "With --update: the users allowed to update, one 'user: password' line each (Jetty's format; "
                    + "passwords plain or OBF:, MD5:, CRYPT:).")
    Path passwordFile;

    public CoopServer.Builder applyTo(CoopServer.Builder builder) {
        checkUpdateOptions();
        if (update) builder.updates(passwordFile);
        return builder.port(port).loopback(loopback).queryTimeout(Duration.ofSeconds(timeoutSeconds)).maxRows(maxRows)
                .maxBodyBytes(maxBodyBytes).corsOrigins(corsOrigins);
    }

    /** Usage errors of --update and --passwd (exit 2), found before any data is loaded. */
    void checkUpdateOptions() {
        if (update && passwordFile == null) {
            throw new ParameterException(spec.commandLine(), "--update needs --passwd FILE: updates are only allowed "
                    + "to the users in a password file ('user: password' lines)");
        }
        if (!update && passwordFile != null) {
            throw new ParameterException(spec.commandLine(), "--passwd " + passwordFile + " only applies with --update");
        }
        if (update && !Files.isRegularFile(passwordFile)) {
            throw new ParameterException(spec.commandLine(), "--passwd " + passwordFile + ": the password file "
                    + passwordFile.toAbsolutePath() + " does not exist");
        }
        if (update && !Files.isReadable(passwordFile)) {
            throw new ParameterException(spec.commandLine(), "--passwd " + passwordFile + ": the password file cannot be read");
        }
    }
}

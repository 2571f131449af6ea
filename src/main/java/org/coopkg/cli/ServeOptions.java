package org.coopkg.cli;

import org.coopkg.server.CoopServer;
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

    public CoopServer.Builder applyTo(CoopServer.Builder builder) {
        return builder.port(port).loopback(loopback);
    }
}

package org.coopkg.web;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.fuseki.main.FusekiServer;

/**
 * Plain Fuseki main on an assembler configuration file ({@code fuseki-config/}): what a stock Fuseki server runs,
 * without coop-kg's pages, limits or checks, so that the configurations are tried as their users will run them.
 */
public final class ConfiguredFuseki {
    private ConfiguredFuseki() {}

    /** The server on {@code port}, not started; paths in the configuration are relative to the working directory. */
    public static FusekiServer of(Path config, int port, boolean loopback) {
        if (!Files.isRegularFile(config)) throw new IllegalArgumentException("there is no configuration file " + config);
        return FusekiServer.create().parseConfigFile(config.toString()).port(port).loopback(loopback).build();
    }
}

package org.coopkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.coopkg.core.Causes;
import org.coopkg.derive.LoadedGraph;
import org.coopkg.export.ReleaseWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "dist", mixinStandardHelpOptions = true,
        description = "Write a release: the graph in every export format (files over 1 MiB gzipped), the "
                + "ontology in Turtle, RDF/XML and JSON-LD, Neo4j CSV, and SHA256SUMS (check with "
                + "'sha256sum -c SHA256SUMS'). The same data gives the same bytes.")
public final class DistCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the release (created if needed).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        LoadedGraph graph = data.loader().load();
        List<ReleaseWriter.ReleaseFile> files;
        try {
            files = new ReleaseWriter(graph).write(out);
        } catch (IOException e) {
            throw new IOException("cannot write the release to " + out + ": " + Causes.rootMessage(e), e);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        for (ReleaseWriter.ReleaseFile f : files) {
            stdout.printf("%10d  %s%n", f.bytes(), f.path());
        }
        stdout.printf("wrote %d files and %s to %s in %d ms%n", files.size(), ReleaseWriter.CHECKSUMS, out,
                (System.nanoTime() - start) / 1_000_000);
        stdout.flush();
        return 0;
    }
}

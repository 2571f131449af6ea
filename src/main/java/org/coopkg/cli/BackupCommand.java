package org.coopkg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.coopkg.store.Backup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a TDB2 database that no server is using to a gzipped N-Quads file (every graph, the default "
                + "graph included). A running server with --update gives the same at GET /$/backup.")
public final class BackupCommand implements Callable<Integer> {
    @Option(names = "--tdb2", paramLabel = "DIR", required = true, description = "The database (coopkg load --tdb2 DIR).")
    Path dir;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The backup to write, e.g. coop-kg.nq.gz.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        long quads = Backup.writeStopped(dir, out);
        spec.commandLine().getOut().printf("coop-kg: backed up %,d quads of %s to %s in %d ms%n", quads, dir, out,
                (System.nanoTime() - start) / 1_000_000);
        return 0;
    }
}

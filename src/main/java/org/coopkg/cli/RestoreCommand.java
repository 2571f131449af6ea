package org.coopkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.coopkg.store.Backup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Make a new TDB2 database from a backup (coopkg backup, or GET /$/backup of a server); serve it with "
                + "'coopkg serve --tdb2 DIR', which builds the full-text index at start-up.")
public final class RestoreCommand implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "FILE", required = true, description = "The backup (gzipped or plain N-Quads).")
    Path backup;

    @Option(names = "--tdb2", paramLabel = "DIR", required = true, description = "A new folder for the database.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        long quads = Backup.restore(backup, dir, err);
        spec.commandLine().getOut().printf("coop-kg: restored %,d quads from %s into %s in %d ms%n", quads, backup, dir,
                (System.nanoTime() - start) / 1_000_000);
        return 0;
    }
}

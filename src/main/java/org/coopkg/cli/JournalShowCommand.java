package org.coopkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.coopkg.store.JournalReader;
import org.coopkg.store.JournalRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "List the updates in a journal: number, time, user, request id, quads added and deleted, graphs.")
public final class JournalShowCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The journal (serve --journal FILE).")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        JournalReader.Reading reading = JournalReader.read(file);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %d accepted updates%n", file, reading.records().size());
        for (JournalRecord r : reading.records()) {
            out.printf("#%d  %s  user %s  request %s  +%d -%d  %s%n", r.number(), r.time() == null ? "(no time)" : r.time(),
                    r.user() == null ? "(unknown)" : r.user(), r.requestId() == null ? "-" : r.requestId(), r.added(),
                    r.deleted(), String.join(" ", r.graphs().stream().map(g -> "<" + g + ">").toList()));
        }
        out.flush();
        reading.torn().ifPresent(torn -> {
            spec.commandLine().getErr().println("coopkg: " + torn.describe(file));
            spec.commandLine().getErr().flush();
        });
        return 0;
    }
}

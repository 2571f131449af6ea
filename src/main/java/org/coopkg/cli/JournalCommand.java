package org.coopkg.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "journal", mixinStandardHelpOptions = true,
        description = "Read the journal of the updates a server accepted (serve --update --journal FILE).",
        subcommands = {JournalShowCommand.class, JournalExportCommand.class})
public final class JournalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}

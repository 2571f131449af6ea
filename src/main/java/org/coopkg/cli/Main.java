package org.coopkg.cli;

import java.io.PrintWriter;

import org.coopkg.core.Causes;
import org.coopkg.core.DataException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code java -jar coopkg.jar COMMAND}: the coop-kg command line. */
@Command(name = "coopkg",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "coop-kg: a knowledge graph and SPARQL endpoint for international science and technology cooperation.",
        subcommands = {ServeCommand.class, ValidateCommand.class, LoadCommand.class, QueryCommand.class, LinksCommand.class,
                ExportCommand.class, DistCommand.class, SynthCommand.class, ReconcileCommand.class, JournalCommand.class,
                BackupCommand.class, RestoreCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:the curated data is invalid (each problem is printed with file, line, column and rule)",
                "2:wrong command-line usage, or a query with a syntax error",
                "3:the command failed for another reason (port in use, file not writable, ...)"})
public final class Main implements Runnable {
    public static final int DATA_INVALID = 1;
    public static final int USAGE = 2;
    public static final int FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler((e, args) -> handle(e, e.getCommandLine(), null));
        cli.setExitCodeExceptionMapper(e -> e instanceof DataException ? DATA_INVALID
                : e instanceof CommandLine.ParameterException ? USAGE : FAILED);
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** Users get the message, never a stack trace. */
    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof CommandLine.ParameterException usage) {
            Object command = usage.getCommandLine().getCommand();
            String message = command instanceof Usage groups ? groups.explain(usage).orElse(usage.getMessage()) : usage.getMessage();
            err.println("coopkg: " + message);
            err.println("Try '" + usage.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            err.flush();
            return USAGE;
        }
        if (e instanceof DataException data) {
            err.println(data.getMessage());
            err.flush();
            return DATA_INVALID;
        }
        err.println("coopkg: " + (e.getMessage() != null ? e.getMessage() : Causes.rootMessage(e)));
        err.flush();
        return FAILED;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"coopkg " + (version != null ? version : "(development build)")};
        }
    }
}

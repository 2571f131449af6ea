package org.coopkg.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.coopkg.cli.Main;
import picocli.CommandLine;

/** One run of the coopkg command line in the test's JVM: exit code and what it printed. */
public record CommandRun(int exit, String out, String err) {

    public static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new CommandRun(exit, out.toString(), err.toString());
    }

    /** Users get messages: no stack trace and no exception class name in anything printed. */
    public void assertNoStackTrace() {
        String all = out + err;
        assertFalse(all.contains("\tat ") || all.contains("Exception:"), () -> "stack trace or exception name:\n" + all);
    }
}

package org.coopkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The limits options of {@code serve}: documented in --help, and bad values are usage errors (exit 2). */
class ServeOptionsTest {
    @ParameterizedTest
    @CsvSource({
            "--timeout, 0, --timeout 0 must be a positive number of seconds",
            "--max-rows, -1, --max-rows -1 must be a positive number of rows",
            "--max-body, 0, --max-body 0 must be a positive number of bytes",
            "--service-allow, ftp://example.org/sparql, --service-allow ftp://example.org/sparql is not an absolute http(s) URL"})
    void badLimitsAreUsageErrors(String option, String value, String message) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        assertEquals(Main.USAGE, cli.execute("serve", option, value));
        assertTrue(err.toString().contains(message), err::toString);
    }

    @Test
    void helpListsTheLimits() {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        assertEquals(0, cli.execute("serve", "--help"));
        for (String option : new String[] {"--timeout", "--max-rows", "--max-body", "--cors-origins", "--service-allow"}) {
            assertTrue(out.toString().contains(option), option + " in:\n" + out);
        }
    }
}

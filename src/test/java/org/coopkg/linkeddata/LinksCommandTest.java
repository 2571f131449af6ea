package org.coopkg.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.coopkg.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code coopkg links} over the bundled data: counts per kind and data set, unlinked entities, ISO codes. */
class LinksCommandTest {
    @Test
    void reportsLinksPerKindUnlinkedEntitiesAndIsoCodes() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("links");
        assertEquals(0, exit, err::toString);
        String text = out.toString();
        assertTrue(text.contains("place: "), text);
        assertTrue(text.contains("organisation: "), text);
        assertTrue(text.matches("(?s).*\\n  wikidata\\s+\\d+ of \\d+ \\(owl:sameAs \\d+.*"), text);
        assertTrue(text.matches("(?s).*\\n  geonames\\s+\\d+ of \\d+.*"), text);
        assertTrue(text.matches("(?s).*\\n  ror\\s+\\d+ of \\d+.*"), text);
        assertTrue(text.contains("china CN"), text);
        assertTrue(text.contains("germany DE"), text);
        assertTrue(text.contains("  not linked: "), text);
        // The figures agree with the data: China is linked to Wikidata and GeoNames, so it is never "not linked".
        String places = text.substring(text.indexOf("place: "), text.indexOf("organisation: "));
        String unlinked = places.substring(places.indexOf("not linked: ")).lines().findFirst().orElseThrow();
        assertFalse(unlinked.matches("(?s).*\\bchina\\b.*"), unlinked);
        assertFalse(text.contains("Exception"), "no stack trace");
    }
}

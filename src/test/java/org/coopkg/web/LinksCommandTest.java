package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.coopkg.load.CsvReader;
import org.coopkg.testing.CommandRun;
import org.junit.jupiter.api.Test;

/** {@code coopkg links} over the bundled data: counts per kind and data set, unlinked entities, ISO codes. */
class LinksCommandTest {
    @Test
    void reportsLinksPerKindUnlinkedEntitiesAndIsoCodes() throws Exception {
        CommandRun run = CommandRun.of("links");
        assertEquals(0, run.exit(), run::err);
        String text = run.out();
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
        // One verified link per row of external-links.csv, more than the 64 of the first release.
        long rows = dataRows("external-links.csv");
        assertTrue(rows > 64, "rows of external-links.csv: " + rows);
        assertTrue(text.contains("\n" + rows + " verified links, each with the page it was verified on\n"), text);
    }

    /** Data rows of a bundled curated file, counted with the strict CSV reader. */
    private static long dataRows(String file) throws Exception {
        return CsvReader.read(file, Files.readAllBytes(Path.of("src/main/resources/data", file))).rows().size();
    }
}

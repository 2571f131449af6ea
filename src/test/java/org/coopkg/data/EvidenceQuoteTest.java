package org.coopkg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.coopkg.core.DataException;
import org.coopkg.load.CsvReader;
import org.coopkg.load.CsvRow;
import org.coopkg.load.CsvTable;
import org.coopkg.load.CuratedSchema;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every evidence quote in the bundled data occurs verbatim in its source text. The source texts are not
 * part of the project; they are read from {@code coopkg.sources.dir} (default {@code ../shared/sources}).
 * Where they are absent the test reports itself skipped with that reason, unless
 * {@code coopkg.sources.required=true} (as in CI), where absence is a failure.
 */
class EvidenceQuoteTest {
    private static final Path DATA = Path.of("src/main/resources/data");

    @Test
    void everyEvidenceQuoteOccursVerbatimInItsSource() throws Exception {
        Path sourcesDir = Path.of(System.getProperty("coopkg.sources.dir", "../shared/sources"));
        boolean required = Boolean.getBoolean("coopkg.sources.required");
        if (!Files.isDirectory(sourcesDir)) {
            if (required) fail("the source texts are required (coopkg.sources.required=true) but "
                    + sourcesDir.toAbsolutePath() + " does not exist; set -Dcoopkg.sources.dir=DIR");
            Assumptions.abort("source texts not found at " + sourcesDir.toAbsolutePath()
                    + "; set -Dcoopkg.sources.dir=DIR to check the evidence quotes");
        }

        Map<String, CsvRow> sources = new HashMap<>();
        for (CsvRow row : table(CuratedSchema.SOURCES).rows()) sources.put(row.value("id"), row);

        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String file : CuratedSchema.fileNames()) {
            if (file.equals(CuratedSchema.SOURCES) || file.equals(CuratedSchema.EXTERNAL_LINKS)) continue;
            if (!Files.exists(DATA.resolve(file))) continue;
            for (CsvRow row : table(file).rows()) {
                String evidence = row.value("evidence");
                if (evidence.isEmpty()) continue;
                CsvRow source = sources.get(row.value("source"));
                String where = file + ":" + row.line();
                if (source == null) {
                    problems.add(where + ": source '" + row.value("source") + "' is not in sources.csv");
                } else if (!source.value("text_file").isEmpty()) {
                    String text = Files.readString(sourcesDir.resolve(source.value("text_file")), StandardCharsets.UTF_8);
                    checked++;
                    if (!text.contains(evidence)) problems.add(where + ": not found verbatim in "
                            + source.value("text_file") + ": \"" + evidence + "\"");
                } else if (source.value("url").isEmpty()) {
                    problems.add(where + ": source '" + source.value("id") + "' has neither a text file nor a URL");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked > 200, "only " + checked + " quotes were checked against source texts");
    }

    @Test
    void everySourceTextThatIsNamedExists() throws Exception {
        Path sourcesDir = Path.of(System.getProperty("coopkg.sources.dir", "../shared/sources"));
        Assumptions.assumeTrue(Files.isDirectory(sourcesDir) || Boolean.getBoolean("coopkg.sources.required"),
                "source texts not found at " + sourcesDir.toAbsolutePath());
        List<String> missing = new ArrayList<>();
        for (CsvRow row : table(CuratedSchema.SOURCES).rows()) {
            String file = row.value("text_file");
            if (!file.isEmpty() && !Files.isRegularFile(sourcesDir.resolve(file))) missing.add(file);
        }
        assertFalse(table(CuratedSchema.SOURCES).rows().isEmpty());
        assertEquals(List.of(), missing, "source texts named in sources.csv but absent from " + sourcesDir);
    }

    private static CsvTable table(String file) throws IOException, DataException {
        return CsvReader.read(file, Files.readAllBytes(DATA.resolve(file)));
    }
}

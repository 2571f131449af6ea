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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** A JSON record's words for a fact: {@code "country_name": "China"}, or several such pairs. */
    private static final Pattern RECORD_FIELD = Pattern.compile("\"([a-z_]+)\": \"([^\"]*)\"");
    private static final Pattern RECORD_FIELDS = Pattern.compile(RECORD_FIELD.pattern() + "(, " + RECORD_FIELD.pattern() + ")*");

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

        Map<String, CsvRow> sources = sources();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (CsvRow row : quotedRows()) {
            String evidence = row.value("evidence");
            CsvRow source = sources.get(row.value("source"));
            String where = row.file() + ":" + row.line();
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
        assertEquals(List.of(), problems);
        assertTrue(checked > 200, "only " + checked + " quotes were checked against source texts");
    }

    /**
     * A reference record (a ROR record, say) has no text file here, so its quotes cannot be found verbatim in
     * CI; what can be checked offline is that each quote is in the record's own form ({@code "field": "value"}
     * of a JSON record, a tab-separated line of a GeoNames file) and names the value the row states, and that a
     * ROR record is cited only for the organisation it identifies.
     */
    @Test
    void everyReferenceRecordQuoteNamesTheValueItsRowStates() throws Exception {
        Map<String, CsvRow> sources = sources();
        Map<String, List<String>> namesOf = new HashMap<>();
        Set<String> rorLinks = new HashSet<>();
        for (CsvRow link : table(CuratedSchema.EXTERNAL_LINKS).rows()) {
            if (link.value("dataset").equals("ror")) rorLinks.add(link.value("entity") + " " + link.value("identifier"));
        }
        for (var spec : CuratedSchema.entityTables()) {
            if (!Files.exists(DATA.resolve(spec.file()))) continue;
            for (CsvRow row : table(spec.file()).rows()) {
                namesOf.put(spec.kind() + "/" + row.value("id"), cellValues(row, "label", "iso_code"));
            }
        }
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (CsvRow row : quotedRows()) {
            String file = row.file();
            CsvRow source = sources.get(row.value("source"));
            if (source == null || !source.value("type").equals("ReferenceRecord")) continue;
            checked++;
            String where = file + ":" + row.line() + ": ";
            String evidence = row.value("evidence");
            Set<String> quoted = new HashSet<>();
            if (RECORD_FIELDS.matcher(evidence).matches()) {
                Matcher pair = RECORD_FIELD.matcher(evidence);
                while (pair.find()) quoted.add(pair.group(2));
            } else if (evidence.contains("\t")) {
                quoted.addAll(List.of(evidence.split("\t")));
            } else {
                problems.add(where + "quote the record's own words, as \"field\": \"value\" (JSON records) "
                        + "or a tab-separated line (GeoNames files): " + evidence);
                continue;
            }
            List<String> stated = file.equals("relations.csv")
                    ? namesOf.getOrDefault(row.value("object"), List.of())
                    : cellValues(row, row.cells().keySet().toArray(String[]::new));
            // A GeoNames code names its country by its prefix: CN.04 is first-order division 04 of CN.
            if (stated.stream().noneMatch(v -> quoted.stream().anyMatch(q -> q.equals(v) || q.startsWith(v + ".")))) {
                problems.add(where + "the quote " + row.value("evidence") + " names none of " + stated);
            }
            String id = source.value("id");
            if (file.equals("relations.csv") && id.startsWith("ror-")
                    && !rorLinks.contains(row.value("subject") + " " + id.substring("ror-".length()))) {
                problems.add(where + "ROR record " + id + " is cited for " + row.value("subject")
                        + ", which external-links.csv does not link to it");
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked >= 8, "only " + checked + " reference-record quotes were checked");
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

    private static Map<String, CsvRow> sources() throws IOException, DataException {
        Map<String, CsvRow> sources = new HashMap<>();
        for (CsvRow row : table(CuratedSchema.SOURCES).rows()) sources.put(row.value("id"), row);
        return sources;
    }

    /** Every row of the curated files (not sources.csv or external-links.csv) that has an evidence quote. */
    private static List<CsvRow> quotedRows() throws IOException, DataException {
        List<CsvRow> rows = new ArrayList<>();
        for (String file : CuratedSchema.fileNames()) {
            if (file.equals(CuratedSchema.SOURCES) || file.equals(CuratedSchema.EXTERNAL_LINKS)) continue;
            if (!Files.exists(DATA.resolve(file))) continue;
            table(file).rows().stream().filter(row -> !row.value("evidence").isEmpty()).forEach(rows::add);
        }
        return rows;
    }

    /** The non-empty values of those of the columns the row has. */
    private static List<String> cellValues(CsvRow row, String... columns) {
        List<String> values = new ArrayList<>();
        for (String column : columns) {
            if (row.cells().containsKey(column) && !row.value(column).isEmpty()) values.add(row.value(column));
        }
        return values;
    }

    private static CsvTable table(String file) throws IOException, DataException {
        return CsvReader.read(file, Files.readAllBytes(DATA.resolve(file)));
    }
}

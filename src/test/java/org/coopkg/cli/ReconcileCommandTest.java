package org.coopkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.coopkg.load.Cell;
import org.coopkg.load.CsvReader;
import org.coopkg.load.CsvRow;
import org.coopkg.load.CsvTable;
import org.coopkg.load.CuratedSchema;
import org.coopkg.reconcile.CsvReconciliation;
import org.coopkg.testing.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coopkg reconcile} round-trips a spreadsheet (every row and cell kept, four columns added), and the loader's
 * duplicate check ({@code validate}, {@code load}) catches a planted duplicate row with both its locations: a
 * warning, or an error with {@code --strict}. The bundled data has no likely duplicate.
 */
class ReconcileCommandTest {
    @TempDir
    Path dir;

    @Test
    void aColumnIsReconciledAndEveryRowAndCellIsKept() throws Exception {
        Path in = dir.resolve("partners.csv");
        String csv = "\uFEFFname,country,notes\r\n"
                + "Tsinghua Univ.,China,\"met in Beijing, 2023\"\r\n"
                + "CAS,China,\"said \"\"yes\"\"\"\r\n"
                + ",,no name\r\n"
                + "Xqzv Plorb,Atlantis,\r\n";
        Files.writeString(in, csv, StandardCharsets.UTF_8);
        Path out = dir.resolve("reconciled.csv");
        CommandRun run = CommandRun.of("reconcile", "--column", "name", in.toString(), "--out", out.toString());
        assertEquals(0, run.exit(), run::err);
        assertTrue(run.err().contains("reconciled column 'name' of 4 rows: 1 matched, 1 with a candidate to check, 1 with none, 1 empty"),
                run.err());

        CsvTable table = CsvReader.read("reconciled.csv", Files.readAllBytes(out));
        List<String> header = table.header().stream().map(Cell::value).toList();
        List<String> expectedHeader = new ArrayList<>(List.of("name", "country", "notes"));
        expectedHeader.addAll(CsvReconciliation.ADDED);
        assertEquals(expectedHeader, header);
        List<CsvRow> rows = table.rows();
        assertEquals(4, rows.size());
        assertEquals(List.of("Tsinghua Univ.", "China", "met in Beijing, 2023", "organisation/tsinghua-university",
                "Tsinghua University", "100.0", "true"), values(rows.get(0), header));
        assertEquals(List.of("CAS", "China", "said \"yes\"", "organisation/cas", "Chinese Academy of Sciences", "85.0", "false"),
                values(rows.get(1), header));
        assertEquals(List.of("", "", "no name", "", "", "", ""), values(rows.get(2), header));
        assertEquals(List.of("Xqzv Plorb", "Atlantis", "", "", "", "", ""), values(rows.get(3), header));
    }

    private static List<String> values(CsvRow row, List<String> header) {
        return header.stream().map(row::value).toList();
    }

    @Test
    void aTypeKeepsCandidatesOfThatKind() throws Exception {
        Path in = dir.resolve("names.csv");
        Files.writeString(in, "who\nSKA\n", StandardCharsets.UTF_8);
        CommandRun run = CommandRun.of("reconcile", "--column", "who", "--type", "organisation", in.toString());
        assertEquals(0, run.exit(), run::err);
        assertTrue(run.out().contains("SKA,organisation/ska-observatory,SKA Observatory,"), run.out());
    }

    @Test
    void aMissingColumnOrUnknownTypeIsAUsageErrorThatSaysWhatThereIs() throws Exception {
        Path in = dir.resolve("names.csv");
        Files.writeString(in, "who,where\nSKA,\n", StandardCharsets.UTF_8);
        CommandRun missing = CommandRun.of("reconcile", "--column", "name", in.toString());
        assertEquals(Main.USAGE, missing.exit());
        assertTrue(missing.err().contains("names.csv has no column 'name'; its columns are who, where"), missing.err());
        CommandRun type = CommandRun.of("reconcile", "--column", "who", "--type", "spaceship", in.toString());
        assertEquals(Main.USAGE, type.exit());
        assertTrue(type.err().contains("unknown type 'spaceship'"), type.err());
        type.assertNoStackTrace();
        missing.assertNoStackTrace();
    }

    @Test
    void theBundledDataHasNoLikelyDuplicate() {
        CommandRun run = CommandRun.of("validate", "--strict");
        assertEquals(0, run.exit(), run::err);
        assertTrue(!run.err().contains("warning"), run.err());
    }

    @Test
    void aPlantedDuplicateRowIsReportedWithBothLocations() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        for (String name : CuratedSchema.fileNames()) {
            try (InputStream file = getClass().getResourceAsStream("/data/" + name)) {
                if (file != null) Files.write(data.resolve(name), file.readAllBytes());
            }
        }
        Path organisations = data.resolve("organisations.csv");
        List<String> lines = Files.readAllLines(organisations, StandardCharsets.UTF_8);
        int existing = 1 + lines.indexOf(lines.stream().filter(l -> l.startsWith("tsinghua-university,")).findFirst().orElseThrow());
        String text = Files.readString(organisations, StandardCharsets.UTF_8);
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        if (!text.endsWith(newline)) text += newline;
        text += "tsinghua-univ,University,Tsinghua Univ.,,,,,,article-000-lead,\"a joint team led by Tsinghua University and "
                + "scientists from Italy, Australia and Germany\",stated," + newline;
        Files.writeString(organisations, text, StandardCharsets.UTF_8);
        int planted = (int) text.lines().count();

        String expected = "organisations.csv:" + planted + ": [data.duplicate] 'Tsinghua Univ.' (organisation/tsinghua-univ) "
                + "reconciles as a match (score 100.0) with 'Tsinghua University' (organisation/tsinghua-university) at "
                + "organisations.csv:" + existing;
        CommandRun warned = CommandRun.of("validate", "--data", data.toString());
        assertEquals(0, warned.exit(), warned::err);
        assertTrue(warned.err().contains("warning: " + expected), warned.err());
        assertEquals(1, warned.err().lines().filter(l -> l.startsWith("warning:")).count(), warned.err());

        CommandRun strict = CommandRun.of("validate", "--strict", "--data", data.toString());
        assertEquals(Main.DATA_INVALID, strict.exit(), strict::err);
        assertTrue(strict.err().contains(expected), strict.err());
        strict.assertNoStackTrace();

        CommandRun load = CommandRun.of("load", "--strict", "--data", data.toString(), "--out", dir.resolve("x.nq").toString());
        assertEquals(Main.DATA_INVALID, load.exit(), load::err);
        assertTrue(!Files.exists(dir.resolve("x.nq")), "nothing is written when --strict finds a duplicate");
    }
}

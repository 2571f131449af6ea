package org.coopkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.coopkg.cli.Main;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.coopkg.testing.CommandRun;
import org.coopkg.web.CoopServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged and hostile journals (in the style of {@code load.HostileInputTest}): {@code coopkg journal show} reports
 * each with its position and what to do, never a stack trace; a server refuses to start on a damaged journal (a
 * record before the last cannot be skipped: later ones may depend on it), but starts on a torn last record, which it
 * skips. Each case asserts the message.
 */
class HostileJournalTest {
    private static final String GOOD = "H id <urn:uuid:11111111-1111-1111-1111-111111111111> .\n"
            + "H user \"curator\" .\nH time \"2026-12-07T08:00:00Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime> .\n"
            + "TX .\nA <urn:x:s> <urn:x:p> \"o\" <urn:x:g> .\nTC .\n";

    @TempDir
    Path dir;

    private static Arguments damaged(String name, byte[] content, String message) {
        return Arguments.of(name, content, message);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> damagedJournals() {
        String where = "record 2 of the journal JOURNAL (byte " + GOOD.length() + ", line 7) is damaged: ";
        return Stream.of(
                damaged("an unknown line", utf8(GOOD + "TX .\nX <urn:x:s> <urn:x:p> <urn:x:o> .\nTC .\n" + GOOD), where),
                damaged("a quad with three terms", utf8(GOOD + "TX .\nA <urn:x:s> <urn:x:p> .\nTC .\n"), where),
                damaged("an unterminated literal", utf8(GOOD + "TX .\nA <urn:x:s> <urn:x:p> \"open <urn:x:g> .\nTC .\n"), where),
                damaged("a commit without a begin", utf8(GOOD + "A <urn:x:s> <urn:x:p> \"o\" <urn:x:g> .\nTC .\n"),
                        where + "it is not one transaction (TX . ... TC .)"),
                damaged("a time that is not a time", utf8(GOOD + GOOD.replace("2026-12-07T08:00:00Z", "yesterday")),
                        where + "its time 'yesterday' is not a date and time"),
                damaged("Latin-1 bytes", concat(utf8(GOOD + "TX .\nA <urn:x:s> <urn:x:p> \""),
                        "Z\u00fcrich\" <urn:x:g> .\nTC .\n".getBytes(StandardCharsets.ISO_8859_1)), where + "it is not UTF-8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedJournals")
    void aDamagedJournalIsReportedWithItsPositionAndNotReplayed(String name, byte[] content, String message) throws Exception {
        Path journal = Files.write(dir.resolve("journal.rdfp"), content);
        String expected = message.replace("JOURNAL", journal.toString());
        CommandRun show = CommandRun.of("journal", "show", journal.toString());
        assertEquals(Main.FAILED, show.exit(), show.out() + show.err());
        assertTrue(show.err().startsWith("coopkg: " + expected), () -> name + ":\n" + show.err());
        assertTrue(show.err().contains("restore the file from a backup, or cut it before that byte"), show.err());
        show.assertNoStackTrace();
        JournalException refused = assertThrows(JournalException.class, () -> CoopServer.builder()
                .dataset(DatasetGraphFactory.createTxnMem()).port(0).updates(passwords()).journal(journal).build());
        assertTrue(refused.getMessage().startsWith(expected), refused.getMessage());
        assertEquals(List.of(), Files.list(dir).filter(p -> p.getFileName().toString().contains(".torn-")).toList(),
                "a damaged journal is left as it is");
    }

    @Test
    void aTornLastRecordIsReportedWithItsPositionAndSkipped() throws Exception {
        String torn = "H id <urn:uuid:2> .\nTX .\nA <urn:x:s2> <urn:x:p> \"o";
        Path journal = Files.writeString(dir.resolve("journal.rdfp"), GOOD + torn);
        CommandRun show = CommandRun.of("journal", "show", journal.toString());
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().startsWith(journal + ": 1 accepted updates\n#1  2026-12-07T08:00:00Z  user curator  request -  +1 -0  <urn:x:g>"),
                show.out());
        assertEquals("coopkg: the journal " + journal + " ends with an incomplete record at byte " + GOOD.length() + " (line 7, " + torn.length()
                + " bytes without its commit line 'TC .'): an update cut short when the server stopped, never acknowledged; it is "
                + "skipped", show.err().strip());
    }

    @Test
    void aJournalThatIsAFolderOrCannotBeCreatedIsNamed() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder.rdfp"));
        CommandRun show = CommandRun.of("journal", "show", folder.toString());
        assertEquals(Main.FAILED, show.exit());
        assertTrue(show.err().startsWith("coopkg: the journal " + folder + " is a folder; name a file"), show.err());
        Path underAFile = Files.writeString(dir.resolve("plain-file"), "x").resolve("journal.rdfp");
        JournalException e = assertThrows(JournalException.class, () -> UpdateJournal.open(underAFile));
        assertTrue(e.getMessage().startsWith("cannot open the journal " + underAFile + " for writing: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; name a file in a folder the server's user may write"), e.getMessage());
    }

    @Test
    void aJournalThatNoLongerFitsTheCuratedDataStopsTheServerWithAMessage() throws Exception {
        Path journal = dir.resolve("journal.rdfp");
        try (UpdateJournal writer = UpdateJournal.open(journal)) {
            writer.append("curator", "r1", Instant.parse("2026-12-07T08:00:00Z"), List.of(new QuadChange(true, Quad.create(
                    NodeFactory.createURI("urn:x:g"), NodeFactory.createURI(CoopIris.DEFAULT_BASE + "id/person/nameless"),
                    NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                    NodeFactory.createURI("https://w3id.org/coop-kg/ontology#Person")))));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CoopServer.builder()
                .dataset(new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load().dataset()).port(0)
                .updates(passwords()).journal(journal).build());
        assertTrue(e.getMessage().startsWith("the journal " + journal + " no longer fits the curated data: replayed on it, its 1 "
                + "updates break 2 shape constraints, e.g. <" + CoopIris.DEFAULT_BASE + "id/person/nameless> "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Carry its changes back to the spreadsheets ('coopkg journal export " + journal
                + "'), then move the journal aside and start again"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"));
    }

    @Test
    void exportWritesTheNetChangesAgainstTheCuratedDataAsOnePatch() throws Exception {
        Path journal = dir.resolve("journal.rdfp");
        Quad added = Quad.create(NodeFactory.createURI("urn:x:g"), NodeFactory.createURI("urn:x:s"), NodeFactory.createURI("urn:x:p"),
                NodeFactory.createLiteralString("kept"));
        Quad gone = Quad.create(NodeFactory.createURI("urn:x:g"), NodeFactory.createURI("urn:x:s"), NodeFactory.createURI("urn:x:p"),
                NodeFactory.createLiteralString("added then deleted"));
        try (UpdateJournal writer = UpdateJournal.open(journal)) {
            writer.append("curator", "r1", Instant.parse("2026-12-07T08:00:00Z"), List.of(new QuadChange(true, added), new QuadChange(true, gone)));
            writer.append("reviewer", "r2", Instant.parse("2026-12-07T09:00:00Z"), List.of(new QuadChange(false, gone)));
        }
        Path out = dir.resolve("changes.rdfp");
        CommandRun export = CommandRun.of("journal", "export", journal.toString(), "--out", out.toString());
        assertEquals(0, export.exit(), export.err());
        assertTrue(export.err().contains("2 updates of " + journal + " change the curated data of "), export.err());
        assertTrue(export.err().contains("by 1 added and 0 deleted quads; written to " + out), export.err());
        String patch = Files.readString(out);
        assertTrue(patch.contains("H users \"curator, reviewer\""), patch);
        assertTrue(patch.contains("A <urn:x:s> <urn:x:p> \"kept\" <urn:x:g> ."), patch);
        assertFalse(patch.contains("added then deleted"), patch);
    }

    private Path passwords() throws Exception {
        return Files.writeString(dir.resolve("passwd"), "curator: s3cret\n");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

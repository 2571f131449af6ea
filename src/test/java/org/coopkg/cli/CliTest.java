package org.coopkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.coopkg.testing.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliTest {
    @TempDir
    Path dir;

    @Test
    void validatePassesOnTheBundledData() {
        CommandRun run = CommandRun.of("validate");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("valid"), run.out());
    }

    @Test
    void validateReportsLocatedErrorsAndExitsWithOne() throws Exception {
        Files.writeString(dir.resolve("sources.csv"), """
                id,type,title
                s1,Article,A source
                """);
        Files.writeString(dir.resolve("places.csv"), """
                id,type,label,within,source,evidence,support
                china,Country,China,,s1,China,stated
                kunshan,City,Kunshan,suzhou,s1,Kunshan,stated
                """);
        CommandRun run = CommandRun.of("validate", "--data", dir.toString());
        assertEquals(Main.DATA_INVALID, run.exit());
        assertTrue(run.err().contains("places.csv:3:"), run.err());
        assertTrue(run.err().contains("[ref.unknown]") && run.err().contains("'suzhou'"), run.err());
        run.assertNoStackTrace();
    }

    @Test
    void unknownDataFolderIsAClearError() {
        CommandRun run = CommandRun.of("validate", "--data", dir.resolve("nope").toString());
        assertEquals(Main.DATA_INVALID, run.exit());
        assertTrue(run.err().contains("there is no folder"), run.err());
        run.assertNoStackTrace();
    }

    @Test
    void badBaseIriIsAUsageError() {
        CommandRun run = CommandRun.of("validate", "--base", "example.org");
        assertEquals(Main.USAGE, run.exit());
        assertTrue(run.err().contains("--base 'example.org' must be an absolute http(s) IRI ending in '/'"), run.err());
        run.assertNoStackTrace();
    }

    @Test
    void badPortIsAUsageError() {
        CommandRun run = CommandRun.of("serve", "--port", "70000");
        assertEquals(Main.USAGE, run.exit());
        assertTrue(run.err().contains("--port 70000 is not a port number"), run.err());
    }

    @Test
    void portInUseIsReportedWithoutAStackTrace() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            CommandRun run = assertTimeoutPreemptively(Duration.ofSeconds(120),
                    () -> CommandRun.of("serve", "--port", String.valueOf(busy.getLocalPort())));
            assertEquals(Main.FAILED, run.exit());
            assertTrue(run.err().contains("cannot start the server on port " + busy.getLocalPort()), run.err());
            assertTrue(run.err().contains("--port"), run.err());
            run.assertNoStackTrace();
        }
    }

    /** Options that go together or apart are checked by picocli's groups, and explained in the command's words. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "load --out a.nq --tdb2 db | give either --out FILE (an RDF file) or --tdb2 DIR (a TDB2 database)",
            "load | give either --out FILE (an RDF file) or --tdb2 DIR (a TDB2 database)",
            "load --text-index idx | --text-index needs --tdb2 DIR",
            "serve --tdb2 db --dump x.nq | give one of --data DIR, --tdb2 DIR, --dump FILE and --config FILE",
            "serve --update | --update needs --passwd FILE",
            "serve --passwd users.txt | --passwd only applies with --update"})
    void optionGroupsAreExplained(String args, String message) {
        CommandRun run = CommandRun.of(args.split(" "));
        assertEquals(Main.USAGE, run.exit(), run.err());
        assertTrue(run.err().contains(message), run.err());
        run.assertNoStackTrace();
    }

    @Test
    void missingCommandIsAUsageError() {
        CommandRun run = CommandRun.of();
        assertEquals(Main.USAGE, run.exit());
        assertTrue(run.err().contains("Missing command"), run.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"serve", "validate", "load"}) {
            CommandRun run = CommandRun.of(command, "--help");
            assertEquals(0, run.exit(), command);
            assertTrue(run.out().contains("--data"), command + ":\n" + run.out());
        }
    }

    @Test
    void loadWritesEveryNamedGraphAsNQuads() throws Exception {
        Path out = dir.resolve("coop.nq");
        CommandRun run = CommandRun.of("load", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        DatasetGraph written = RDFDataMgr.loadDatasetGraph(out.toString());
        DatasetGraph loaded = new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load().dataset();
        assertEquals(0, written.getDefaultGraph().size(), "the default graph is the union and is not written");
        int graphs = 0;
        for (Iterator<Node> it = loaded.listGraphNodes(); it.hasNext(); graphs++) {
            Node g = it.next();
            assertTrue(loaded.getGraph(g).isIsomorphicWith(written.getGraph(g)), () -> "graph " + g + " differs");
        }
        assertEquals(graphs, countGraphs(written));
    }

    @Test
    void loadWritesTrig() throws Exception {
        Path out = dir.resolve("coop.trig");
        CommandRun run = CommandRun.of("load", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        DatasetGraph written = RDFDataMgr.loadDatasetGraph(out.toString());
        assertTrue(written.stream().anyMatch(q -> q.getGraph().getURI().contains("/id/assertion/")));
        assertTrue(Files.readString(out, StandardCharsets.UTF_8).contains("PREFIX coop:"));
    }

    @Test
    void loadRejectsAnUnknownFileExtension() {
        CommandRun run = CommandRun.of("load", "--out", dir.resolve("coop.txt").toString());
        assertEquals(Main.USAGE, run.exit());
        assertTrue(run.err().contains("cannot tell the format of 'coop.txt'"), run.err());
    }

    private static int countGraphs(DatasetGraph dsg) {
        int n = 0;
        for (Iterator<Node> it = dsg.listGraphNodes(); it.hasNext(); it.next()) n++;
        return n;
    }

}

package org.coopkg.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.coopkg.cli.Main;
import org.coopkg.core.Format;
import org.coopkg.core.UnsupportedFormatException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code coopkg export} and {@code coopkg dist} on the command line, on a two-row data folder (fast to load). */
class ExportCommandTest {
    @TempDir
    Path dir;
    private Path data;

    private record Run(int exit, byte[] stdout, String out, String err) {}

    @BeforeEach
    void tinyData() throws Exception {
        data = Files.createDirectory(dir.resolve("data"));
        Files.writeString(data.resolve("sources.csv"), "id,type,title\ns1,Article,\"A \"\"quoted\"\" source\"\n");
        Files.writeString(data.resolve("places.csv"), "id,type,label,within,source,evidence,support\n"
                + "china,Country,China,,s1,China,stated\n"
                + "kunshan,City,Kunshan,china,s1,\"Kunshan, in \"\"China\"\"\",stated\n");
    }

    /** Runs the command line; what the command writes to System.out (the export) is captured as bytes. */
    private static synchronized Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(stdout, true));
        try {
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int exit = cli.execute(args);
            return new Run(exit, stdout.toByteArray(), out.toString(), err.toString());
        } finally {
            System.setOut(original);
        }
    }

    private static void assertNoStackTrace(Run run) {
        String all = run.out() + run.err();
        assertFalse(all.contains("\tat ") || all.contains("Exception:"), () -> "stack trace or exception name:\n" + all);
    }

    @Test
    void unknownFormatIsAUsageErrorListingTheFormats() {
        Run run = run("export", "--format", "xlsx");
        assertEquals(Main.USAGE, run.exit());
        assertTrue(run.err().contains("unknown export format 'xlsx'"), run.err());
        for (Format format : ExportFormats.ALL) {
            assertTrue(run.err().contains(format.formatName()), () -> "the message does not list " + format + ":\n" + run.err());
        }
        assertNoStackTrace(run);
    }

    @Test
    void parseNamesTheSupportedFormats() {
        UnsupportedFormatException e = org.junit.jupiter.api.Assertions.assertThrows(UnsupportedFormatException.class,
                () -> ExportFormats.parse("owl"));
        assertEquals("unknown export format 'owl'; the supported formats are: turtle, ntriples, nquads, trig, jsonld, "
                + "rdfxml, graphml, neo4j", e.getMessage());
        assertEquals(Format.TURTLE, ExportFormats.parse("TTL"));
        assertEquals(Format.JSONLD, ExportFormats.parse("jsonld"));
    }

    @Test
    void bothCommandsHaveHelp() {
        for (String command : new String[] {"export", "dist"}) {
            Run run = run(command, "--help");
            assertEquals(0, run.exit(), command);
            assertTrue(run.out().contains("--out") && run.out().contains("--data"), command + ":\n" + run.out());
        }
    }

    @Test
    void neo4jNeedsAFolder() {
        Run run = run("export", "--format", "neo4j", "--data", data.toString());
        assertEquals(Main.USAGE, run.exit());
        assertTrue(run.err().contains("--out DIR"), run.err());
    }

    @Test
    void unknownGraphIsAUsageError() {
        Run run = run("export", "--format", "turtle", "--graph", "nope", "--data", data.toString());
        assertEquals(Main.USAGE, run.exit(), run.err());
        assertTrue(run.err().contains("'nope' is not a graph"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void turtleToStandardOutputIsTheUnionAndSaysSo() {
        Run run = run("export", "--format", "turtle", "--data", data.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("turtle: wrote the union of all graphs"), run.err());
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(run.stdout())).lang(Lang.TURTLE).parse(graph);
        assertTrue(graph.size() > 100, "the union includes the ontology: " + graph.size());
    }

    @Test
    void oneNamedGraphAsTriplesToAFile() throws Exception {
        Path out = dir.resolve("china.nt");
        Run run = run("export", "--format", "ntriples", "--graph", "place-china", "--out", out.toString(),
                "--data", data.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("the triples of the named graph <http://localhost:3030/id/assertion/place-china>"), run.err());
        assertTrue(Files.readString(out).contains("\"China\"@en"), Files.readString(out));
    }

    @Test
    void gzippedNQuadsKeepTheNamedGraphs() throws Exception {
        Run run = run("export", "--format", "nquads", "--gzip", "--data", data.toString());
        assertEquals(0, run.exit(), run.err());
        DatasetGraph parsed = DatasetGraphFactory.createGeneral();
        RDFParser.source(new GZIPInputStream(new ByteArrayInputStream(run.stdout()))).lang(Lang.NQUADS).parse(parsed);
        assertTrue(parsed.containsGraph(org.apache.jena.graph.NodeFactory.createURI("http://localhost:3030/id/assertion/place-kunshan")));
        assertTrue(parsed.getDefaultGraph().isEmpty());
        assertTrue(run.err().contains("every named graph"), run.err());
    }

    @Test
    void graphOptionIsRefusedForPropertyGraphs() {
        Run run = run("export", "--format", "graphml", "--graph", "default");
        assertEquals(Main.USAGE, run.exit());
    }

    @Test
    void distWritesAReleaseWithChecksums() throws Exception {
        Path out = dir.resolve("release");
        Run run = run("dist", "--out", out.toString(), "--data", data.toString());
        assertEquals(0, run.exit(), run.err());
        String sums = Files.readString(out.resolve("SHA256SUMS"));
        assertTrue(sums.contains("  coop-kg.ttl\n") && sums.contains("  coop-ontology.jsonld\n")
                && sums.contains("  coop-kg-neo4j/nodes-place.csv\n"), sums);
        assertTrue(run.out().contains("coop-kg.graphml"), run.out());
    }
}

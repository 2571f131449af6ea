package org.coopkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.coopkg.testing.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryCommandTest {
    private static final String PROGRAMMES = """
            PREFIX coop: <https://w3id.org/coop-kg/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?acronym WHERE {
              ?p a coop:BigScienceProgramme ; coop:initiatorCountry ?c ; skos:altLabel ?acronym .
              FILTER(STRLEN(?acronym) <= 5)
            }""";

    @TempDir
    Path dir;

    private static Set<String> csvColumn(String csv) {
        ResultSet results = ResultSetMgr.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_CSV);
        Set<String> values = new TreeSet<>();
        results.forEachRemaining(r -> values.add(r.get(results.getResultVars().get(0)).toString()));
        return values;
    }

    @Test
    void runsAQueryFile() throws Exception {
        Path file = dir.resolve("programmes.rq");
        Files.writeString(file, PROGRAMMES);
        CommandRun run = CommandRun.of("query", file.toString(), "--format", "csv");
        assertEquals(0, run.exit(), run.err());
        assertEquals(Set.of("DDE", "ONCE", "π-HuB", "IMCP"), csvColumn(run.out()));
    }

    @Test
    void runsInlineQueryTextAsATableByDefault() {
        CommandRun run = CommandRun.of("query", PROGRAMMES);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("| \"π-HuB\"@en"), run.out());
        assertTrue(run.out().startsWith("-----"), "a text table:\n" + run.out());
    }

    @Test
    void aFullTextQueryGetsTheIndexServeWouldHave() {
        CommandRun run = CommandRun.of("query", "queries/17-full-text-search.rq", "--format", "csv");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().lines().skip(1).findFirst().orElse("").contains("Max Planck Society,name"), run.out());
        assertFalse(run.err().contains("No text index"), run.err());
    }

    @Test
    void printsAskAndJsonResults() {
        CommandRun run = CommandRun.of("query", "ASK { ?x a <https://w3id.org/coop-kg/ontology#JointLaboratory> }", "--format", "json");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("\"boolean\" : true"), run.out());
    }

    @Test
    void constructGivesTurtleByDefault() {
        CommandRun run = CommandRun.of("query", "CONSTRUCT { ?c a <https://w3id.org/coop-kg/ontology#Country> } "
                + "WHERE { ?c a <https://w3id.org/coop-kg/ontology#Country> }");
        assertEquals(0, run.exit(), run.err());
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(run.out(), Lang.TURTLE).parse(graph);
        assertTrue(graph.size() >= 10, "countries: " + graph.size());
    }

    @Test
    void aSyntaxErrorNamesLineAndColumn() throws Exception {
        Path file = dir.resolve("broken.rq");
        Files.writeString(file, "PREFIX coop: <https://w3id.org/coop-kg/ontology#>\nSELECT ?x {\n  ?x a coop:Country\n  FILTER(\n}\n");
        CommandRun run = CommandRun.of("query", file.toString());
        assertEquals(Main.USAGE, run.exit());
        assertTrue(run.err().contains("syntax error in " + file), run.err());
        assertTrue(run.err().contains("line 5, column 1"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void aFormatThatDoesNotFitTheQueryIsExplained() {
        CommandRun run = CommandRun.of("query", "CONSTRUCT WHERE { ?s a ?c } LIMIT 1", "--format", "csv");
        assertEquals(Main.USAGE, run.exit());
        assertTrue(run.err().contains("--format csv does not fit this query"), run.err());
        assertTrue(run.err().contains("turtle, ntriples, jsonld, rdfxml"), run.err());
    }

    @Test
    void anUpdateIsRefusedWithAReason() {
        CommandRun run = CommandRun.of("query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }");
        assertEquals(Main.USAGE, run.exit());
        assertTrue(run.err().contains("updates are not accepted"), run.err());
    }

    @Test
    void aMissingQueryFileIsNamed() {
        CommandRun run = CommandRun.of("query", dir.resolve("nope.rq").toString());
        assertEquals(Main.USAGE, run.exit());
        assertTrue(run.err().contains("there is no query file"), run.err());
    }
}

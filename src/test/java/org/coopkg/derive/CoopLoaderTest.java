package org.coopkg.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.coopkg.core.DataError;
import org.coopkg.core.DataException;
import org.coopkg.load.CuratedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on small folders: all or nothing, SHACL results located at the CSV row. */
class CoopLoaderTest {
    private static final String BASE = "http://example.org/";

    @TempDir
    Path dir;

    private void write(String file, String text) throws Exception {
        Files.writeString(dir.resolve(file), text);
    }

    private LoadedGraph load() throws DataException {
        return new CoopLoader(CuratedFiles.directory(dir), BASE).load();
    }

    private void writeValidBase() throws Exception {
        write("sources.csv", """
                id,type,title,text_file
                s1,Article,A source,s1.txt
                """);
        write("places.csv", """
                id,type,label,within,iso_code,source,evidence
                china,Country,China,,CN,s1,China
                jiangsu,Province,Jiangsu,china,,s1,Jiangsu
                """);
        write("organisations.csv", """
                id,type,label,country,source,evidence
                kunshan-gov,MunicipalGovernment,Kunshan municipal government,china,s1,Kunshan
                dde-council,GoverningCouncil,DDE Governing Council,,s1,DDE Governing Council
                """);
    }

    private void writeHostingAgreement(String partyRows) throws Exception {
        writeValidBase();
        write("agreements.csv", """
                id,type,label,source,evidence
                hosting,HostingAgreement,agreement to host the DDE Secretariat,s1,renewed their agreement
                """);
        write("agreement-parties.csv", "id,agreement,party,source,evidence\n" + partyRows);
    }

    @Test
    void aValidFolderLoadsWithInferencesAndUnionDefaultGraph() throws Exception {
        writeValidBase();
        LoadedGraph graph = load();
        DatasetGraph dsg = graph.dataset();
        var kunshanGov = NodeFactory.createURI(BASE + "id/organisation/kunshan-gov");
        var organisation = NodeFactory.createURI("http://www.w3.org/ns/org#Organization");
        assertTrue(dsg.getDefaultGraph().contains(kunshanGov, RDF.type.asNode(), organisation), "type closure in the default graph");
        assertTrue(dsg.getGraph(NodeFactory.createURI(BASE + "graph/inferred")).contains(kunshanGov, RDF.type.asNode(), organisation));
        assertTrue(dsg.containsGraph(NodeFactory.createURI(BASE + "id/assertion/organisation-kunshan-gov")));
        assertTrue(dsg.containsGraph(NodeFactory.createURI(BASE + "graph/ontology")));
        assertEquals(5, graph.rows());
    }

    @Test
    void theReadOnlyDatasetHoldsWhatTheTransactionalOneHolds() throws Exception {
        DatasetGraph readOnly = new CoopLoader(CuratedFiles.bundled(), BASE).load().readOnlyDataset();
        DatasetGraph transactional = new CoopLoader(CuratedFiles.bundled(), BASE).load().dataset();
        Txn.executeRead(transactional, () -> Txn.executeRead(readOnly, () -> {
            Set<Node> names = new HashSet<>();
            transactional.listGraphNodes().forEachRemaining(names::add);
            Set<Node> readOnlyNames = new HashSet<>();
            readOnly.listGraphNodes().forEachRemaining(readOnlyNames::add);
            assertEquals(names, readOnlyNames);
            assertTrue(readOnly.getDefaultGraph().isIsomorphicWith(transactional.getDefaultGraph()), "the union");
            for (Node name : names) {
                assertTrue(readOnly.getGraph(name).isIsomorphicWith(transactional.getGraph(name)), name.toString());
            }
            assertEquals(transactional.prefixes().getMapping(), readOnly.prefixes().getMapping());
        }));
    }

    @Test
    void aLoadReportsTheTimeOfEachStepInOrder() throws Exception {
        writeValidBase();
        long start = System.nanoTime();
        LoadedGraph graph = load();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        List<String> steps = List.of("read CSV", "map to RDF", "materialise", "validate (SHACL)");
        assertEquals(steps, List.copyOf(graph.phaseMillis().keySet()));
        // The steps follow each other: together they cannot take longer than the load (a step counted twice would).
        long sum = graph.phaseMillis().values().stream().mapToLong(Long::longValue).sum();
        assertTrue(sum <= elapsedMillis, graph.phaseMillis() + " add up to more than the load's " + elapsedMillis + " ms");
        graph.dataset();
        assertEquals("build the in-memory dataset", List.copyOf(graph.phaseMillis().keySet()).get(steps.size()));
    }

    @Test
    void oneBadFileLoadsNothingAndReportsEveryProblem() throws Exception {
        writeValidBase();
        write("people.csv", """
                id,label,nationality,source,evidence
                a,Person A,atlantis,s1,Person A
                b,Person B,,s2,Person B
                """);
        DataException e = assertThrows(DataException.class, this::load);
        assertEquals(List.of("people.csv:2:12: [ref.unknown]", "people.csv:3:13: [ref.unknown]"),
                e.errors().stream().map(x -> x.format().substring(0, x.format().indexOf(']') + 1)).toList());
        assertTrue(e.getMessage().contains("The curated data was not loaded (2 problems)"), e.getMessage());
    }

    @Test
    void shapeViolationsAreLocatedAtTheirRow() throws Exception {
        writeHostingAgreement("hosting-council,hosting,dde-council,s1,The DDE Governing Council\n");
        DataException e = assertThrows(DataException.class, this::load);
        DataError error = e.errors().stream().filter(x -> x.file().equals("agreements.csv")).findFirst()
                .orElseThrow(() -> new AssertionError(e.getMessage()));
        assertEquals(2, error.line());
        assertTrue(error.rule().startsWith("shacl."), error.format());
        assertTrue(error.message().contains("agreement-parties.csv"), "the message says where to fix: " + error.format());
    }

    @Test
    void theSameAgreementWithTwoPartiesConforms() throws Exception {
        writeHostingAgreement("hosting-council,hosting,dde-council,s1,The DDE Governing Council\n"
                + "hosting-kunshan,hosting,kunshan-gov,s1,the municipal government of Kunshan\n");
        assertTrue(load().dataset().getDefaultGraph().contains(NodeFactory.createURI(BASE + "id/agreement/hosting"),
                NodeFactory.createURI("https://w3id.org/coop-kg/ontology#agreementParty"),
                NodeFactory.createURI(BASE + "id/organisation/kunshan-gov")));
    }

    @Test
    void aFolderWithoutSourcesIsRejected() throws Exception {
        write("places.csv", "id,type,label,source,evidence\n");
        DataException e = assertThrows(DataException.class, this::load);
        assertEquals("data.missing-file", e.errors().get(0).rule());
    }

    @Test
    void anUnknownCsvFileIsRejectedByName() throws Exception {
        writeValidBase();
        write("peple.csv", "id,label\n");
        DataException e = assertThrows(DataException.class, this::load);
        assertEquals("data.unknown-file", e.errors().get(0).rule());
        assertTrue(e.errors().get(0).message().contains("'peple.csv' is not a curated data file"));
        assertTrue(e.errors().get(0).message().contains("people.csv"), "lists the valid names");
    }

    @Test
    void problemsInSeveralFilesAreReportedTogether() throws Exception {
        writeValidBase();
        write("people.csv", "id,label,source,evidence\nx,X,s1,\"unterminated\n");
        Files.write(dir.resolve("events.csv"), new byte[] {'i', 'd', '\n', (byte) 0xE9, '\n'});
        DataException e = assertThrows(DataException.class, this::load);
        assertEquals(List.of("events.csv", "people.csv"), e.errors().stream().map(DataError::file).toList());
    }
}

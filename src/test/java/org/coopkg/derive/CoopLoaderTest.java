package org.coopkg.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.coopkg.core.CoopIris;
import org.coopkg.core.DataError;
import org.coopkg.core.DataException;
import org.coopkg.core.vocab.Coop;
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
                id,type,label,within,iso_code,source,evidence,support
                china,Country,China,,CN,s1,China,stated
                jiangsu,Province,Jiangsu,china,,s1,Jiangsu,stated
                """);
        write("organisations.csv", """
                id,type,label,country,source,evidence,support
                kunshan-gov,MunicipalGovernment,Kunshan municipal government,china,s1,Kunshan,stated
                dde-council,GoverningCouncil,DDE Governing Council,,s1,DDE Governing Council,stated
                """);
    }

    private void writeHostingAgreement(String partyRows) throws Exception {
        writeValidBase();
        write("agreements.csv", """
                id,type,label,source,evidence,support
                hosting,HostingAgreement,agreement to host the DDE Secretariat,s1,renewed their agreement,stated
                """);
        write("agreement-parties.csv", "id,agreement,party,source,evidence,support\n" + partyRows);
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

    /** The Linked Data pages list the inferred graph as what no row states: it must hold nothing a row holds. */
    @Test
    void theInferredGraphHoldsNothingACuratedGraphHolds() throws Exception {
        DatasetGraph dataset = new CoopLoader(CuratedFiles.bundled(), BASE).load().readOnlyDataset();
        Node inferred = NodeFactory.createURI(new CoopIris(BASE).inferredGraph());
        Set<Triple> curated = new HashSet<>();
        dataset.listGraphNodes().forEachRemaining(g -> {
            if (!g.equals(inferred)) dataset.getGraph(g).find().forEachRemaining(curated::add);
        });
        long[] inferredTriples = {0};
        dataset.getGraph(inferred).find().forEachRemaining(t -> {
            inferredTriples[0]++;
            assertFalse(curated.contains(t), "inferred and also curated: " + t);
        });
        assertTrue(inferredTriples[0] > 1000, "inferred triples: " + inferredTriples[0]);
    }

    @Test
    void aLoadReportsTheTimeOfEachStepInOrder() throws Exception {
        writeValidBase();
        long start = System.nanoTime();
        LoadedGraph graph = load();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        List<String> steps = List.of("read CSV", "map to RDF", "index the statements", "materialise", "validate (SHACL)");
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
                id,label,nationality,source,evidence,support
                a,Person A,atlantis,s1,Person A,stated
                b,Person B,,s2,Person B,stated
                """);
        DataException e = assertThrows(DataException.class, this::load);
        assertEquals(List.of("people.csv:2:12: [ref.unknown]", "people.csv:3:13: [ref.unknown]"),
                e.errors().stream().map(x -> x.format().substring(0, x.format().indexOf(']') + 1)).toList());
        assertTrue(e.getMessage().contains("The curated data was not loaded (2 problems)"), e.getMessage());
    }

    // --- support levels ---------------------------------------------------------------------------------

    @Test
    void anImpliedRowCarriesItsSupportAndTheCuratorsNote() throws Exception {
        writeValidBase();
        write("relations.csv", """
                subject,property,object,source,evidence,support,curator_note
                organisation/dde-council,country,place/china,s1,DDE Governing Council,implied,"read from the context"
                """);
        DatasetGraph dsg = load().dataset();
        Node metadata = NodeFactory.createURI(BASE + "graph/metadata");
        List<Quad> implied = Txn.calculateRead(dsg, () -> dsg.stream(metadata, Node.ANY, Coop.support.asNode(),
                Coop.Implied.asNode()).toList());
        assertEquals(1, implied.size(), "one implied assertion");
        Node assertion = implied.get(0).getSubject();
        assertTrue(Txn.calculateRead(dsg, () -> dsg.contains(metadata, assertion, Coop.curatorNote.asNode(),
                NodeFactory.createLiteralString("read from the context"))));
        long stated = Txn.calculateRead(dsg, () -> dsg.stream(metadata, Node.ANY, Coop.support.asNode(),
                Coop.Stated.asNode()).count());
        assertEquals(4, stated, "the four entity rows are stated");
    }

    @Test
    void anImpliedRowWithoutANoteIsRefusedAtItsRow() throws Exception {
        writeValidBase();
        write("relations.csv", """
                subject,property,object,source,evidence,support
                organisation/dde-council,country,place/china,s1,DDE Governing Council,implied
                """);
        DataException e = assertThrows(DataException.class, this::load);
        assertEquals(1, e.errors().size(), e.getMessage());
        DataError error = e.errors().get(0);
        assertEquals("relations.csv:2: [shacl.or]", error.format().substring(0, error.format().indexOf(']') + 1));
        assertTrue(error.message().contains("has no `curator_note`"), error.format());
    }

    @Test
    void aRowWithoutASupportLevelIsRefusedWithWhatToWrite() throws Exception {
        writeValidBase();
        write("people.csv", """
                id,label,source,evidence
                a,Person A,s1,Person A
                """);
        DataException e = assertThrows(DataException.class, this::load);
        assertEquals(1, e.errors().size(), e.getMessage());
        assertEquals("people.csv:2: [shacl.minCount]", e.errors().get(0).format().substring(0, e.errors().get(0).format().indexOf(']') + 1));
        assertTrue(e.getMessage().contains("fill the `support` column with stated"), e.getMessage());
    }

    @Test
    void anUnknownSupportLevelNamesTheChoices() throws Exception {
        writeValidBase();
        write("people.csv", """
                id,label,source,evidence,support
                a,Person A,s1,Person A,probably
                """);
        DataException e = assertThrows(DataException.class, this::load);
        assertEquals("people.csv:2:24: [provenance.support] 'probably' in column 'support' is not one of: stated (the quote "
                + "says it), implied (your reading of the quote in its context, explained in curator_note)",
                e.errors().get(0).format());
    }

    @Test
    void shapeViolationsAreLocatedAtTheirRow() throws Exception {
        writeHostingAgreement("hosting-council,hosting,dde-council,s1,The DDE Governing Council,stated\n");
        DataException e = assertThrows(DataException.class, this::load);
        DataError error = e.errors().stream().filter(x -> x.file().equals("agreements.csv")).findFirst()
                .orElseThrow(() -> new AssertionError(e.getMessage()));
        assertEquals(2, error.line());
        assertTrue(error.rule().startsWith("shacl."), error.format());
        assertTrue(error.message().contains("agreement-parties.csv"), "the message says where to fix: " + error.format());
    }

    @Test
    void theSameAgreementWithTwoPartiesConforms() throws Exception {
        writeHostingAgreement("hosting-council,hosting,dde-council,s1,The DDE Governing Council,stated\n"
                + "hosting-kunshan,hosting,kunshan-gov,s1,the municipal government of Kunshan,stated\n");
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

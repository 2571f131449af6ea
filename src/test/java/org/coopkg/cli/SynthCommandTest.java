package org.coopkg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.coopkg.core.CoopIris;
import org.coopkg.core.vocab.Coop;
import org.coopkg.core.vocab.Prov;
import org.coopkg.derive.CoopLoader;
import org.coopkg.derive.LoadedGraph;
import org.coopkg.load.CsvReader;
import org.coopkg.load.CsvRow;
import org.coopkg.load.CuratedFiles;
import org.coopkg.synth.SyntheticData;
import org.coopkg.testing.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesValidDataThatCitesTheSyntheticSourceOnTopOfTheBundledData() throws Exception {
        CommandRun run = CommandRun.of("synth", "--scale", "3", "--seed", "7", "--out", dir.resolve("a").toString());
        assertEquals(0, run.exit(), run.err());
        LoadedGraph loaded = new CoopLoader(CuratedFiles.directory(dir.resolve("a")), CoopIris.DEFAULT_BASE).load();
        LoadedGraph bundled = new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load();
        // Each unit adds about 4,300 named-graph quads (the documented size).
        long perUnit = (loaded.namedGraphQuads() - bundled.namedGraphQuads()) / 3;
        assertTrue(perUnit > 3_800 && perUnit < 4_800, "named-graph quads per unit: " + perUnit);

        DatasetGraph ds = loaded.dataset();
        Node synthetic = NodeFactory.createURI(loaded.names().entity("source", SyntheticData.SOURCE_ID));
        Txn.executeRead(ds, () -> {
            // Every assertion made from a generated row cites the synthetic source; the bundled ones keep theirs.
            long syntheticAssertions = ds.stream(Node.ANY, Node.ANY, Prov.wasDerivedFrom.asNode(), synthetic).count();
            assertTrue(syntheticAssertions > 600, "assertions citing the synthetic source: " + syntheticAssertions);
            Node china = NodeFactory.createURI(loaded.names().entity("place", "china"));
            assertTrue(ds.contains(Node.ANY, china, RDF.type.asNode(), NodeFactory.createURI(Coop.NS + "Country")));
        });
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherData() throws Exception {
        new SyntheticData(2, 42).writeTo(dir.resolve("a"));
        new SyntheticData(2, 42).writeTo(dir.resolve("b"));
        new SyntheticData(2, 43).writeTo(dir.resolve("c"));
        for (String file : List.of("organisations.csv", "agreement-parties.csv", "relations.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)), Files.readAllBytes(dir.resolve("b").resolve(file)));
        }
        assertFalse(Files.readString(dir.resolve("a/relations.csv")).equals(Files.readString(dir.resolve("c/relations.csv"))));
    }

    @Test
    void agreementsHaveTwoToFivePartiesAndPartnersFollowAPowerLaw() throws Exception {
        new SyntheticData(20, 1).writeTo(dir);
        Map<String, Integer> partiesPerAgreement = new HashMap<>();
        Map<String, Integer> agreementsPerParty = new HashMap<>();
        for (CsvRow row : CsvReader.read("agreement-parties.csv", Files.readAllBytes(dir.resolve("agreement-parties.csv"))).rows()) {
            if (!row.value("agreement").startsWith("syn-")) continue;
            partiesPerAgreement.merge(row.value("agreement"), 1, Integer::sum);
            agreementsPerParty.merge(row.value("party"), 1, Integer::sum);
        }
        assertEquals(80, partiesPerAgreement.size());
        assertTrue(partiesPerAgreement.values().stream().allMatch(n -> n >= 2 && n <= 5), partiesPerAgreement.toString());
        // A heavy tail: the busiest party is in many more agreements than the typical (median) one.
        List<Integer> counts = agreementsPerParty.values().stream().sorted().toList();
        int median = counts.get(counts.size() / 2);
        int max = counts.get(counts.size() - 1);
        assertTrue(max >= 10 * median, "max " + max + ", median " + median);
    }

    @Test
    void refusesAFolderThatHoldsCuratedDataAndABadScale() throws Exception {
        Files.writeString(dir.resolve("places.csv"), "id,type,label\n");
        CommandRun existing = CommandRun.of("synth", "--scale", "1", "--out", dir.toString());
        assertEquals(Main.FAILED, existing.exit());
        existing.assertNoStackTrace();
        assertTrue(existing.err().contains("places.csv already exists"), existing.err());
        assertEquals("id,type,label\n", Files.readString(dir.resolve("places.csv")));

        CommandRun zero = CommandRun.of("synth", "--scale", "0", "--out", dir.resolve("new").toString());
        assertEquals(Main.USAGE, zero.exit());
        assertTrue(zero.err().contains("--scale 0 must be 1 or more"), zero.err());
    }
}

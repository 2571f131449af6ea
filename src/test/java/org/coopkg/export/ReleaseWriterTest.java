package org.coopkg.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.coopkg.derive.LoadedGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coopkg dist}: every format, the ontology, checksums, and the same bytes on every run. */
class ReleaseWriterTest {
    @TempDir
    Path dir;

    @Test
    void twoReleasesOfTheSameDataAreIdentical() throws Exception {
        LoadedGraph bundled = ExportFixtures.bundled();
        List<ReleaseWriter.ReleaseFile> first = new ReleaseWriter(bundled).write(dir.resolve("one"));
        new ReleaseWriter(ExportFixtures.relabelled(bundled)).write(dir.resolve("two"));
        String sums = Files.readString(dir.resolve("one").resolve(ReleaseWriter.CHECKSUMS));
        assertEquals(sums, Files.readString(dir.resolve("two").resolve(ReleaseWriter.CHECKSUMS)),
                "SHA256SUMS differs between two releases of the same data");

        List<String> paths = first.stream().map(ReleaseWriter.ReleaseFile::path).toList();
        for (String expected : List.of("coop-kg.ttl", "coop-kg.nt", "coop-kg.rdf", "coop-kg.trig", "coop-kg.jsonld",
                "coop-kg.graphml", "coop-ontology.ttl", "coop-ontology.rdf", "coop-ontology.jsonld",
                "coop-kg-neo4j/relationships.csv", "coop-kg-neo4j/README.md")) {
            assertTrue(paths.contains(expected) || paths.contains(expected + ".gz"), () -> expected + " missing: " + paths);
        }
        // The N-Quads dump of the bundled data is over 1 MiB: it ships gzipped, and only gzipped.
        assertTrue(paths.contains("coop-kg.nq.gz"), paths::toString);
        assertFalse(Files.exists(dir.resolve("one/coop-kg.nq")));

        // sha256sum -c format: "<64 hex>  <path>", sorted, one per file, and the hashes are right.
        List<String> lines = sums.lines().toList();
        assertEquals(first.size(), lines.size());
        assertEquals(lines.stream().sorted((a, b) -> a.substring(66).compareTo(b.substring(66))).toList(), lines);
        for (String line : lines) {
            assertTrue(line.matches("[0-9a-f]{64}  [A-Za-z0-9./-]+"), line);
            assertEquals(line.substring(0, 64), ReleaseWriter.sha256(dir.resolve("one").resolve(line.substring(66))), line);
        }
    }

    @Test
    void gzipFilesHaveNoTimestampOrNameAndHoldTheDump() throws Exception {
        LoadedGraph tricky = ExportFixtures.tricky();
        new ReleaseWriter(tricky, 0).write(dir);
        byte[] gz = Files.readAllBytes(dir.resolve("coop-kg.nq.gz"));
        assertGzipHeaderIsReproducible(gz, "coop-kg.nq.gz");
        DatasetGraph parsed = DatasetGraphFactory.createGeneral();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("coop-kg.nq.gz")))) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(parsed);
        }
        assertEquals(ExportFixtures.namedOnly(tricky.dataset()).stream().count(), parsed.stream().count());
        // The CSV for Neo4j stays plain whatever its size, so that its README's command works as written.
        assertTrue(Files.exists(dir.resolve("coop-kg-neo4j/relationships.csv")));
    }

    /** What the release relies on: java.util.zip writes modification time 0 and no file name. */
    @Test
    void javaGzipHeaderIsFixed() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write("coop-kg".getBytes());
        }
        assertGzipHeaderIsReproducible(bytes.toByteArray(), "GZIPOutputStream");
    }

    @Test
    void aSecondReleaseIntoTheSameFolderReplacesTheFirst() throws Exception {
        LoadedGraph tricky = ExportFixtures.tricky();
        new ReleaseWriter(tricky, 0).write(dir);          // everything gzipped
        new ReleaseWriter(tricky).write(dir);             // nothing gzipped: the .gz files must go
        assertFalse(Files.exists(dir.resolve("coop-kg.nq.gz")));
        assertTrue(Files.exists(dir.resolve("coop-kg.nq")));
        assertFalse(Files.readString(dir.resolve(ReleaseWriter.CHECKSUMS)).contains(".gz"));
    }

    private static void assertGzipHeaderIsReproducible(byte[] gz, String what) {
        assertEquals(0x1f, gz[0] & 0xff, what);
        assertEquals(0x8b, gz[1] & 0xff, what);
        assertEquals(8, gz[2], what + ": deflate");
        assertEquals(0, gz[3], what + ": flags (a file name or comment would be flagged here)");
        for (int i = 4; i < 8; i++) assertEquals(0, gz[i], what + ": modification time must be 0");
    }
}

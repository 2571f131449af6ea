package org.coopkg.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.coopkg.core.Format;
import org.coopkg.derive.LoadedGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Same data, same bytes: exporting twice, and exporting what a second load would give (fresh blank node
 * labels, quads inserted in another order), writes byte-identical files in every format.
 */
class DeterministicExportTest {
    @TempDir
    Path dir;

    static Stream<String> datasets() {
        return Stream.of("tricky", "bundled");
    }

    @ParameterizedTest(name = "{0} data")
    @MethodSource("datasets")
    void everyRdfFormatIsByteIdenticalAcrossLoads(String data) {
        LoadedGraph original = ExportFixtures.data(data);
        RdfExporter again = new RdfExporter(ExportFixtures.relabelled(original).dataset());
        for (Format format : ExportFixtures.rdfFormats()) {
            byte[] first = ExportFixtures.exported(data, format);
            assertArrayEquals(first, ExportFixtures.export(ExportFixtures.exporter(original), format, GraphSelection.ALL),
                    () -> format + ": a second export of the same dataset differs");
            byte[] second = ExportFixtures.export(again, format, GraphSelection.ALL);
            assertArrayEquals(first, second, () -> format + ": the export of a reloaded copy differs at byte "
                    + firstDifference(first, second) + "\n" + around(first, second));
        }
    }

    @ParameterizedTest(name = "{0} data")
    @MethodSource("datasets")
    void propertyGraphFormatsAreByteIdenticalAcrossLoads(String data) throws Exception {
        LoadedGraph original = ExportFixtures.data(data);
        LoadedGraph copy = ExportFixtures.relabelled(original);
        PropertyGraph one = new PropertyGraphBuilder(original.dataset(), original.names()).build();
        PropertyGraph two = new PropertyGraphBuilder(copy.dataset(), copy.names()).build();
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        new GraphMlExporter().write(one, a);
        new GraphMlExporter().write(two, b);
        assertArrayEquals(a.toByteArray(), b.toByteArray(), "graphml differs between two loads");
        new Neo4jExporter().write(one, dir.resolve("a"));
        new Neo4jExporter().write(two, dir.resolve("b"));
        assertEquals(contents(dir.resolve("a")), contents(dir.resolve("b")), "neo4j CSV differs between two loads");
    }

    @Test
    void turtleOfOneGraphIsByteIdenticalToo() {
        LoadedGraph bundled = ExportFixtures.bundled();
        GraphSelection ontology = GraphSelection.named(bundled.names().ontologyGraph());
        byte[] first = ExportFixtures.export(ExportFixtures.exporter(bundled), Format.TURTLE, ontology);
        byte[] second = ExportFixtures.export(new RdfExporter(ExportFixtures.relabelled(bundled).dataset()),
                Format.TURTLE, ontology);
        assertArrayEquals(first, second);
        String text = new String(first, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("@prefix coop: <https://w3id.org/coop-kg/ontology#> ."), text.substring(0, 200));
    }

    /** Blank node labels come from the graph around them, not from Jena's random labels. */
    @Test
    void blankNodeLabelsAreCanonical() {
        LoadedGraph tricky = ExportFixtures.tricky();
        LoadedGraph copy = ExportFixtures.relabelled(tricky);
        CanonicalBlankNodes one = CanonicalBlankNodes.of(tricky.dataset());
        CanonicalBlankNodes two = CanonicalBlankNodes.of(copy.dataset());
        assertEquals(labels(tricky, one), labels(copy, two));
        assertEquals(6, one.size(), "contact, two list cells, two tags, one restriction");
    }

    private static List<String> labels(LoadedGraph graph, CanonicalBlankNodes blanks) {
        List<String> labels = new java.util.ArrayList<>();
        graph.dataset().find().forEachRemaining(q -> {
            if (q.getSubject().isBlank()) labels.add(blanks.label(q.getSubject()));
        });
        return labels.stream().distinct().sorted().toList();
    }

    static Map<String, String> contents(Path folder) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (var list = Files.walk(folder)) {
            for (Path p : list.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    private static int firstDifference(byte[] a, byte[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) return i;
        }
        return Math.min(a.length, b.length);
    }

    private static String around(byte[] a, byte[] b) {
        int at = firstDifference(a, b);
        int from = Math.max(0, at - 200);
        return "first:  …" + new String(a, from, Math.min(a.length, at + 200) - from, StandardCharsets.UTF_8)
                + "\nsecond: …" + new String(b, from, Math.min(b.length, at + 200) - from, StandardCharsets.UTF_8);
    }
}

package org.coopkg.load;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.IsoMatcher;
import org.coopkg.core.CoopIris;
import org.coopkg.core.DataError;
import org.coopkg.core.DataException;
import org.junit.jupiter.api.function.Executable;

/**
 * Shared helpers for the loader tests: tiny inline CSV fixtures, expected RDF written as inline TriG or
 * Turtle and compared by graph isomorphism (never as strings), and one-line assertions on a {@link DataError}.
 */
final class LoadFixtures {
    static final String BASE = "http://example.org/";
    static final CoopIris NAMES = new CoopIris(BASE);

    /** Relative IRIs in expected RDF resolve against the test base: {@code <id/place/china>}. */
    static final String PREFIXES = """
            BASE <http://example.org/>
            PREFIX coop:    <https://w3id.org/coop-kg/ontology#>
            PREFIX rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX xsd:     <http://www.w3.org/2001/XMLSchema#>
            PREFIX owl:     <http://www.w3.org/2002/07/owl#>
            PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
            PREFIX prov:    <http://www.w3.org/ns/prov#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX foaf:    <http://xmlns.com/foaf/0.1/>
            PREFIX time:    <http://www.w3.org/2006/time#>
            """;

    /** The three SKOS concept schemes every mapped dataset declares in its metadata graph. */
    static final String CONCEPT_SCHEMES = """
            GRAPH <graph/metadata> {
                <id/scheme/topics>      a skos:ConceptScheme ; rdfs:label "Topics and fields of science"@en .
                <id/scheme/roles>       a skos:ConceptScheme ; rdfs:label "Roles and posts"@en .
                <id/scheme/party-roles> a skos:ConceptScheme ; rdfs:label "Roles of parties to agreements"@en .
            }
            """;

    private LoadFixtures() {}

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a fixture that must be valid CSV. */
    static CsvTable csv(String file, String text) {
        try {
            return CsvReader.read(file, utf8(text));
        } catch (DataException e) {
            throw new AssertionError("the fixture " + file + " should be valid CSV:\n" + e.getMessage(), e);
        }
    }

    /** File name, text, file name, text, … → tables as {@link CuratedDataMapper#map} takes them. */
    static Map<String, CsvTable> tables(String... fileAndText) {
        Map<String, CsvTable> tables = new LinkedHashMap<>();
        for (int i = 0; i < fileAndText.length; i += 2) {
            tables.put(fileAndText[i], csv(fileAndText[i], fileAndText[i + 1]));
        }
        return tables;
    }

    static Graph turtle(String body) {
        return RDFParser.fromString(PREFIXES + body, Lang.TURTLE).toGraph();
    }

    static DatasetGraph trig(String body) {
        return RDFParser.fromString(PREFIXES + body, Lang.TRIG).toDatasetGraph();
    }

    /** The problems of a call that must fail with a {@link DataException}. */
    static List<DataError> errorsOf(Executable call) {
        DataException e = assertThrows(DataException.class, call);
        assertFalse(e.errors().isEmpty(), "a DataException must carry at least one problem");
        return e.errors();
    }

    /** The one problem of a call that must fail with exactly one. */
    static DataError onlyErrorOf(Executable call) {
        List<DataError> errors = errorsOf(call);
        assertEquals(1, errors.size(), () -> "expected exactly one problem, got:\n" + describe(errors));
        return errors.get(0);
    }

    /**
     * Asserts where a problem is, its rule, that its message contains each of {@code messageParts} (the bad
     * value, the fix, …) and that it is one line, as compiler-style messages must be for editors and CI logs.
     */
    static void assertError(DataError error, String file, int line, int column, String rule, String... messageParts) {
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(file, error.file(), () -> "file of " + error));
        checks.add(() -> assertEquals(line, error.line(), () -> "line of " + error));
        checks.add(() -> assertEquals(column, error.column(), () -> "column of " + error));
        checks.add(() -> assertEquals(rule, error.rule(), () -> "rule of " + error));
        for (String part : messageParts) {
            checks.add(() -> assertTrue(error.message().contains(part),
                    () -> "the message should contain \"" + part + "\": " + error.message()));
        }
        checks.add(() -> assertFalse(error.message().contains("\n") || error.message().contains("\r"),
                () -> "the message should be a single line: " + error.message()));
        assertAll(error.format(), checks);
    }

    static String describe(List<DataError> errors) {
        return errors.stream().map(e -> "  " + e.format()).collect(Collectors.joining("\n"));
    }

    /** Compares datasets as RDF (blank nodes up to renaming); on failure lists the differing quads. */
    static void assertIsomorphic(DatasetGraph expected, DatasetGraph actual) {
        if (IsoMatcher.isomorphic(expected, actual)) return;
        fail("the datasets differ\n" + difference(quads(expected), quads(actual), NodeFmtLib::str));
    }

    /** Compares graphs as RDF (blank nodes up to renaming); on failure lists the differing triples. */
    static void assertIsomorphic(Graph expected, Graph actual) {
        if (expected.isIsomorphicWith(actual)) return;
        fail("the graphs differ\n" + difference(expected.find().toSet(), actual.find().toSet(), NodeFmtLib::str));
    }

    private static Set<Quad> quads(DatasetGraph dataset) {
        Set<Quad> quads = new java.util.HashSet<>();
        dataset.find().forEachRemaining(quads::add);
        return quads;
    }

    private static <T> String difference(Set<T> expected, Set<T> actual, Function<T, String> format) {
        String missing = expected.stream().filter(t -> !actual.contains(t)).map(format).sorted()
                .collect(Collectors.joining("\n    "));
        String unexpected = actual.stream().filter(t -> !expected.contains(t)).map(format).sorted()
                .collect(Collectors.joining("\n    "));
        return "  expected but missing:\n    " + missing + "\n  present but not expected:\n    " + unexpected;
    }
}

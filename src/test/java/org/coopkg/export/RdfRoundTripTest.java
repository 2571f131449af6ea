package org.coopkg.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.core.Format;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every RDF export, parsed back by Jena and by RDF4J Rio, is isomorphic to what was exported: the union
 * graph for triple formats, each named graph for quad formats. The expected side for Rio is written by
 * Jena (N-Quads / N-Triples) and parsed by Rio, so it does not go through the exporter's own Jena→Rio
 * conversion.
 */
class RdfRoundTripTest {

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String data : List.of("tricky", "bundled")) {
            for (Format format : ExportFixtures.rdfFormats()) cases.add(Arguments.of(data, format));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} data as {1}")
    @MethodSource("cases")
    void reparsedByJenaIsIsomorphic(String data, Format format) {
        DatasetGraph dataset = ExportFixtures.data(data).dataset();
        byte[] bytes = ExportFixtures.exported(data, format);
        DatasetGraph parsed = ExportFixtures.parseWithJena(bytes, format);
        if (format.supportsContexts()) {
            DatasetGraph expected = ExportFixtures.namedOnly(dataset);
            assertEquals(graphNames(expected), graphNames(parsed), format + ": the named graphs differ");
            assertTrue(parsed.getDefaultGraph().isEmpty(), format + ": the union default graph was written again");
            List<Node> names = new ArrayList<>();
            expected.listGraphNodes().forEachRemaining(names::add);
            for (Node g : names) {
                assertIsomorphic(expected.getGraph(g), parsed.getGraph(g), format + ", graph <" + g.getURI() + ">");
            }
        } else {
            assertEquals(Set.of(), graphNames(parsed), format + ": a triple format produced named graphs");
            assertIsomorphic(ExportFixtures.union(dataset), parsed.getDefaultGraph(), format + ", union graph");
        }
    }

    @ParameterizedTest(name = "{0} data as {1}")
    @MethodSource("cases")
    void reparsedByRioIsIsomorphic(String data, Format format) throws Exception {
        DatasetGraph dataset = ExportFixtures.data(data).dataset();
        byte[] bytes = ExportFixtures.exported(data, format);
        Model actual = Rio.parse(new ByteArrayInputStream(bytes), "", ExportFormats.rio(format));

        ByteArrayOutputStream jena = new ByteArrayOutputStream();
        Model expected;
        if (format.supportsContexts()) {
            RDFDataMgr.write(jena, ExportFixtures.namedOnly(dataset), RDFFormat.NQUADS_UTF8);
            expected = Rio.parse(new ByteArrayInputStream(jena.toByteArray()), "", org.eclipse.rdf4j.rio.RDFFormat.NQUADS);
            assertEquals(contexts(expected), contexts(actual), format + ": the named graphs differ (Rio)");
            for (Resource context : expected.contexts()) {
                Model want = expected.filter(null, null, null, context);
                Model got = actual.filter(null, null, null, context);
                assertTrue(Models.isomorphic(want, got), () -> format + ", graph <" + context + "> (Rio): "
                        + want.size() + " statements expected, " + got.size() + " parsed");
            }
        } else {
            RDFDataMgr.write(jena, ExportFixtures.union(dataset), RDFFormat.NTRIPLES_UTF8);
            expected = Rio.parse(new ByteArrayInputStream(jena.toByteArray()), "", org.eclipse.rdf4j.rio.RDFFormat.NTRIPLES);
            assertEquals(Set.of(), contexts(actual), format + ": a triple format produced named graphs (Rio)");
            assertTrue(Models.isomorphic(expected, actual), () -> format + ", union graph (Rio): " + expected.size()
                    + " statements expected, " + actual.size() + " parsed");
        }
    }

    /** Each tricky literal is found again, as the same RDF term, by both parsers. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.coopkg.export.ExportFixtures#rdfFormats")
    void trickyLiteralsSurviveExactly(Format format) throws Exception {
        byte[] bytes = ExportFixtures.exported("tricky", format);
        DatasetGraph jena = ExportFixtures.parseWithJena(bytes, format);
        Model rio = Rio.parse(new ByteArrayInputStream(bytes), "", ExportFormats.rio(format));
        ValueFactory vf = SimpleValueFactory.getInstance();
        for (Node literal : ExportFixtures.trickyLiterals()) {
            assertTrue(jena.find(Node.ANY, Node.ANY, Node.ANY, literal).hasNext(),
                    () -> format + " (Jena): lost or changed the literal " + literal);
            Literal expected = !literal.getLiteralLanguage().isEmpty()
                    ? vf.createLiteral(literal.getLiteralLexicalForm(), literal.getLiteralLanguage())
                    : vf.createLiteral(literal.getLiteralLexicalForm(), vf.createIRI(literal.getLiteralDatatypeURI()));
            assertTrue(rio.contains(null, null, expected), () -> format + " (Rio): lost or changed the literal " + expected);
        }
    }

    private static Set<String> graphNames(DatasetGraph dataset) {
        Set<String> names = new TreeSet<>();
        dataset.listGraphNodes().forEachRemaining(g -> names.add(g.toString()));
        return names;
    }

    private static Set<String> contexts(Model model) {
        Set<String> names = new TreeSet<>();
        model.contexts().forEach(c -> {
            if (c != null) names.add(c.stringValue());
        });
        return names;
    }

    private static void assertIsomorphic(Graph expected, Graph actual, String what) {
        if (expected.isIsomorphicWith(actual)) return;
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        expected.find().forEachRemaining(t -> {
            if (isGround(t) && !actual.contains(t) && missing.size() < 5) missing.add(t.toString());
        });
        actual.find().forEachRemaining(t -> {
            if (isGround(t) && !expected.contains(t) && extra.size() < 5) extra.add(t.toString());
        });
        throw new AssertionError(what + ": not isomorphic; " + expected.size() + " triples expected, " + actual.size()
                + " parsed; missing e.g. " + missing + "; unexpected e.g. " + extra);
    }

    private static boolean isGround(Triple t) {
        return !t.getSubject().isBlank() && !t.getObject().isBlank();
    }
}

package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.coopkg.core.Format;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Served RDF is the same bytes whenever it is made: two parses of the ontology (as two server starts make)
 * give blank nodes (its restrictions) different labels and the in-memory graph a different order.
 */
class RdfWritingTest {
    @ParameterizedTest
    @MethodSource("org.coopkg.core.Format#rdf")
    void theOntologyIsWrittenTheSameAfterEveryParse(Format type) throws Exception {
        Graph first = parseOntology();
        Graph second = parseOntology();
        byte[] once = RdfWriting.write(first, type, first.getPrefixMapping());
        byte[] again = RdfWriting.write(second, type, second.getPrefixMapping());
        assertArrayEquals(once, again, type + " differs between two parses");
        Graph read = GraphFactory.createDefaultGraph();
        RDFParser.fromString(new String(once, java.nio.charset.StandardCharsets.UTF_8),
                org.apache.jena.riot.RDFLanguages.contentTypeToLang(type.mediaType())).parse(read);
        assertTrue(IsoMatcher.isomorphic(first, read), type + " is the ontology");
    }

    private static Graph parseOntology() throws Exception {
        Graph g = GraphFactory.createDefaultGraph();
        try (InputStream in = RdfWritingTest.class.getResourceAsStream("/ontology/coop.ttl")) {
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
        }
        return g;
    }
}

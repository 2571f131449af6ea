package org.coopkg.derive;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

class MaterialiserTest {
    private static final String PREFIXES = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX owl:  <http://www.w3.org/2002/07/owl#>
            PREFIX ex:   <http://example.org/>
            """;

    private static Graph turtle(String text) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(PREFIXES + text, Lang.TURTLE).parse(graph);
        return graph;
    }

    private static void assertInferred(String ontology, String data, String expected) {
        Graph graph = turtle(data);
        Graph original = turtle(data);
        Graph inferred = GraphFactory.createDefaultGraph();
        new Materialiser(turtle(ontology)).addEntailments(graph).forEach(inferred::add);
        assertTrue(graph.isIsomorphicWith(union(original, inferred)), "the graph holds its data and the inferences");
        Graph wanted = turtle(expected);
        assertTrue(inferred.isIsomorphicWith(wanted), () -> "inferred:\n"
                + RDFWriter.source(inferred).lang(Lang.TURTLE).asString() + "\nexpected:\n"
                + RDFWriter.source(wanted).lang(Lang.TURTLE).asString());
    }

    private static Graph union(Graph a, Graph b) {
        Graph union = GraphFactory.createDefaultGraph();
        a.find().forEachRemaining(union::add);
        b.find().forEachRemaining(union::add);
        return union;
    }

    @Test
    void typesFollowSubClassAndEquivalentClassChains() {
        assertInferred("""
                ex:University rdfs:subClassOf ex:Organisation .
                ex:Organisation owl:equivalentClass ex:Org ; rdfs:subClassOf ex:Agent .
                """, """
                ex:tsinghua a ex:University .
                """, """
                ex:tsinghua a ex:Organisation, ex:Org, ex:Agent .
                """);
    }

    @Test
    void propertiesFollowSubPropertiesAndInverses() {
        assertInferred("""
                ex:holder rdfs:subPropertyOf ex:member ; owl:inverseOf ex:holds .
                ex:holds rdfs:subPropertyOf ex:hasMembership .
                """, """
                ex:post ex:holder ex:diamond .
                """, """
                ex:post ex:member ex:diamond .
                ex:diamond ex:holds ex:post ; ex:hasMembership ex:post .
                """);
    }

    @Test
    void transitivePropertiesAreClosedInBothDirections() {
        assertInferred("""
                ex:within a owl:TransitiveProperty ; owl:inverseOf ex:contains .
                ex:contains a owl:TransitiveProperty .
                """, """
                ex:kunshan ex:within ex:suzhou .
                ex:jiangsu ex:within ex:china .
                ex:suzhou ex:within ex:jiangsu .
                """, """
                ex:kunshan ex:within ex:jiangsu, ex:china .
                ex:suzhou ex:within ex:china .
                ex:suzhou ex:contains ex:kunshan .
                ex:jiangsu ex:contains ex:suzhou, ex:kunshan .
                ex:china ex:contains ex:jiangsu, ex:suzhou, ex:kunshan .
                """);
    }

    @Test
    void propertyChainsCombineWithTransitivity() {
        assertInferred("""
                ex:within a owl:TransitiveProperty .
                ex:country rdfs:subPropertyOf ex:locatedIn .
                ex:locatedIn owl:propertyChainAxiom ( ex:locatedIn ex:within ) .
                """, """
                ex:government ex:locatedIn ex:kunshan .
                ex:kunshan ex:within ex:suzhou .
                ex:suzhou ex:within ex:jiangsu .
                ex:xtbg ex:country ex:china .
                """, """
                ex:kunshan ex:within ex:jiangsu .
                ex:government ex:locatedIn ex:suzhou, ex:jiangsu .
                ex:xtbg ex:locatedIn ex:china .
                """);
    }

    /** Both steps of the chain exist only as inferences, made from data triples of different properties. */
    @Test
    void inferencesMeetWhicheverIsMadeFirst() {
        assertInferred("""
                ex:hosts owl:inverseOf ex:hostedBy .
                ex:leads rdfs:subPropertyOf ex:memberOf .
                ex:affiliatedWith owl:propertyChainAxiom ( ex:memberOf ex:hostedBy ) .
                ex:Lab rdfs:subClassOf ex:Unit .
                """, """
                ex:zhang ex:leads ex:lab .
                ex:institute ex:hosts ex:lab .
                ex:lab a ex:Lab .
                ex:wang a ex:Person ; ex:name "Wang" .
                """, """
                ex:zhang ex:memberOf ex:lab ; ex:affiliatedWith ex:institute .
                ex:lab ex:hostedBy ex:institute ; a ex:Unit .
                """);
    }

    @Test
    void symmetricPropertiesAndLiteralsAreHandled() {
        assertInferred("""
                ex:partnerOf a owl:SymmetricProperty .
                ex:value rdfs:subPropertyOf ex:amount .
                ex:name owl:inverseOf ex:nameOf .
                """, """
                ex:a ex:partnerOf ex:b .
                ex:figure ex:value 160 .
                ex:a ex:name "A" .
                """, """
                ex:b ex:partnerOf ex:a .
                ex:figure ex:amount 160 .
                """);
    }

    @Test
    void nothingIsInferredWithoutAxioms() {
        assertInferred("", """
                ex:a a ex:Thing ; ex:p ex:b .
                """, "");
    }
}

package org.coopkg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.coopkg.core.Ontology;
import org.coopkg.core.vocab.Coop;
import org.junit.jupiter.api.Test;

/** The vocabulary class and the ontology declare the same terms: a term added to one must be added to the other. */
class CoopVocabularyTest {
    private static final Set<Node> DECLARATIONS = Set.of(OWL2.Class.asNode(), OWL2.ObjectProperty.asNode(),
            OWL2.DatatypeProperty.asNode(), OWL2.AnnotationProperty.asNode(), OWL2.NamedIndividual.asNode());

    @Test
    void theVocabularyClassHasEveryTermOfTheOntologyAndNoOther() throws Exception {
        Set<String> declared = new TreeSet<>();
        Ontology.graph().find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(Coop.NS) && DECLARATIONS.contains(t.getObject())) {
                declared.add(t.getSubject().getURI());
            }
        });
        Set<String> constants = new TreeSet<>();
        for (Field field : Coop.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || !Resource.class.isAssignableFrom(field.getType())) continue;
            String iri = ((Resource) field.get(null)).getURI();
            if (iri.equals(Coop.NS) || iri.equals(Coop.ONTOLOGY_IRI)) continue;
            assertEquals(Coop.NS + field.getName(), iri, "the constant is named after its term");
            constants.add(iri);
        }
        assertEquals(declared, constants);
    }
}

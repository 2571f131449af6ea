package org.coopkg.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.coopkg.core.Ontology;
import org.junit.jupiter.api.Test;

class ShapeShortcutsTest {
    private static final String PREFIXES = """
            @prefix sh: <http://www.w3.org/ns/shacl#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            @prefix : <http://example.org/> .
            """;

    private static final String SHAPES = PREFIXES + """
            :ThingShape a sh:NodeShape ; sh:targetClass :Thing ;
                sh:not [ sh:path :status ; sh:hasValue :Withdrawn ] ;
                sh:property [ sh:path :date ; sh:or ( :IsDate :IsYear ) ] ;
                sh:property [ sh:path :partner ; sh:class :Organisation ] ;
                sh:property [ sh:path :kind ; sh:qualifiedValueShape :Kinds ; sh:qualifiedMinCount 1 ; sh:qualifiedMaxCount 1 ] ;
                sh:property [ sh:path :part ; sh:qualifiedValueShape :Small ; sh:qualifiedMinCount 1 ;
                              sh:qualifiedValueShapesDisjoint true ] ;
                sh:property [ sh:path :part ; sh:qualifiedValueShape :Large ; sh:qualifiedMinCount 1 ;
                              sh:qualifiedValueShapesDisjoint true ] .
            :IsDate sh:datatype xsd:date .
            :IsYear sh:datatype xsd:gYear .
            :Kinds sh:in ( :Red :Blue ) .
            :Small sh:maxInclusive 10 .
            :Large sh:minInclusive 5 .
            """;

    /** Conforming things and, one fault each, things that are not; :University is an :Organisation only by rdfs. */
    private static final String DATA = PREFIXES + """
            :University rdfs:subClassOf :Organisation .
            :ok a :Thing ; :date "2024-01-02"^^xsd:date , "2024"^^xsd:gYear ; :partner :org , :uni ; :kind :Red , :Green ;
                :part 3 , 20 ; :status :Active .
            :org a :Organisation .
            :uni a :University .
            :badDate a :Thing ; :date "January" ; :kind :Blue ; :part 3 , 20 .
            :badPartner a :Thing ; :partner :nobody , "a literal" ; :kind :Red ; :part 3 , 20 .
            :noKind a :Thing ; :kind :Green ; :part 3 , 20 .
            :twoKinds a :Thing ; :kind :Red , :Blue ; :part 3 , 20 .
            :overlappingParts a :Thing ; :kind :Red ; :part 7 .
            :withdrawn a :Thing ; :kind :Red ; :part 3 , 20 ; :status :Active , :Withdrawn .
            """;

    private static Graph graph(String turtle) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle).lang(Lang.TURTLE).parse(graph);
        return graph;
    }

    private static List<String> describe(Collection<ReportEntry> entries) {
        return entries.stream().map(e -> e.severity() + " " + e.focusNode() + " " + e.resultPath() + " " + e.value() + " "
                + e.sourceConstraintComponent() + " " + e.message()).sorted().toList();
    }

    private static Set<String> constraintClasses(Shapes shapes) {
        return shapes.getShapeMap().values().stream()
                .flatMap(s -> java.util.stream.Stream.concat(s.getConstraints().stream(),
                        s.getPropertyShapes().stream().flatMap(p -> p.getConstraints().stream())))
                .map(c -> c.getClass().getSimpleName()).collect(Collectors.toSet());
    }

    @Test
    void reportsWhatJenaReportsForEveryReplacedConstraint() {
        Shapes shapes = Shapes.parse(graph(SHAPES));
        Graph data = graph(DATA);
        List<String> jena = describe(ShaclValidator.get().validate(shapes, data).getEntries());
        List<String> ours = describe(new ShaclCheck(shapes).validate(data));
        assertEquals(jena, ours);
        String all = String.join("\n", jena);
        for (String fault : List.of("badDate", "badPartner", "noKind", "twoKinds", "overlappingParts",
                "withdrawn")) {
            assertTrue(all.contains("http://example.org/" + fault + " "), fault + " is reported:\n" + all);
        }
        for (String component : List.of("OrConstraintComponent", "NotConstraintComponent", "ClassConstraintComponent",
                "QualifiedMinCountConstraintComponent", "QualifiedMaxCountConstraintComponent")) {
            assertTrue(all.contains(component), component + " is reported:\n" + all);
        }
        assertFalse(all.contains("example.org/ok "), ":ok conforms (its partner :uni by rdfs:subClassOf):\n" + all);
    }

    @Test
    void replacesOrNotClassAndPlainQualifiedShapesInANewParse() {
        Shapes given = Shapes.parse(graph(SHAPES));
        Shapes quick = ShapeShortcuts.of(given);
        assertEquals(Set.of("QuickOr", "QuickNot", "HasValueConstraint", "QuickClass", "QuickQualifiedValueShape", "QualifiedValueShape",
                "DatatypeConstraint", "InConstraint", "ValueMaxInclusiveConstraint", "ValueMinInclusiveConstraint"),
                constraintClasses(quick), "disjoint qualified shapes stay Jena's");
        assertTrue(constraintClasses(given).containsAll(Set.of("ShOr", "ShNot", "ClassConstraint")), "the shapes given are unchanged");
    }

    @Test
    void coversTheConstraintsOfTheCoopShapes() {
        Set<String> used = constraintClasses(ShapeShortcuts.of(Ontology.shapes()));
        assertTrue(used.containsAll(Set.of("QuickOr", "QuickNot", "QuickClass", "QuickQualifiedValueShape")), used.toString());
        assertFalse(used.contains("ShOr") || used.contains("ShNot") || used.contains("ClassConstraint"), used.toString());
    }
}

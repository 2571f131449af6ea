package org.coopkg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.TurtleDocumentFormat;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLDocumentFormat;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.reasoner.OWLReasoner;

/**
 * Checks {@code ontology/coop.ttl}: it is OWL 2 DL, consistent and without unsatisfiable classes, every coop
 * term is documented, and the header is complete; and {@code ontology/shapes.ttl} parses as SHACL with a
 * curator-facing message on every shape.
 */
class OntologyTest {
    static final Path ONTOLOGY_FILE = Path.of("ontology", "coop.ttl");
    static final Path SHAPES_FILE = Path.of("ontology", "shapes.ttl");
    static final String NS = "https://w3id.org/coop-kg/ontology#";
    static final String ONTOLOGY_IRI = "https://w3id.org/coop-kg/ontology";

    private static final String VANN = "http://purl.org/vocab/vann/";

    private static OWLOntology owlOntology;
    private static Model model;

    @BeforeAll
    static void load() throws Exception {
        assertTrue(Files.isRegularFile(ONTOLOGY_FILE), "missing " + ONTOLOGY_FILE.toAbsolutePath());
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        owlOntology = manager.loadOntologyFromOntologyDocument(
                new FileDocumentSource(ONTOLOGY_FILE.toFile(), new TurtleDocumentFormat()));
        model = RDFDataMgr.loadModel(ONTOLOGY_FILE.toString());
    }

    @Test
    void parsedAsOwlWithTheCoopTerms() {
        assertEquals(ONTOLOGY_IRI, owlOntology.getOntologyID().getOntologyIRI().map(Object::toString).orElse(""));
        long coopClasses = owlOntology.classesInSignature().filter(c -> c.getIRI().toString().startsWith(NS)).count();
        assertTrue(coopClasses >= 60, "only " + coopClasses + " coop classes were parsed");
        // Triples the OWL API cannot map to axioms would otherwise be dropped silently.
        OWLDocumentFormat format = owlOntology.getOWLOntologyManager().getOntologyFormat(owlOntology);
        assertTrue(format instanceof TurtleDocumentFormat, "parsed as " + format);
        List<String> unparsed = format.getOntologyLoaderMetaData()
                .map(meta -> meta.getUnparsedTriples().map(Object::toString).toList())
                .orElse(List.of());
        assertTrue(unparsed.isEmpty(), "triples the OWL API could not parse:\n" + String.join("\n", unparsed));
    }

    @Test
    void isInOwl2DlProfile() {
        OWLProfileReport report = new OWL2DLProfile().checkOntology(owlOntology);
        List<OWLProfileViolation> violations = report.getViolations();
        if (!violations.isEmpty()) {
            fail(violations.size() + " OWL 2 DL profile violations:\n" + violations.stream()
                    .map(OWLProfileViolation::toString).collect(Collectors.joining("\n")));
        }
    }

    @Test
    void isConsistentWithoutUnsatisfiableClasses() {
        OWLReasoner reasoner = new ReasonerFactory().createReasoner(owlOntology);
        try {
            assertTrue(reasoner.isConsistent(), "HermiT finds the ontology inconsistent");
            Set<String> unsatisfiable = reasoner.getUnsatisfiableClasses().getEntitiesMinusBottom().stream()
                    .map(OWLClass::getIRI).map(Object::toString).collect(Collectors.toCollection(TreeSet::new));
            assertTrue(unsatisfiable.isEmpty(), "unsatisfiable classes: " + unsatisfiable);
        } finally {
            reasoner.dispose();
        }
    }

    @Test
    void everyCoopTermIsDocumented() {
        Resource ontology = model.createResource(ONTOLOGY_IRI);
        List<String> problems = new ArrayList<>();
        Set<Resource> terms = coopTerms();
        assertTrue(terms.size() > 100, "only " + terms.size() + " coop terms found");
        for (Resource term : terms) {
            List<String> missing = new ArrayList<>();
            if (!hasEnglish(term, RDFS.label)) missing.add("rdfs:label @en");
            if (!hasEnglish(term, SKOS.definition) && !hasEnglish(term, RDFS.comment)) {
                missing.add("skos:definition or rdfs:comment @en");
            }
            if (!term.hasProperty(RDFS.isDefinedBy, ontology)) missing.add("rdfs:isDefinedBy <" + ONTOLOGY_IRI + ">");
            if (!missing.isEmpty()) problems.add(term.getLocalName() + " lacks " + String.join(", ", missing));
        }
        assertTrue(problems.isEmpty(), problems.size() + " undocumented terms:\n" + String.join("\n", problems));
    }

    @Test
    void headerIsComplete() {
        Resource ontology = model.createResource(ONTOLOGY_IRI);
        assertTrue(ontology.hasProperty(RDF.type, OWL2.Ontology), "the ontology is not typed owl:Ontology");
        List<String> missing = new ArrayList<>();
        requireLiteral(ontology, DCTerms.title, null, missing);
        requireLiteral(ontology, DCTerms.description, null, missing);
        requireLiteral(ontology, DCTerms.creator, "coop-kg contributors", missing);
        requireLiteral(ontology, DCTerms.created, null, missing);
        requireLiteral(ontology, OWL2.versionInfo, "0.1.0", missing);
        requireLiteral(ontology, ResourceFactory.createProperty(VANN + "preferredNamespacePrefix"), "coop", missing);
        requireLiteral(ontology, ResourceFactory.createProperty(VANN + "preferredNamespaceUri"), NS, missing);
        if (!ontology.hasProperty(DCTerms.license,
                model.createResource("https://creativecommons.org/licenses/by/4.0/"))) {
            missing.add("dcterms:license <https://creativecommons.org/licenses/by/4.0/>");
        }
        if (!ontology.hasProperty(OWL2.versionIRI, model.createResource(ONTOLOGY_IRI + "/0.1.0"))) {
            missing.add("owl:versionIRI <" + ONTOLOGY_IRI + "/0.1.0>");
        }
        assertTrue(missing.isEmpty(), "header lacks: " + missing);
        assertEquals(ONTOLOGY_IRI + "/0.1.0", owlOntology.getOntologyID().getVersionIRI()
                .map(Object::toString).orElse(""), "OWL API does not see the version IRI");
    }

    @Test
    void hasNoImports() {
        assertFalse(model.listStatements(null, OWL2.imports, (RDFNode) null).hasNext(), "owl:imports is not wanted");
    }

    @Test
    void valueQualifiersAreAConceptScheme() {
        Resource scheme = model.createResource(NS + "ValueQualifiers");
        assertTrue(scheme.hasProperty(RDF.type, SKOS.ConceptScheme));
        for (String name : List.of("MoreThan", "Exactly", "About")) {
            Resource qualifier = model.createResource(NS + name);
            assertTrue(qualifier.hasProperty(RDF.type, model.createResource(NS + "ValueQualifier")), name);
            assertTrue(qualifier.hasProperty(RDF.type, OWL2.NamedIndividual), name);
            assertTrue(qualifier.hasProperty(SKOS.inScheme, scheme), name);
        }
    }

    @Test
    void shapesParseAndEveryShapeHasAMessage() {
        assertTrue(Files.isRegularFile(SHAPES_FILE), "missing " + SHAPES_FILE.toAbsolutePath());
        Graph graph = RDFDataMgr.loadGraph(SHAPES_FILE.toString());
        Shapes shapes = Shapes.parse(graph);
        assertTrue(shapes.numRootShapes() >= 15, "only " + shapes.numRootShapes() + " shapes with targets");

        // One graph for both views, so that blank nodes are shared.
        Model shapesModel = org.apache.jena.rdf.model.ModelFactory.createModelForGraph(graph);
        Set<Resource> all = new java.util.LinkedHashSet<>();
        shapesModel.listSubjectsWithProperty(RDF.type, shapesModel.createResource(SHACL.NodeShape.getURI()))
                .forEach(all::add);
        shapesModel.listSubjectsWithProperty(RDF.type, shapesModel.createResource(SHACL.PropertyShape.getURI()))
                .forEach(all::add);
        shapesModel.listSubjectsWithProperty(property(SHACL.path)).forEach(all::add);
        shapesModel.listObjectsOfProperty(property(SHACL.property)).forEach(o -> all.add(o.asResource()));
        for (Node n : List.of(SHACL.node, SHACL.qualifiedValueShape, SHACL.not)) {
            shapesModel.listObjectsOfProperty(property(n)).forEach(o -> all.add(o.asResource()));
        }
        for (Node n : List.of(SHACL.or, SHACL.and, SHACL.xone)) {
            shapesModel.listObjectsOfProperty(property(n)).forEach(list -> list.as(org.apache.jena.rdf.model.RDFList.class)
                    .iterator().forEachRemaining(member -> all.add(member.asResource())));
        }
        // Jena's own view of the shapes, including those it found nested.
        shapes.getShapeMap().keySet().forEach(n -> all.add(shapesModel.wrapAsResource(n)));

        Property message = property(SHACL.message);
        List<String> withoutMessage = all.stream()
                .filter(s -> !s.hasProperty(message))
                .map(OntologyTest::describeShape)
                .sorted()
                .toList();
        assertTrue(withoutMessage.isEmpty(), withoutMessage.size() + " shapes without sh:message:\n"
                + String.join("\n", withoutMessage));
        List<String> unnamed = all.stream()
                .filter(s -> !s.hasProperty(property(SHACL.name)) && !s.hasProperty(RDFS.label))
                .map(OntologyTest::describeShape)
                .sorted()
                .toList();
        assertTrue(unnamed.isEmpty(), unnamed.size() + " shapes without sh:name or rdfs:label:\n"
                + String.join("\n", unnamed));
    }

    @Test
    void shapesOnlyUseOntologyTerms() {
        Model shapesModel = RDFDataMgr.loadModel(SHAPES_FILE.toString());
        Set<String> declared = coopTerms().stream().map(Resource::getURI).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>();
        shapesModel.listStatements().forEachRemaining(st -> {
            for (RDFNode n : List.of(st.getSubject(), st.getPredicate(), st.getObject())) {
                if (n.isURIResource() && n.asResource().getURI().startsWith(NS)
                        && !declared.contains(n.asResource().getURI())) {
                    unknown.add(n.asResource().getURI());
                }
            }
        });
        assertTrue(unknown.isEmpty(), "shapes use terms the ontology does not declare: " + unknown);
    }

    /** Subjects in the coop namespace declared as a class, property or named individual. */
    private static Set<Resource> coopTerms() {
        Set<Resource> terms = new java.util.LinkedHashSet<>();
        for (Resource type : List.of(OWL2.Class, OWL2.ObjectProperty, OWL2.DatatypeProperty, OWL2.NamedIndividual)) {
            model.listSubjectsWithProperty(RDF.type, type)
                    .filterKeep(r -> r.isURIResource() && r.getURI().startsWith(NS))
                    .forEach(terms::add);
        }
        return terms;
    }

    private static boolean hasEnglish(Resource term, Property property) {
        return term.listProperties(property).toList().stream()
                .map(Statement::getObject)
                .anyMatch(o -> o.isLiteral() && "en".equals(o.asLiteral().getLanguage())
                        && !o.asLiteral().getString().isBlank());
    }

    private static void requireLiteral(Resource subject, Property property, String expected, List<String> missing) {
        List<Literal> values = subject.listProperties(property).toList().stream()
                .map(Statement::getObject).filter(RDFNode::isLiteral).map(RDFNode::asLiteral).toList();
        boolean ok = expected == null
                ? values.stream().anyMatch(l -> !l.getLexicalForm().isBlank())
                : values.stream().anyMatch(l -> l.getLexicalForm().equals(expected));
        if (!ok) missing.add(property.getLocalName() + (expected == null ? "" : " \"" + expected + "\""));
    }

    private static Property property(Node node) {
        return ResourceFactory.createProperty(node.getURI());
    }

    private static String describeShape(Resource shape) {
        if (shape.isURIResource()) return shape.getURI();
        Statement path = shape.getProperty(property(SHACL.path));
        return "[] " + (path == null ? "(no path)" : "sh:path " + path.getObject());
    }
}

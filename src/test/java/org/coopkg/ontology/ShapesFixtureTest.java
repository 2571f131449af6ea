package org.coopkg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.P_Link;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates two tiny data graphs, written as the loader and the materialiser would write them, against
 * {@code ontology/shapes.ttl} (with {@code ontology/coop.ttl} in the data graph, so that sh:class sees the
 * class hierarchy): one that conforms, and one with known curation mistakes whose results must point at
 * the right entities and name the CSV file and column to fix.
 */
class ShapesFixtureTest {
    private static final String ID = "http://example.org/coop/id/";
    private static final String COOP = OntologyTest.NS;
    private static final String SHAPES = "https://w3id.org/coop-kg/shapes#";

    private static final String PREFIXES = """
            @prefix coop:    <https://w3id.org/coop-kg/ontology#> .
            @prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
            @prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
            @prefix prov:    <http://www.w3.org/ns/prov#> .
            @prefix src:     <http://example.org/coop/id/source/> .
            @prefix place:   <http://example.org/coop/id/place/> .
            @prefix orgn:    <http://example.org/coop/id/organisation/> .
            @prefix person:  <http://example.org/coop/id/person/> .
            @prefix post:    <http://example.org/coop/id/post/> .
            @prefix fac:     <http://example.org/coop/id/facility/> .
            @prefix proj:    <http://example.org/coop/id/project/> .
            @prefix agr:     <http://example.org/coop/id/agreement/> .
            @prefix party:   <http://example.org/coop/id/party/> .
            @prefix event:   <http://example.org/coop/id/event/> .
            @prefix fig:     <http://example.org/coop/id/figure/> .
            @prefix lab:     <http://example.org/coop/id/lab/> .
            @prefix concept: <http://example.org/coop/id/concept/> .
            @prefix scheme:  <http://example.org/coop/id/scheme/> .
            @prefix a:       <http://example.org/coop/id/assertion/> .
            """;

    /** Curated rows of every kind, with the inverses and sub-property values the materialiser adds. */
    private static final String CONFORMING = """
            src:article a coop:Article ;
                rdfs:label "Science diplomacy in 2025"@en ;
                coop:byline "By A. Writer" ;
                coop:date "2025-06-12"^^xsd:date .

            place:china a coop:Country ; rdfs:label "China"@en ; coop:isoCode "CN" .
            place:italy a coop:Country ; rdfs:label "Italy"@en ; coop:isoCode "IT" .
            place:beijing a coop:City ; rdfs:label "Beijing"@en ; coop:within place:china .

            orgn:cas a coop:Academy ;
                rdfs:label "Chinese Academy of Sciences"@en ;
                skos:altLabel "CAS"@en ;
                coop:country place:china ;
                coop:locatedIn place:beijing , place:china .
            orgn:naoc a coop:ResearchInstitute ;
                rdfs:label "National Astronomical Observatories"@en ;
                coop:subOrganisationOf orgn:cas ;
                coop:country place:china .

            person:wang a coop:Person ;
                rdfs:label "Wang Wei"@en ;
                coop:honorific "Professor" ;
                coop:occupation "astronomer"@en ;
                coop:nationality place:china .

            concept:director a coop:Role ; rdfs:label "director"@en ; skos:inScheme scheme:roles .
            concept:signatory a coop:PartyRole ; rdfs:label "signatory"@en ; skos:inScheme scheme:party-roles .
            concept:astronomy a coop:Topic ; rdfs:label "astronomy"@en ; skos:inScheme scheme:topics .

            post:wang-director a coop:Post ;
                rdfs:label "Wang Wei, director, National Astronomical Observatories"@en ;
                coop:holder person:wang ;
                coop:role concept:director ;
                coop:postIn orgn:naoc ;
                coop:postTitle "director general"@en ;
                coop:former false ;
                coop:startDate "2020"^^xsd:gYear .
            person:wang coop:holds post:wang-director ; coop:affiliatedWith orgn:naoc .

            fac:fast a coop:RadioTelescope ;
                rdfs:label "FAST"@en ;
                coop:hostCountry place:china ;
                coop:locatedIn place:china ;
                coop:operator orgn:naoc ;
                coop:launchDate "2016-09-25"^^xsd:date ;
                coop:startDate "2016-09-25"^^xsd:date .

            proj:bri a coop:Initiative ;
                rdfs:label "Belt and Road Initiative"@en ;
                coop:initiatorCountry place:china ;
                coop:initiator place:china ;
                coop:startDate "2013"^^xsd:gYear ;
                coop:status "ongoing" .
            proj:ska a coop:BigScienceProgramme ;
                rdfs:label "Square Kilometre Array"@en ;
                coop:lead orgn:cas ;
                coop:participant orgn:cas , place:italy ;
                coop:participantCountry place:italy ;
                coop:underFramework proj:bri ;
                coop:usesInstrument fac:fast ;
                coop:topic concept:astronomy ;
                coop:dateNote "mid-May" .

            event:forum a coop:Forum ;
                rdfs:label "Belt and Road Science Forum"@en ;
                coop:startDate "2025-05"^^xsd:gYearMonth ;
                coop:endDate "2025-06"^^xsd:gYearMonth ;
                coop:date "2025-05"^^xsd:gYearMonth , "2025-06"^^xsd:gYearMonth ;
                coop:heldIn place:beijing ;
                coop:organiser orgn:cas ;
                coop:participant orgn:cas .
            event:biodiversity-day a coop:Observance ;
                rdfs:label "International Biodiversity Day"@en ;
                coop:date "--05-22"^^xsd:gMonthDay ;
                coop:subEventOf event:forum .

            agr:mou a coop:MemorandumOfUnderstanding ;
                rdfs:label "Memorandum on radio astronomy"@en ;
                coop:signingDate "--06-12"^^xsd:gMonthDay ;
                coop:signingEvent event:forum ;
                coop:agreementSubject proj:ska ;
                coop:renewal false ;
                coop:hasParty party:mou-cas , party:mou-italy ;
                coop:agreementParty orgn:cas , place:italy .
            party:mou-cas a coop:AgreementParty ;
                rdfs:label "Chinese Academy of Sciences, party to Memorandum on radio astronomy"@en ;
                coop:partyIn agr:mou ;
                coop:party orgn:cas ;
                coop:partyRole concept:signatory .
            party:mou-italy a coop:AgreementParty ;
                rdfs:label "Italy, party to Memorandum on radio astronomy"@en ;
                coop:partyIn agr:mou ;
                coop:party place:italy .

            fig:ties a coop:Indicator ;
                rdfs:label "Countries with sci-tech cooperation ties"@en ;
                coop:value 160 ;
                coop:qualifier coop:MoreThan ;
                coop:counts "countries and regions with sci-tech cooperation ties"@en ;
                coop:indicatorSubject place:china ;
                coop:asOf "2025"^^xsd:gYear ;
                coop:date "2025"^^xsd:gYear .

            lab:astro a coop:JointLaboratory ;
                rdfs:label "China-Italy Joint Laboratory for Radio Astronomy"@en ;
                coop:partnerCountry place:china , place:italy ;
                coop:participantCountry place:china , place:italy ;
                coop:participant place:china , place:italy ;
                coop:underFramework proj:bri ;
                coop:launchDate "2019-03"^^xsd:gYearMonth .
            """
            + assertion("places.csv", 2, "place:china")
            + assertion("places.csv", 3, "place:italy")
            + assertion("places.csv", 4, "place:beijing")
            + assertion("organisations.csv", 2, "orgn:cas")
            + assertion("organisations.csv", 3, "orgn:naoc")
            + assertion("people.csv", 2, "person:wang")
            + assertion("concepts.csv", 4, "concept:astronomy")
            + assertion("posts.csv", 2, "post:wang-director")
            + assertion("facilities.csv", 2, "fac:fast")
            + assertion("projects.csv", 2, "proj:bri")
            + assertion("projects.csv", 3, "proj:ska")
            + assertion("events.csv", 2, "event:forum")
            + assertion("events.csv", 3, "event:biodiversity-day")
            + assertion("agreements.csv", 2, "agr:mou")
            + assertion("agreement-parties.csv", 2, "party:mou-cas")
            + assertion("agreement-parties.csv", 3, "party:mou-italy")
            + assertion("figures.csv", 2, "fig:ties")
            + assertion("labs.csv", 2, "lab:astro")
            + assertion("relations.csv", 2, "proj:ska");

    /** Rows with curation mistakes, added to the conforming rows. */
    private static final String MISTAKES = """
            agr:lonely a coop:CooperationAgreement ;
                rdfs:label "Agreement with one party"@en ;
                coop:hasParty party:lonely-cas .
            party:lonely-cas a coop:AgreementParty ;
                rdfs:label "Chinese Academy of Sciences, party to Agreement with one party"@en ;
                coop:partyIn agr:lonely ;
                coop:party orgn:cas .

            fig:vague a coop:Indicator ;
                rdfs:label "Vague figure"@en ;
                coop:value "over 160" ;
                coop:qualifier coop:About ;
                coop:counts "joint projects"@en .

            place:prc a coop:Country ;
                rdfs:label "People's Republic of China"@en ;
                coop:isoCode "chn" .

            event:open-ended a coop:Conference ;
                rdfs:label "Conference without a start"@en ;
                coop:endDate "2025-05-03"^^xsd:date ;
                coop:date "2025-05-03"^^xsd:date .

            post:two-roles a coop:Post ;
                rdfs:label "Wang Wei"@en ;
                coop:holder person:wang ;
                coop:role concept:director , concept:signatory .
            """
            + assertion("agreements.csv", 3, "agr:lonely")
            + assertion("agreement-parties.csv", 4, "party:lonely-cas")
            + assertion("figures.csv", 3, "fig:vague")
            + assertion("places.csv", 5, "place:prc")
            + assertion("events.csv", 4, "event:open-ended")
            + assertion("posts.csv", 3, "post:two-roles");

    private static Shapes shapes;
    private static Graph ontology;

    @BeforeAll
    static void load() {
        shapes = Shapes.parse(RDFDataMgr.loadGraph(OntologyTest.SHAPES_FILE.toString()));
        ontology = RDFDataMgr.loadGraph(OntologyTest.ONTOLOGY_FILE.toString());
    }

    @Test
    void conformingFixtureConforms() {
        ValidationReport report = ShaclValidator.get().validate(shapes, data(CONFORMING));
        assertTrue(report.conforms(), "the conforming fixture has results:\n" + describe(report.getEntries()));
    }

    @Test
    void conformingFixtureReachesEveryEntityShape() {
        // The conforming result means something only if each entity-kind shape has focus nodes in it.
        Graph graph = data(CONFORMING);
        List<String> kinds = List.of("Place", "Organisation", "JointLaboratory", "Person", "Post", "Facility",
                "Project", "Agreement", "AgreementParty", "Event", "Indicator", "Topic", "Role", "PartyRole",
                "ValueQualifier", "SourceDocument", "Country", "Assertion", "DescribedEntity",
                "ParticipantRelation", "LeadRelation", "OrganiserRelation", "UsesInstrumentRelation",
                "TopicRelation");
        List<String> idle = kinds.stream()
                .filter(kind -> {
                    Shape shape = shapes.getShape(NodeFactory.createURI(SHAPES + kind + "Shape"));
                    assertNotNull(shape, "no shape coopsh:" + kind + "Shape");
                    return VLib.focusNodes(graph, shape).isEmpty();
                })
                .toList();
        assertTrue(idle.isEmpty(), "shapes without focus nodes in the conforming fixture: " + idle);
    }

    @Test
    void mistakesAreReportedOnTheRightEntitiesWithCuratorMessages() {
        ValidationReport report = ShaclValidator.get().validate(shapes, data(CONFORMING + MISTAKES));
        assertFalse(report.conforms());
        List<ReportEntry> entries = List.copyOf(report.getEntries());

        record Expected(String path, String file, String column) {}
        Map<String, Expected> expected = new LinkedHashMap<>();
        expected.put(ID + "agreement/lonely", new Expected(COOP + "hasParty", "agreement-parties.csv", "`agreement`"));
        expected.put(ID + "figure/vague", new Expected(COOP + "value", "figures.csv", "`value`"));
        expected.put(ID + "place/prc", new Expected(COOP + "isoCode", "places.csv", "`iso_code`"));
        expected.put(ID + "event/open-ended", new Expected(null, "events.csv", "`start_date`"));
        expected.put(ID + "post/two-roles", new Expected(COOP + "role", "posts.csv", "`role`"));

        Set<String> focusNodes = entries.stream().map(e -> e.focusNode().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(expected.keySet()), focusNodes, "focus nodes of the results:\n" + describe(entries));

        expected.forEach((focus, want) -> {
            List<ReportEntry> mine = entries.stream().filter(e -> e.focusNode().toString().equals(focus)).toList();
            List<ReportEntry> matching = mine.stream()
                    .filter(e -> want.path() == null ? e.resultPath() == null : pathIs(e, want.path()))
                    .toList();
            assertFalse(matching.isEmpty(), "no result on " + focus + " with path " + want.path() + ":\n" + describe(mine));
            for (ReportEntry e : matching) {
                assertEquals(Severity.Violation, e.severity(), focus);
                String message = e.message();
                assertTrue(message != null && message.contains(want.file()) && message.contains(want.column()),
                        "the message for " + focus + " should name " + want.file() + " and " + want.column() + ": "
                                + message);
            }
        });
    }

    @Test
    void agreementWithOnePartyFailsTheMinimumOfTwoParties() {
        ValidationReport report = ShaclValidator.get().validate(shapes, data(CONFORMING + MISTAKES));
        Node lonely = NodeFactory.createURI(ID + "agreement/lonely");
        List<ReportEntry> results = report.getEntries().stream()
                .filter(e -> e.focusNode().equals(lonely)).toList();
        assertEquals(1, results.size(), describe(results));
        assertEquals("http://www.w3.org/ns/shacl#MinCountConstraintComponent",
                results.get(0).sourceConstraintComponent().getURI());
    }

    private static boolean pathIs(ReportEntry entry, String property) {
        return entry.resultPath() instanceof P_Link link && link.getNode().getURI().equals(property);
    }

    private static Graph data(String turtle) {
        Graph graph = GraphFactory.createDefaultGraph();
        GraphUtil.addInto(graph, ontology);
        RDFParser.fromString(PREFIXES + turtle, Lang.TURTLE).parse(graph);
        return graph;
    }

    /** The assertion node the loader writes for a curated row. */
    private static String assertion(String file, int line, String entity) {
        String name = file.replace(".csv", "") + "-" + line;
        return """
                a:%s a coop:Assertion ;
                    coop:describes %s ;
                    prov:wasDerivedFrom src:article ;
                    coop:evidence "A quote from the article that states the facts of the row." ;
                    coop:support coop:Stated ;
                    coop:sourceFile "%s" ;
                    coop:sourceLine %d .
                """.formatted(name, entity, file, line);
    }

    private static String describe(java.util.Collection<ReportEntry> entries) {
        return entries.stream()
                .map(e -> e.focusNode() + " " + e.resultPath() + " " + e.sourceConstraintComponent() + ": " + e.message())
                .collect(Collectors.joining("\n"));
    }
}

package org.coopkg.load;

import static org.coopkg.load.LoadFixtures.CONCEPT_SCHEMES;
import static org.coopkg.load.LoadFixtures.NAMES;
import static org.coopkg.load.LoadFixtures.assertError;
import static org.coopkg.load.LoadFixtures.assertIsomorphic;
import static org.coopkg.load.LoadFixtures.errorsOf;
import static org.coopkg.load.LoadFixtures.onlyErrorOf;
import static org.coopkg.load.LoadFixtures.tables;
import static org.coopkg.load.LoadFixtures.trig;
import static org.coopkg.load.LoadFixtures.turtle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Locale;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.coopkg.core.DataError;
import org.coopkg.core.DataException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mapper from curated tables to named graphs. Inputs are tiny inline CSV files; expected output is
 * inline TriG or Turtle, compared by graph isomorphism. Each kind of bad input has its own test asserting
 * the problem's file, line, column, rule and message.
 */
class CuratedDataMapperTest {

    /** The few ontology terms the fixtures use; relations may only use declared object properties. */
    private static final Graph ONTOLOGY = turtle("""
            coop:participant a owl:ObjectProperty .
            coop:organiser   a owl:ObjectProperty .
            coop:isoCode     a owl:DatatypeProperty .
            """);

    private static final String SOURCES = """
            id,type,title
            article,Article,Science diplomacy in 2025
            """;

    private static final String CHINA = """
            id,type,label,source,evidence,support
            china,Country,China,article,China and 160 countries,stated
            """;

    private static final String FORUM = """
            id,type,label,source,evidence,support
            forum,Forum,Science forum,article,at the science forum,stated
            """;

    /** Metadata common to fixtures built on {@link #SOURCES} and {@link #CHINA}. */
    private static final String SOURCE_AND_CHINA_TRIG = CONCEPT_SCHEMES + """
            GRAPH <graph/metadata> {
                <id/source/article> a coop:Article ;
                    rdfs:label "Science diplomacy in 2025"@en ;
                    dcterms:title "Science diplomacy in 2025"@en .
                <id/assertion/place-china> a coop:Assertion ; coop:support coop:Stated ;
                    coop:describes <id/place/china> ;
                    prov:wasDerivedFrom <id/source/article> ;
                    coop:evidence "China and 160 countries" ;
                    coop:sourceFile "places.csv" ;
                    coop:sourceLine 2 .
            }
            GRAPH <id/assertion/place-china> {
                <id/place/china> a coop:Country ; rdfs:label "China"@en .
            }
            """;

    private static DatasetGraph map(String... fileAndText) throws DataException {
        DatasetGraph dataset = DatasetGraphFactory.create();
        new CuratedDataMapper(NAMES, ONTOLOGY).map(tables(fileAndText)).forEach(dataset::add);
        return dataset;
    }

    /** Maps fixtures that must be valid. */
    private static DatasetGraph mapValid(String... fileAndText) {
        try {
            return map(fileAndText);
        } catch (DataException e) {
            return fail("the fixtures should map without problems:\n" + e.getMessage());
        }
    }

    private static DataError mapError(String... fileAndText) {
        return onlyErrorOf(() -> map(fileAndText));
    }

    private static Graph graph(DatasetGraph dataset, String assertionName) {
        return dataset.getGraph(NodeFactory.createURI(NAMES.assertion(assertionName)));
    }

    @Nested
    class Output {
        @Test
        void placesWithTheirSourceAndAssertionDescriptions() {
            DatasetGraph actual = mapValid(
                    "sources.csv", SOURCES,
                    "places.csv", """
                            id,type,label,alt_labels,within,iso_code,source,evidence,support
                            china,Country,China,PRC|People's Republic of China,,CN,article,China and 160 countries,stated
                            yunnan,Province,Yunnan,,china,,article,"Kunming, Yunnan",stated
                            """);
            DatasetGraph expected = trig(CONCEPT_SCHEMES + """
                    GRAPH <graph/metadata> {
                        <id/source/article> a coop:Article ;
                            rdfs:label "Science diplomacy in 2025"@en ;
                            dcterms:title "Science diplomacy in 2025"@en .

                        <id/assertion/place-china> a coop:Assertion ; coop:support coop:Stated ;
                            coop:describes <id/place/china> ;
                            prov:wasDerivedFrom <id/source/article> ;
                            coop:evidence "China and 160 countries" ;
                            coop:sourceFile "places.csv" ;
                            coop:sourceLine "2"^^xsd:integer .

                        <id/assertion/place-yunnan> a coop:Assertion ; coop:support coop:Stated ;
                            coop:describes <id/place/yunnan> ;
                            prov:wasDerivedFrom <id/source/article> ;
                            coop:evidence "Kunming, Yunnan" ;
                            coop:sourceFile "places.csv" ;
                            coop:sourceLine 3 .
                    }
                    GRAPH <id/assertion/place-china> {
                        <id/place/china> a coop:Country ;
                            rdfs:label "China"@en ;
                            skos:altLabel "PRC"@en, "People's Republic of China"@en ;
                            coop:isoCode "CN" .
                    }
                    GRAPH <id/assertion/place-yunnan> {
                        <id/place/yunnan> a coop:Province ;
                            rdfs:label "Yunnan"@en ;
                            coop:within <id/place/china> .
                    }
                    """);
            assertIsomorphic(expected, actual);
        }

        @Test
        void dateWithoutYearAndRangeWithoutYear() {
            DatasetGraph actual = mapValid(
                    "sources.csv", SOURCES,
                    "events.csv", """
                            id,type,label,date,start_date,end_date,source,evidence,support
                            visit,DelegationVisit,Delegation visit,--06-12,,,article,On June 12 a delegation,stated
                            forum,Forum,Science forum,,--06-10,--06-12,article,from June 10 to 12,stated
                            """);
            assertIsomorphic(turtle("""
                    <id/event/visit> a coop:DelegationVisit ;
                        rdfs:label "Delegation visit"@en ;
                        coop:date "--06-12"^^xsd:gMonthDay ;
                        coop:hasTime <id/event/visit#time> .
                    <id/event/visit#time> a time:Instant ;
                        time:inDateTime <id/event/visit#time-description> .
                    <id/event/visit#time-description> a time:DateTimeDescription ;
                        time:unitType time:unitDay ;
                        time:month "--06"^^xsd:gMonth ;
                        time:day "---12"^^xsd:gDay .
                    """), graph(actual, "event-visit"));
            assertIsomorphic(turtle("""
                    <id/event/forum> a coop:Forum ;
                        rdfs:label "Science forum"@en ;
                        coop:startDate "--06-10"^^xsd:gMonthDay ;
                        coop:endDate "--06-12"^^xsd:gMonthDay ;
                        coop:hasTime <id/event/forum#time> .
                    <id/event/forum#time> a time:ProperInterval ;
                        time:hasBeginning <id/event/forum#start> ;
                        time:hasEnd <id/event/forum#end> .
                    <id/event/forum#start> a time:Instant ;
                        time:inDateTime <id/event/forum#start-description> .
                    <id/event/forum#start-description> a time:DateTimeDescription ;
                        time:unitType time:unitDay ;
                        time:month "--06"^^xsd:gMonth ;
                        time:day "---10"^^xsd:gDay .
                    <id/event/forum#end> a time:Instant ;
                        time:inDateTime <id/event/forum#end-description> .
                    <id/event/forum#end-description> a time:DateTimeDescription ;
                        time:unitType time:unitDay ;
                        time:month "--06"^^xsd:gMonth ;
                        time:day "---12"^^xsd:gDay .
                    """), graph(actual, "event-forum"));
        }

        @Test
        void datesWithAYearAndAMonthAlone() {
            DatasetGraph actual = mapValid(
                    "sources.csv", SOURCES,
                    "events.csv", """
                            id,type,label,date,start_date,end_date,source,evidence,support
                            signing,SigningCeremony,Signing,2025-06-12,,,article,signed on June 12 2025,stated
                            review,ReviewMeeting,Review,,2019,2023-05,article,from 2019 to May 2023,stated
                            day,Observance,Science day,--06,,,article,every June,stated
                            """);
            assertIsomorphic(turtle("""
                    <id/event/signing> a coop:SigningCeremony ;
                        rdfs:label "Signing"@en ;
                        coop:date "2025-06-12"^^xsd:date ;
                        coop:hasTime <id/event/signing#time> .
                    <id/event/signing#time> a time:Instant ; time:inXSDDate "2025-06-12"^^xsd:date .
                    """), graph(actual, "event-signing"));
            assertIsomorphic(turtle("""
                    <id/event/review> a coop:ReviewMeeting ;
                        rdfs:label "Review"@en ;
                        coop:startDate "2019"^^xsd:gYear ;
                        coop:endDate "2023-05"^^xsd:gYearMonth ;
                        coop:hasTime <id/event/review#time> .
                    <id/event/review#time> a time:ProperInterval ;
                        time:hasBeginning <id/event/review#start> ;
                        time:hasEnd <id/event/review#end> .
                    <id/event/review#start> a time:Instant ; time:inXSDgYear "2019"^^xsd:gYear .
                    <id/event/review#end> a time:Instant ; time:inXSDgYearMonth "2023-05"^^xsd:gYearMonth .
                    """), graph(actual, "event-review"));
            assertIsomorphic(turtle("""
                    <id/event/day> a coop:Observance ;
                        rdfs:label "Science day"@en ;
                        coop:date "--06"^^xsd:gMonth ;
                        coop:hasTime <id/event/day#time> .
                    <id/event/day#time> a time:Instant ;
                        time:inDateTime <id/event/day#time-description> .
                    <id/event/day#time-description> a time:DateTimeDescription ;
                        time:unitType time:unitMonth ;
                        time:month "--06"^^xsd:gMonth .
                    """), graph(actual, "event-day"));
        }

        @Test
        void owlTimeLiteralsDoNotDependOnTheDefaultLocale() {
            Locale original = Locale.getDefault();
            Locale display = Locale.getDefault(Locale.Category.DISPLAY);
            Locale format = Locale.getDefault(Locale.Category.FORMAT);
            DatasetGraph actual;
            try {
                Locale.setDefault(Locale.forLanguageTag("ar-EG"));
                actual = mapValid(
                        "sources.csv", SOURCES,
                        "events.csv", """
                                id,type,label,date,source,evidence,support
                                visit,DelegationVisit,Delegation visit,--06-12,article,On June 12 a delegation,stated
                                """);
            } finally {
                Locale.setDefault(original);
                Locale.setDefault(Locale.Category.DISPLAY, display);
                Locale.setDefault(Locale.Category.FORMAT, format);
            }
            assertIsomorphic(turtle("""
                    <id/event/visit> a coop:DelegationVisit ;
                        rdfs:label "Delegation visit"@en ;
                        coop:date "--06-12"^^xsd:gMonthDay ;
                        coop:hasTime <id/event/visit#time> .
                    <id/event/visit#time> a time:Instant ;
                        time:inDateTime <id/event/visit#time-description> .
                    <id/event/visit#time-description> a time:DateTimeDescription ;
                        time:unitType time:unitDay ;
                        time:month "--06"^^xsd:gMonth ;
                        time:day "---12"^^xsd:gDay .
                    """), graph(actual, "event-visit"));
        }

        @Test
        void postsAndAgreementPartiesGetLabelsFromWhatTheyLink() {
            DatasetGraph actual = mapValid(
                    "sources.csv", SOURCES,
                    "people.csv", """
                            id,label,source,evidence,support
                            wang-li,Wang Li,article,said Wang Li,stated
                            """,
                    "concepts.csv", """
                            id,scheme,label
                            director,roles,Director
                            signatory,party-roles,Signatory
                            """,
                    "organisations.csv", """
                            id,type,label,source,evidence,support
                            cas,Academy,Chinese Academy of Sciences,article,the Chinese Academy of Sciences,stated
                            """,
                    "posts.csv", """
                            id,person,role,organisation,source,evidence,support
                            wang-li-cas,wang-li,director,cas,article,"Wang Li, director at CAS",stated
                            wang-li-director,wang-li,director,,article,director Wang Li,stated
                            """,
                    "agreements.csv", """
                            id,type,label,source,evidence,support
                            cas-mou,MemorandumOfUnderstanding,CAS memorandum,article,signed a memorandum,stated
                            """,
                    "agreement-parties.csv", """
                            id,agreement,party,party_role,source,evidence,support
                            cas-mou-cas,cas-mou,cas,signatory,article,signed a memorandum,stated
                            """);
            assertIsomorphic(turtle("""
                    <id/post/wang-li-cas> a coop:Post ;
                        coop:holder <id/person/wang-li> ;
                        coop:role <id/concept/director> ;
                        coop:postIn <id/organisation/cas> ;
                        rdfs:label "Wang Li, Director, Chinese Academy of Sciences"@en .
                    """), graph(actual, "post-wang-li-cas"));
            assertIsomorphic(turtle("""
                    <id/post/wang-li-director> a coop:Post ;
                        coop:holder <id/person/wang-li> ;
                        coop:role <id/concept/director> ;
                        rdfs:label "Wang Li, Director"@en .
                    """), graph(actual, "post-wang-li-director"));
            assertIsomorphic(turtle("""
                    <id/party/cas-mou-cas> a coop:AgreementParty ;
                        coop:partyIn <id/agreement/cas-mou> ;
                        coop:party <id/organisation/cas> ;
                        coop:partyRole <id/concept/signatory> ;
                        rdfs:label "Chinese Academy of Sciences, party to CAS memorandum"@en .
                    """), graph(actual, "party-cas-mou-cas"));
        }

        @Test
        void conceptsWithoutSourceGoToTheMetadataGraph() {
            DatasetGraph actual = mapValid(
                    "sources.csv", SOURCES,
                    "concepts.csv", """
                            id,scheme,label,source,evidence,support
                            director,roles,Director,,,stated
                            """);
            Graph metadata = actual.getGraph(NodeFactory.createURI(NAMES.metadataGraph()));
            Graph expected = turtle("""
                    <id/concept/director> a coop:Role ;
                        skos:inScheme <id/scheme/roles> ;
                        rdfs:label "Director"@en .
                    """);
            expected.find().forEachRemaining(t -> assertTrue(metadata.contains(t), () -> "missing " + t));
        }

        @Test
        void relationRowBecomesOneTripleInItsOwnAssertionGraph() {
            DatasetGraph actual = mapValid(
                    "sources.csv", SOURCES,
                    "places.csv", CHINA,
                    "events.csv", FORUM,
                    "relations.csv", """
                            subject,property,object,source,evidence,support
                            event/forum,participant,place/china,article,China took part in the forum,stated
                            """);
            // relation-{first 6 bytes of SHA-256("event/forum participant place/china")}: stable across loads.
            DatasetGraph expected = trig(SOURCE_AND_CHINA_TRIG + """
                    GRAPH <graph/metadata> {
                        <id/assertion/event-forum> a coop:Assertion ; coop:support coop:Stated ;
                            coop:describes <id/event/forum> ;
                            prov:wasDerivedFrom <id/source/article> ;
                            coop:evidence "at the science forum" ;
                            coop:sourceFile "events.csv" ;
                            coop:sourceLine 2 .
                        <id/assertion/relation-f0dd48f7642d> a coop:Assertion ; coop:support coop:Stated ;
                            coop:describes <id/event/forum> ;
                            prov:wasDerivedFrom <id/source/article> ;
                            coop:evidence "China took part in the forum" ;
                            coop:sourceFile "relations.csv" ;
                            coop:sourceLine 2 .
                    }
                    GRAPH <id/assertion/event-forum> {
                        <id/event/forum> a coop:Forum ; rdfs:label "Science forum"@en .
                    }
                    GRAPH <id/assertion/relation-f0dd48f7642d> {
                        <id/event/forum> coop:participant <id/place/china> .
                    }
                    """);
            assertIsomorphic(expected, actual);
        }

        @Test
        void externalLinksToWikidataAndGeoNames() {
            DatasetGraph actual = mapValid(
                    "sources.csv", SOURCES,
                    "places.csv", CHINA,
                    "external-links.csv", """
                            entity,dataset,identifier,match,verified_at,verified_on,note
                            place/china,wikidata,Q148,sameAs,https://www.wikidata.org/wiki/Q148,2025-06-12,
                            place/china,geonames,1814991,sameAs,https://www.geonames.org/1814991,2025-06-12,country
                            """);
            DatasetGraph expected = trig(SOURCE_AND_CHINA_TRIG + """
                    GRAPH <graph/metadata> {
                        <https://www.wikidata.org/wiki/Q148> a coop:ReferenceRecord ;
                            rdfs:label "Reference record https://www.wikidata.org/wiki/Q148"@en .
                        <id/assertion/link-place-china-wikidata> a coop:Assertion ; coop:support coop:Stated ;
                            coop:describes <id/place/china> ;
                            prov:wasDerivedFrom <https://www.wikidata.org/wiki/Q148> ;
                            dcterms:created "2025-06-12"^^xsd:date ;
                            coop:sourceFile "external-links.csv" ;
                            coop:sourceLine 2 .

                        <https://www.geonames.org/1814991> a coop:ReferenceRecord ;
                            rdfs:label "Reference record https://www.geonames.org/1814991"@en .
                        <id/assertion/link-place-china-geonames> a coop:Assertion ; coop:support coop:Stated ;
                            coop:describes <id/place/china> ;
                            prov:wasDerivedFrom <https://www.geonames.org/1814991> ;
                            dcterms:created "2025-06-12"^^xsd:date ;
                            coop:sourceFile "external-links.csv" ;
                            coop:sourceLine 3 ;
                            rdfs:comment "country"@en .
                    }
                    GRAPH <id/assertion/link-place-china-wikidata> {
                        <id/place/china> owl:sameAs <http://www.wikidata.org/entity/Q148> .
                    }
                    GRAPH <id/assertion/link-place-china-geonames> {
                        <id/place/china> owl:sameAs <https://sws.geonames.org/1814991/> .
                    }
                    """);
            assertIsomorphic(expected, actual);
        }

        @Test
        void kindSlashIdResolvesAnIdThatSeveralFilesUse() {
            DatasetGraph actual = mapValid(
                    "sources.csv", SOURCES,
                    "organisations.csv", """
                            id,type,label,source,evidence,support
                            li,Company,Li Company,article,Li Company,stated
                            """,
                    "people.csv", """
                            id,label,source,evidence,support
                            li,Li Wei,article,Li Wei,stated
                            """,
                    "projects.csv", """
                            id,type,label,lead,source,evidence,support
                            fast,Project,FAST,person/li,article,led by Li Wei,stated
                            """);
            assertIsomorphic(turtle("""
                    <id/project/fast> a coop:Project ; rdfs:label "FAST"@en ; coop:lead <id/person/li> .
                    """), graph(actual, "project-fast"));
        }

        @Test
        void evidenceOfExactlyTheMaximumLength() {
            String evidence = "e".repeat(AssertionGraphs.MAX_EVIDENCE);
            DatasetGraph actual = mapValid("sources.csv", SOURCES,
                    "places.csv", "id,type,label,source,evidence\nchina,Country,China,article," + evidence + "\n");
            assertTrue(actual.containsGraph(NodeFactory.createURI(NAMES.assertion("place-china"))));
        }
    }

    @Nested
    class Problems {
        @Test
        void unknownColumn() {
            DataError error = mapError("sources.csv", SOURCES, "places.csv", """
                    id,type,label,population,source,evidence,support
                    china,Country,China,1400000000,article,China,stated
                    """);
            assertError(error, "places.csv", 1, 15, "header.unknown-column", "unknown column 'population'",
                    "the columns of places.csv are: id, type, label, alt_labels, within, iso_code, source, evidence");
        }

        @Test
        void missingRequiredColumn() {
            DataError error = mapError("sources.csv", SOURCES, "places.csv", """
                    id,type,source,evidence,support
                    china,Country,article,China,stated
                    """);
            assertError(error, "places.csv", 1, 1, "header.missing-column", "lacks the required column label",
                    "add it to the first row");
        }

        @Test
        void missingRequiredColumns() {
            DataError error = mapError("sources.csv", SOURCES, "places.csv", """
                    id,type
                    china,Country
                    """);
            assertError(error, "places.csv", 1, 1, "header.missing-column",
                    "lacks the required columns label, source, evidence", "add them to the first row");
        }

        @Test
        void missingRequiredColumnIsReportedOnTheHeaderLine() {
            DataError error = mapError("sources.csv", SOURCES, "places.csv", """


                    id,type,source,evidence,support
                    china,Country,article,China,stated
                    """);
            assertError(error, "places.csv", 3, 1, "header.missing-column", "label");
        }

        @Test
        void emptyRequiredCell() {
            DataError error = mapError("sources.csv", SOURCES, "places.csv", """
                    id,type,label,source,evidence,support
                    china,Country,,article,China,stated
                    """);
            assertError(error, "places.csv", 2, 15, "required.empty", "the column 'label' is empty",
                    "required in places.csv");
        }

        @Test
        void emptyId() {
            DataError error = mapError("sources.csv", SOURCES, "places.csv", """
                    id,type,label,source,evidence,support
                    ,Country,China,article,China,stated
                    """);
            assertError(error, "places.csv", 2, 1, "required.empty", "the id is empty", "unique id");
        }

        @Test
        void unknownReference() {
            DataError error = mapError("sources.csv", SOURCES, "places.csv", """
                    id,type,label,within,source,evidence,support
                    china,Country,China,,article,China,stated
                    yunnan,Province,Yunnan,chna,article,Yunnan,stated
                    """);
            assertError(error, "places.csv", 3, 24, "ref.unknown", "'chna' is not the id of a row in places.csv",
                    "add that row or correct the id");
        }

        @Test
        void ambiguousReference() {
            DataError error = mapError("sources.csv", SOURCES,
                    "organisations.csv", """
                            id,type,label,source,evidence,support
                            li,Company,Li Company,article,Li Company,stated
                            """,
                    "people.csv", """
                            id,label,source,evidence,support
                            li,Li Wei,article,Li Wei,stated
                            """,
                    "projects.csv", """
                            id,type,label,lead,source,evidence,support
                            fast,Project,FAST,li,article,led by Li,stated
                            """);
            assertError(error, "projects.csv", 2, 19, "ref.unknown", "'li' is an id in several files",
                    "write it as organisation/li or person/li");
        }

        @Test
        void duplicateId() {
            DataError error = mapError("sources.csv", SOURCES, "places.csv", """
                    id,type,label,source,evidence,support
                    china,Country,China,article,China,stated
                    china,Country,PRC,article,PRC,stated
                    """);
            assertError(error, "places.csv", 3, 1, "id.duplicate", "the id 'china' is already used on line 2",
                    "unique within places.csv");
        }

        @ParameterizedTest(name = "\"{0}\" → {1}")
        @CsvSource({
            "Tsinghua Univ, tsinghua-univ",
            "a/b,           a-b",
            "é,             e",
            "China,         china",
            "-china,        china",
        })
        void idThatCannotBePartOfAnIri(String id, String suggestion) {
            DataError error = mapError("sources.csv", SOURCES,
                    "places.csv", "id,type,label,source,evidence\n" + id + ",Country,China,article,China\n");
            assertError(error, "places.csv", 2, 1, "id.syntax", "the id '" + id + "' cannot be part of an IRI",
                    "lower-case letters, digits and hyphens", "(e.g. '" + suggestion + "')");
        }

        @Test
        void dateThatDoesNotExist() {
            DataError error = mapError("sources.csv", SOURCES, "events.csv", """
                    id,type,label,date,source,evidence,support
                    forum,Forum,Forum,2025-02-30,article,Forum,stated
                    """);
            assertError(error, "events.csv", 2, 19, "date.invalid", "column 'date'",
                    "'2025-02-30' is not a date that exists", "check the day and month");
        }

        @Test
        void dateInAnUnknownForm() {
            DataError error = mapError("sources.csv", SOURCES, "events.csv", """
                    id,type,label,date,source,evidence,support
                    forum,Forum,Forum,12 June,article,Forum,stated
                    """);
            assertError(error, "events.csv", 2, 19, "date.invalid", "'12 June' is not a date in a form",
                    "YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD (month and day) or --MM (month)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1,000", "about 60", "-5", "1.5", "１６０"})
        void numberThatIsNotAWholeNumber(String value) {
            DataError error = mapError("sources.csv", SOURCES, "figures.csv",
                    "id,label,value,qualifier,counts,source,evidence\n"
                            + "ties,Cooperation ties,\"" + value + "\",more-than,countries,article,ties\n");
            assertError(error, "figures.csv", 2, 23, "integer.syntax",
                    "'" + value + "' in column 'value' is not a whole number", "write digits only");
        }

        @Test
        void badBoolean() {
            DataError error = mapError("sources.csv", SOURCES, "agreements.csv", """
                    id,type,label,renewal,source,evidence,support
                    mou,MemorandumOfUnderstanding,MoU,yes,article,renewed,stated
                    """);
            assertError(error, "agreements.csv", 2, 35, "boolean.syntax",
                    "'yes' in column 'renewal' must be true, false or empty");
        }

        @Test
        void unknownType() {
            DataError error = mapError("sources.csv", SOURCES, "places.csv", """
                    id,type,label,source,evidence,support
                    china,Town,China,article,China,stated
                    """);
            assertError(error, "places.csv", 2, 7, "type.unknown",
                    "the type 'Town' is not one of: Country, Province, City, Region");
        }

        @Test
        void unknownQualifier() {
            DataError error = mapError("sources.csv", SOURCES, "figures.csv", """
                    id,label,value,qualifier,counts,source,evidence,support
                    ties,Cooperation ties,160,roughly,countries,article,ties,stated
                    """);
            assertError(error, "figures.csv", 2, 27, "value.unknown",
                    "'roughly' in column 'qualifier' is not one of:", "more-than", "exactly", "about");
        }

        @Test
        void badPatternedValue() {
            DataError error = mapError("sources.csv", SOURCES, "places.csv", """
                    id,type,label,iso_code,source,evidence,support
                    china,Country,China,CHN,article,China,stated
                    """);
            assertError(error, "places.csv", 2, 21, "value.syntax", "'CHN' in column 'iso_code' must be",
                    "two capital letters");
        }

        @Test
        void missingSource() {
            DataError error = mapError("sources.csv", SOURCES, "places.csv", """
                    id,type,label,source,evidence,support
                    china,Country,China,,China,stated
                    """);
            assertError(error, "places.csv", 2, 21, "provenance.source", "the source is empty",
                    "the id of the row in sources.csv");
        }

        @Test
        void unknownSource() {
            DataError error = mapError("sources.csv", SOURCES, "places.csv", """
                    id,type,label,source,evidence,support
                    china,Country,China,artcle,China,stated
                    """);
            assertError(error, "places.csv", 2, 21, "ref.unknown", "'artcle' is not the id of a row in sources.csv",
                    "add that row or correct the id");
        }

        @Test
        void missingEvidence() {
            DataError error = mapError("sources.csv", SOURCES, "places.csv", """
                    id,type,label,source,evidence,support
                    china,Country,China,article,,stated
                    """);
            assertError(error, "places.csv", 2, 29, "provenance.evidence", "the evidence is empty",
                    "copy the sentence of the source", "at most 300 characters");
        }

        @Test
        void evidenceOverTheMaximumLength() {
            String evidence = "e".repeat(AssertionGraphs.MAX_EVIDENCE + 1);
            DataError error = mapError("sources.csv", SOURCES,
                    "places.csv", "id,type,label,source,evidence\nchina,Country,China,article," + evidence + "\n");
            assertError(error, "places.csv", 2, 29, "provenance.evidence-too-long", "has 301 characters",
                    "shorten it", "at most 300");
        }

        @ParameterizedTest
        @ValueSource(strings = {"likes", "isoCode", "Participant"})
        void relationWithAPropertyThatIsNotAnObjectProperty(String property) {
            DataError error = mapError("sources.csv", SOURCES, "places.csv", CHINA, "events.csv", FORUM,
                    "relations.csv", "subject,property,object,source,evidence\n"
                            + "event/forum," + property + ",place/china,article,China took part\n");
            assertError(error, "relations.csv", 2, 13, "relation.property",
                    "'" + property + "' is not an object property of the coop ontology", "use the local name");
        }

        @ParameterizedTest
        @ValueSource(strings = {"forum", "events/forum", "/forum"})
        void relationEndNotWrittenKindSlashId(String subject) {
            DataError error = mapError("sources.csv", SOURCES, "places.csv", CHINA, "events.csv", FORUM,
                    "relations.csv", "subject,property,object,source,evidence\n"
                            + subject + ",participant,place/china,article,China took part\n");
            assertError(error, "relations.csv", 2, 1, "relation.reference",
                    "'" + subject + "' must be written kind/id", "(e.g. place/china)");
        }

        @Test
        void relationToAnUnknownId() {
            DataError error = mapError("sources.csv", SOURCES, "places.csv", CHINA, "events.csv", FORUM,
                    "relations.csv", """
                            subject,property,object,source,evidence,support
                            event/forum,participant,place/chna,article,China took part,stated
                            """);
            assertError(error, "relations.csv", 2, 25, "ref.unknown", "'chna' is not the id of a row in places.csv");
        }

        @Test
        void duplicateRelation() {
            DataError error = mapError("sources.csv", SOURCES, "places.csv", CHINA, "events.csv", FORUM,
                    "relations.csv", """
                            subject,property,object,source,evidence,support
                            event/forum,participant,place/china,article,China took part,stated
                            event/forum,participant,place/china,article,China was there,stated
                            """);
            assertError(error, "relations.csv", 3, 1, "relation.duplicate", "the same relation is already on line 2",
                    "keep one row");
        }

        @Test
        void relationWithoutEvidence() {
            DataError error = mapError("sources.csv", SOURCES, "places.csv", CHINA, "events.csv", FORUM,
                    "relations.csv", """
                            subject,property,object,source,evidence,support
                            event/forum,participant,place/china,article,,stated
                            """);
            assertError(error, "relations.csv", 2, 45, "provenance.evidence", "the evidence is empty");
        }

        private static final String LINKS_HEADER = "entity,dataset,identifier,match,verified_at,verified_on,note\n";

        private DataError linkError(String rows) {
            return mapError("sources.csv", SOURCES, "places.csv", CHINA, "external-links.csv", LINKS_HEADER + rows);
        }

        @Test
        void wikidataIdWithoutQ() {
            DataError error = linkError("place/china,wikidata,148,sameAs,https://www.wikidata.org/wiki/Q148,2025-06-12,\n");
            assertError(error, "external-links.csv", 2, 22, "link.identifier",
                    "'148' is not a wikidata identifier", "write it like Q148");
        }

        @Test
        void unknownDataset() {
            DataError error = linkError("place/china,dbpedia,China,sameAs,https://dbpedia.org/page/China,2025-06-12,\n");
            assertError(error, "external-links.csv", 2, 13, "link.dataset",
                    "the dataset 'dbpedia' is not one of: wikidata, geonames, ror");
        }

        @Test
        void unknownMatch() {
            DataError error = linkError("place/china,wikidata,Q148,same,https://www.wikidata.org/wiki/Q148,2025-06-12,\n");
            assertError(error, "external-links.csv", 2, 27, "link.match",
                    "the match 'same' is not one of: sameAs, exactMatch, closeMatch");
        }

        @Test
        void linkWithoutVerifiedAt() {
            DataError error = linkError("place/china,wikidata,Q148,sameAs,,2025-06-12,\n");
            assertError(error, "external-links.csv", 2, 34, "link.unverified",
                    "verified_at must be the http(s) URL of the public page");
        }

        @Test
        void duplicateLink() {
            DataError error = linkError("""
                    place/china,wikidata,Q148,sameAs,https://www.wikidata.org/wiki/Q148,2025-06-12,
                    place/china,wikidata,Q29520,closeMatch,https://www.wikidata.org/wiki/Q29520,2025-06-12,
                    """);
            assertError(error, "external-links.csv", 3, 1, "link.duplicate",
                    "this entity already has a wikidata identifier on line 2", "keep one");
        }

        @Test
        void everyProblemIsReportedSortedByFileLineAndColumn() {
            DataException e = org.junit.jupiter.api.Assertions.assertThrows(DataException.class, () -> map(
                    "sources.csv", SOURCES,
                    "places.csv", """
                            id,type,label,iso_code,source,evidence,support
                            china,Country,China,CN,article,China,stated
                            yunnan,Town,Yunnan,cn,article,Yunnan,stated
                            """,
                    "events.csv", """
                            id,type,label,date,source,evidence,support
                            forum,Forum,Forum,12 June,article,Forum,stated
                            """,
                    "relations.csv", """
                            subject,property,object,source,evidence,support
                            event/forum,likes,place/china,article,China took part,stated
                            """));
            assertEquals(List.of(
                            "events.csv:2:19 date.invalid",
                            "places.csv:3:8 type.unknown",
                            "places.csv:3:20 value.syntax",
                            "relations.csv:2:13 relation.property"),
                    e.errors().stream().map(x -> x.file() + ":" + x.line() + ":" + x.column() + " " + x.rule()).toList());
            assertTrue(e.getMessage().startsWith("The curated data was not loaded (4 problems):"), e.getMessage());
            assertTrue(e.getMessage().contains("\n  places.csv:3:8: [type.unknown] the type 'Town'"), e.getMessage());
        }

        @Test
        void everyProblemOfOneRowIsReported() {
            // A curator fixes a file in one round: a bad cell must not hide the row's missing evidence.
            List<DataError> errors = errorsOf(() -> map("sources.csv", SOURCES, "places.csv", """
                    id,type,label,source,evidence,support
                    china,Town,China,article,,stated
                    """));
            assertEquals(List.of("type.unknown", "provenance.evidence"), errors.stream().map(DataError::rule).toList(),
                    () -> LoadFixtures.describe(errors));
        }
    }

    @Nested
    class Use {
        @Test
        void aMapperMapsOnce() throws DataException {
            CuratedDataMapper mapper = new CuratedDataMapper(NAMES, ONTOLOGY);
            mapper.map(tables("sources.csv", SOURCES, "places.csv", CHINA));
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> mapper.map(tables("sources.csv", SOURCES, "events.csv", FORUM)));
            assertTrue(e.getMessage().contains("maps once"), e.getMessage());
        }

        @Test
        void rowsByEntityLocatesEachEntity() throws DataException {
            CuratedDataMapper mapper = new CuratedDataMapper(NAMES, ONTOLOGY);
            mapper.map(tables("sources.csv", SOURCES, "places.csv", CHINA));
            CsvRow china = mapper.rowsByEntity().get(NAMES.entity("place", "china"));
            assertEquals("places.csv", china.file());
            assertEquals(2, china.line());
            assertEquals(2, mapper.rowsByEntity().size());
        }
    }
}

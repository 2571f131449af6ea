package org.coopkg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rows that asserted more than their quote states are re-modelled or marked implied, and the facts the
 * text implies are in the graph as implied rows: for each, the triples as loaded and the support level of
 * every row that holds them ("stated", "implied"; none where no curated row says it).
 */
class SupportLevelTest {
    private static final String ID = CoopIris.DEFAULT_BASE + "id/";
    private static final String COOP = "https://w3id.org/coop-kg/ontology#";

    private static Dataset dataset;

    @BeforeAll
    static void load() throws Exception {
        dataset = DatasetFactory.wrap(new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load().dataset());
    }

    /** The support levels of the curated rows whose graphs hold the triple ({@code object} in N-Triples form). */
    private static Set<String> support(String subject, String property, String object) {
        Set<String> levels = new TreeSet<>();
        String query = "PREFIX coop: <" + COOP + "> SELECT ?level WHERE { GRAPH ?g { <" + ID + subject + "> <" + COOP
                + property + "> " + object + " } ?g coop:support ?s . BIND(LCASE(STRAFTER(STR(?s), \"#\")) AS ?level) }";
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(query).build()) {
            qe.execSelect().forEachRemaining(r -> levels.add(r.getLiteral("level").getString()));
        }
        return levels;
    }

    /** Every implied row that holds the triple has a curator note. */
    private static boolean everyImpliedRowHasANote(String subject, String property, String object) {
        String query = "PREFIX coop: <" + COOP + "> ASK { GRAPH ?g { <" + ID + subject + "> <" + COOP + property + "> "
                + object + " } ?g coop:support coop:Implied FILTER NOT EXISTS { ?g coop:curatorNote ?note } }";
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(query).build()) {
            return !qe.execAsk();
        }
    }

    private static String entity(String path) {
        return "<" + ID + path + ">";
    }

    private static void implied(String subject, String property, String object) {
        assertEquals(Set.of("implied"), support(subject, property, object), subject + " " + property + " " + object);
        assertTrue(everyImpliedRowHasANote(subject, property, object), subject + " " + property + ": a note");
    }

    private static void stated(String subject, String property, String object) {
        assertEquals(Set.of("stated"), support(subject, property, object), subject + " " + property + " " + object);
    }

    // §2: rows that asserted more than their quote

    @Test
    void theSignatoriesOfTheMemorandaAreReadFromPhotoCaptionsWhileTheirPresenceAtTheCeremoniesIsStated() {
        for (String party : Set.of("dde-mou-dde-governing-council", "dde-mou-kunshan-municipal-government",
                "imcp-mou-nssc", "imcp-mou-scostep")) {
            implied("party/" + party, "partyRole", entity("concept/signatory"));
        }
        stated("event/dde-mou-signing", "participant", entity("organisation/dde-governing-council"));
        stated("event/dde-mou-signing", "participant", entity("organisation/kunshan-municipal-government"));
        stated("event/imcp-mou-signing", "participant", entity("organisation/scostep"));
        stated("event/imcp-mou-signing", "participant", entity("organisation/nssc"));
    }

    @Test
    void whoHostsTheDdeSecretariatIsARead() {
        implied("party/dde-secretariat-hosting-kunshan-municipal-government", "partyRole", entity("concept/host"));
        stated("party/dde-secretariat-hosting-dde-governing-council", "partyRole", entity("concept/party"));
    }

    @Test
    void theSurveyUsedDataFromTheTelescopesNotTheTelescopes() {
        stated("project/globular-cluster-pulsar-survey", "usesDataFrom", entity("facility/fast"));
        stated("project/globular-cluster-pulsar-survey", "usesDataFrom", entity("facility/meerkat"));
        assertEquals(Set.of(), support("project/globular-cluster-pulsar-survey", "usesInstrument", "?any"));
    }

    @Test
    void theLaunchIn2021IsFastsByReadingNotThePlatformsByStatement() {
        String year = "\"2021\"^^<http://www.w3.org/2001/XMLSchema#gYear>";
        implied("facility/fast", "launchDate", year);
        // The same pronoun in the sentence before: CSIRO "helped develop its core components".
        implied("facility/fast", "contributor", entity("organisation/csiro"));
        assertEquals(Set.of(), support("facility/fast-data-platform", "launchDate", "?any"));
    }

    @Test
    void theSubjectAndDateOfTheFiveAgreementsAreReadFromContext() {
        implied("agreement/nssc-imcp-cooperation-agreements", "agreementSubject", entity("project/imcp"));
        implied("agreement/nssc-imcp-cooperation-agreements", "signingDate",
                "\"--06-12\"^^<http://www.w3.org/2001/XMLSchema#gMonthDay>");
        // The agreements' own row says only what the sentence says: signed at the forum.
        stated("agreement/nssc-imcp-cooperation-agreements", "signingEvent", entity("event/big-science-forum"));
    }

    @Test
    void theFiguresKeepTheSourcesPrecision() {
        stated("figure/agricultural-demonstration-centers-24", "dateNote", "\"the end of 2023\"");
        stated("figure/agricultural-technologies-300", "dateNote", "\"the end of 2023\"");
        // "two decades" is a round figure: about 2, as the curator reads it.
        implied("figure/campos-arceiz-elephant-decades-2", "qualifier", "<" + COOP + "About>");
    }

    @Test
    void thalassemiaIsATopicOfTheForumByReading() {
        implied("event/tengchong-scientists-forum", "topic", entity("concept/thalassemia"));
    }

    // §3: what the text implies, now in the graph

    @Test
    void countriesReadFromCountryAdjectivesFollowOneRule() {
        implied("organisation/chinese-government", "country", entity("place/china"));
        implied("organisation/chinese-ai-company", "country", entity("place/china"));
        implied("organisation/chinese-enterprises-laos", "country", entity("place/china"));
        implied("facility/chinese-research-vessels", "hostCountry", entity("place/china"));
        implied("facility/china-space-station", "hostCountry", entity("place/china"));
        implied("organisation/saudi-aramco", "country", entity("place/saudi-arabia"));
        implied("project/youth-scientist-groups", "participantCountry", entity("place/germany"));
        // Where a ROR record states the country, it is stated by the record, cited as its source.
        stated("organisation/max-planck-society", "country", entity("place/germany"));
        stated("organisation/cas", "country", entity("place/china"));
    }

    @Test
    void theForumAndTheCeremoniesTookPlaceInChengduDuringTheConference() {
        implied("event/big-science-forum", "heldIn", entity("place/chengdu"));
        for (String ceremony : Set.of("event/dde-mou-signing", "event/imcp-mou-signing")) {
            implied(ceremony, "subEventOf", entity("event/big-science-forum"));
            implied(ceremony, "heldIn", entity("place/chengdu"));
        }
        implied("event/zhongguancun-forum", "heldIn", entity("place/china"));
        implied("event/world-internet-conference", "heldIn", entity("place/china"));
    }

    @Test
    void theGovernmentAndTheMinistryOfATitleAreResolvedByTheCurator() {
        implied("project/dde", "supporter", entity("organisation/chinese-government"));
        implied("project/once", "supporter", entity("organisation/chinese-government"));
        implied("post/chen-jiachang-vice-minister", "postIn", entity("organisation/most"));
        // The initiator of the 2018 plan is named: "the Chinese government issued a plan".
        stated("project/mega-science-plan-2018", "initiator", entity("organisation/chinese-government"));
    }

    @Test
    void theMinistryBacksPiHubAndImcpAndTheReviewMeetingIsTheLaboratorys() {
        implied("project/pi-hub", "supporter", entity("organisation/most"));
        implied("project/imcp", "supporter", entity("organisation/most"));
        implied("event/soybean-review-meeting-uruguay", "participant", entity("lab/china-uruguay-soybean-lab"));
    }

    @Test
    void everyRowHasOneSupportLevelAndEveryImpliedRowANote() {
        String query = "PREFIX coop: <" + COOP + "> SELECT (COUNT(?a) AS ?n) WHERE { ?a a coop:Assertion "
                + "FILTER NOT EXISTS { ?a coop:support ?level } }";
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(query).build()) {
            assertEquals(0, qe.execSelect().next().getLiteral("n").getInt(), "rows without a support level");
        }
        String notes = "PREFIX coop: <" + COOP + "> ASK { ?a coop:support coop:Implied FILTER NOT EXISTS { ?a coop:curatorNote ?n } }";
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(notes).build()) {
            assertFalse(qe.execAsk(), "an implied row without a note");
        }
    }
}

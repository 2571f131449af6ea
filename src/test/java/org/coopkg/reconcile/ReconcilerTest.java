package org.coopkg.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation of names as people type them against the bundled data: a table of abbreviations, acronyms, long and
 * short forms, other case and accents, {@code &} for {@code and}, other languages' form words and small typos, each
 * with the entity it means. The top candidate must be that entity for every row, and every {@code match: true}
 * must be right (precision 100%).
 */
class ReconcilerTest {
    private static Reconciler reconciler;

    /** Name as typed → the id of the entity it means. */
    private static final List<Map.Entry<String, String>> TABLE = List.of(
            Map.entry("Chinese Academy of Sciences", "organisation/cas"),
            Map.entry("Chinese Acad. of Sci.", "organisation/cas"),
            Map.entry("CAS", "organisation/cas"),
            Map.entry("C.A.S.", "organisation/cas"),
            Map.entry("Tsinghua", "organisation/tsinghua-university"),
            Map.entry("Tsinghua Univ.", "organisation/tsinghua-university"),
            Map.entry("TSINGHUA UNIVERSITY", "organisation/tsinghua-university"),
            Map.entry("Stellenbosh University", "organisation/stellenbosch-university"),
            Map.entry("Universidad de Stellenbosch", "organisation/stellenbosch-university"),
            Map.entry("Max-Planck-Gesellschaft", "organisation/max-planck-society"),
            Map.entry("Max Planck Society", "organisation/max-planck-society"),
            Map.entry("CSIRO", "organisation/csiro"),
            Map.entry("Commonwealth Scientific & Industrial Research Organization", "organisation/csiro"),
            Map.entry("Northwest A and F University", "organisation/northwest-af-university"),
            Map.entry("Northwest A&F Univ", "organisation/northwest-af-university"),
            Map.entry("NSSC", "organisation/nssc"),
            Map.entry("National Space Science Centre", "organisation/nssc"),
            Map.entry("MOST", "organisation/most"),
            Map.entry("Ministry of Science & Technology", "organisation/most"),
            Map.entry("XTBG", "organisation/xtbg"),
            Map.entry("Xishuangbanna Botanical Garden", "organisation/xtbg"),
            Map.entry("Xīshuāngbǎnnà Tropical Botanical Garden", "organisation/xtbg"),
            Map.entry("SKA Observatory", "organisation/ska-observatory"),
            Map.entry("Saudi Aramco", "organisation/saudi-aramco"),
            Map.entry("Běihāng University", "organisation/beihang-university"),
            Map.entry("Beihang Univ", "organisation/beihang-university"),
            Map.entry("BeiHang", "organisation/beihang-university"),
            Map.entry("FAST", "facility/fast"),
            Map.entry("Five hundred meter aperture spherical telescope", "facility/fast"),
            Map.entry("Square Kilometer Array", "facility/ska"),
            Map.entry("ITER", "facility/iter"),
            Map.entry("Zhengmao Zhang", "person/zhang-zhengmao"),
            Map.entry("Prof. Zhang Zhengmao", "person/zhang-zhengmao"),
            Map.entry("Phillip Diamond", "person/philip-diamond"),
            Map.entry("harvey thorleifson", "person/harvey-thorleifson"),
            Map.entry("Dennis Lo", "person/dennis-lo"),
            Map.entry("BRI", "project/bri"),
            Map.entry("Belt & Road Initiative", "project/bri"),
            Map.entry("Deep-time Digital Earth", "project/dde"),
            Map.entry("International Meridian Circle Programme", "project/imcp"),
            Map.entry("pi-HuB", "project/pi-hub"),
            Map.entry("Zhong guan cun forum", "event/zhongguancun-forum"),
            Map.entry("Tengchong Scientists Forum", "event/tengchong-scientists-forum"),
            Map.entry("World Internet Conf.", "event/world-internet-conference"),
            Map.entry("China-Uruguay Soybean Joint Lab", "lab/china-uruguay-soybean-lab"),
            Map.entry("South Africa", "place/south-africa"),
            Map.entry("Kunshan", "place/kunshan"));

    @BeforeAll
    static void reconciler() throws Exception {
        var graph = new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load();
        reconciler = Reconciler.of(graph.readOnlyDataset(), graph.names());
    }

    private static List<Candidate> reconcile(String name) {
        return reconciler.reconcile(ReconcileQuery.of(name));
    }

    @Test
    void theTopCandidateOfEveryNameIsTheEntityItMeansAndEveryMatchIsRight() {
        assertTrue(TABLE.size() >= 30, "a table of at least 30 names");
        List<String> wrongTop = new ArrayList<>();
        List<String> wrongMatch = new ArrayList<>();
        int matched = 0;
        for (Map.Entry<String, String> row : TABLE) {
            List<Candidate> candidates = reconcile(row.getKey());
            String top = candidates.isEmpty() ? "(none)" : candidates.get(0).entry().id();
            if (!top.equals(row.getValue())) wrongTop.add(row.getKey() + " -> " + top + ", expected " + row.getValue());
            for (Candidate c : candidates) {
                if (!c.match()) continue;
                matched++;
                if (!c.entry().id().equals(row.getValue())) wrongMatch.add(row.getKey() + " matched " + c.entry().id());
            }
            candidates.forEach(c -> assertTrue(c.score() >= 0 && c.score() <= 100, c::toString));
        }
        assertEquals(List.of(), wrongTop, "top candidates");
        assertEquals(List.of(), wrongMatch, "precision of match: true");
        // Derived acronyms, short forms with a missing word and near ties are left for a person to confirm.
        assertTrue(matched >= 30, "names matched without confirmation: " + matched + " of " + TABLE.size());
    }

    @Test
    void aDerivedAcronymIsACandidateButNeverAMatch() {
        Candidate cas = reconcile("CAS").get(0);
        assertEquals("organisation/cas", cas.entry().id());
        assertEquals(Reconciler.DERIVED_ACRONYM, cas.score());
        assertFalse(cas.match());
    }

    @Test
    void nearTiesAreNotMatched() {
        List<Candidate> academies = reconcile("Academy of Sciences");
        assertEquals(Set.of("organisation/cas", "organisation/african-academy-of-sciences"),
                Set.of(academies.get(0).entry().id(), academies.get(1).entry().id()));
        assertTrue(academies.get(0).score() - academies.get(1).score() < MatchRule.MARGIN);
        assertFalse(academies.get(0).match(), "two academies of sciences: a person decides");

        List<Candidate> ska = reconcile("SKA");
        assertEquals(List.of("facility/ska", "organisation/ska-observatory"), ska.stream().limit(2).map(c -> c.entry().id()).toList());
        assertFalse(ska.get(0).match(), "the telescope and its observatory are both called SKA");

        List<Candidate> europe = reconcile("Europe");
        assertEquals("place/europe", europe.get(0).entry().id());
        assertFalse(europe.get(0).match(), "the Academy of Europe is close behind");
        Types.Type place = reconciler.types().resolve("Place");
        Candidate asPlace = reconciler.reconcile(ReconcileQuery.of("Europe").withTypes(List.of(place))).get(0);
        assertTrue(asPlace.match(), "with the type Place the region is clearly right");
    }

    @Test
    void aTypeKeepsItsSubclassesAndNothingElse() {
        Types.Type organisation = reconciler.types().resolve("organisation");
        List<Candidate> orgs = reconciler.reconcile(ReconcileQuery.of("SKA").withTypes(List.of(organisation)));
        assertEquals("organisation/ska-observatory", orgs.get(0).entry().id());
        assertTrue(orgs.stream().allMatch(c -> c.entry().hasType(organisation.iri())));
        Types.Type university = reconciler.types().resolve("coop:University");
        assertTrue(reconciler.reconcile(ReconcileQuery.of("Chinese Academy of Sciences").withTypes(List.of(university)))
                .stream().noneMatch(c -> c.entry().id().equals("organisation/cas")));
    }

    @Test
    void anOutsideIdentifierMatchesExactlyOnTheLink() {
        var wikidata = new ReconcileQuery.Constraint(QueryProperty.WIKIDATA, List.of("http://www.wikidata.org/entity/Q530471"));
        Candidate byLinkOnly = reconciler.reconcile(new ReconcileQuery("", List.of(), 5, List.of(wikidata), Set.of(),
                Optional.empty())).get(0);
        assertEquals("organisation/cas", byLinkOnly.entry().id());
        assertEquals(100.0, byLinkOnly.score());
        assertTrue(byLinkOnly.match());

        // Tsinghua's ROR id with Stellenbosch's name: the link decides, and Stellenbosch (linked elsewhere) drops.
        var ror = new ReconcileQuery.Constraint(QueryProperty.ROR, List.of("https://ror.org/03cve4549"));
        List<Candidate> both = reconciler.reconcile(ReconcileQuery.of("Stellenbosch University").withProperties(List.of(ror)));
        assertEquals("organisation/tsinghua-university", both.get(0).entry().id());
        assertTrue(both.get(0).match());
        Candidate stellenbosch = both.stream().filter(c -> c.entry().id().equals("organisation/stellenbosch-university"))
                .findFirst().orElseThrow();
        assertEquals(100 - Reconciler.OTHER_LINK, stellenbosch.score());
        assertTrue(stellenbosch.features().contains(new Candidate.Feature("ror", false)));
    }

    @Test
    void aCountryRaisesTheEntitiesInItAndLowersTheOthers() {
        var southAfrica = new ReconcileQuery.Constraint(QueryProperty.COUNTRY, List.of("ZA"));
        Candidate stellenbosch = reconciler.reconcile(ReconcileQuery.of("Stellenbosh University")
                .withProperties(List.of(southAfrica))).get(0);
        assertEquals("organisation/stellenbosch-university", stellenbosch.entry().id());
        assertTrue(stellenbosch.features().contains(new Candidate.Feature("country", true)));
        double alone = reconcile("Stellenbosh University").get(0).score();
        assertEquals(Math.min(100, alone + Reconciler.AGREES), stellenbosch.score());

        var australia = new ReconcileQuery.Constraint(QueryProperty.COUNTRY, List.of("place/australia"));
        Candidate wrongCountry = reconciler.reconcile(ReconcileQuery.of("Stellenbosch University")
                .withProperties(List.of(australia))).get(0);
        assertEquals(100 - Reconciler.COUNTRY_DISAGREES, wrongCountry.score());
        assertFalse(wrongCountry.match());

        var unknown = new ReconcileQuery.Constraint(QueryProperty.COUNTRY, List.of("Atlantis"));
        assertEquals(100.0, reconciler.reconcile(ReconcileQuery.of("Stellenbosch University")
                .withProperties(List.of(unknown))).get(0).score(), "a country the data does not know changes nothing");
    }

    @Test
    void anEntityIdOrIriAsTheNameFindsThatEntity() {
        assertEquals("organisation/xtbg", reconcile("organisation/xtbg").get(0).entry().id());
        Candidate byIri = reconcile(CoopIris.DEFAULT_BASE + "id/person/li-di").get(0);
        assertEquals("person/li-di", byIri.entry().id());
        assertEquals(100.0, byIri.score());
    }
}

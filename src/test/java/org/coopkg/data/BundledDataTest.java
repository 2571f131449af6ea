package org.coopkg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.derive.LoadedGraph;
import org.coopkg.load.CuratedFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled data set holds what the first source article states, each statement with its evidence. */
class BundledDataTest {
    private static final String PREFIXES = """
            PREFIX coop: <https://w3id.org/coop-kg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX owl:  <http://www.w3.org/2002/07/owl#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            """;

    private static Dataset dataset;

    @BeforeAll
    static void load() throws Exception {
        LoadedGraph graph = new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load();
        dataset = DatasetFactory.wrap(graph.dataset());
    }

    private static List<QuerySolution> select(String query) {
        List<QuerySolution> rows = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(PREFIXES + query).build()) {
            qe.execSelect().forEachRemaining(rows::add);
        }
        return rows;
    }

    private static Set<String> labels(String query) {
        Set<String> labels = new TreeSet<>();
        select(query).forEach(r -> labels.add(r.getLiteral("label").getString()));
        return labels;
    }

    @Test
    void everyPersonTheArticleNamesIsThere() {
        Set<String> people = labels("SELECT ?label { ?p a coop:Person ; rdfs:label ?label }");
        assertTrue(people.containsAll(Set.of("Ma Yinzhe", "Li Di", "Chen Linhao", "Dennis Lo Yuk-ming",
                "Zhang Zhengmao", "Ahimsa Campos-Arceiz", "Francesco Faiola", "Felix Dapare Dakora",
                "Harvey Thorleifson", "Chen Jiachang", "Jing Guifei", "Philip Diamond", "Spiros Agathos",
                "Michel Blanc", "LIN Yuchen", "HU Dingkun", "ZHONG Jianli", "LONG Yun", "LU Zijian", "HE Liang",
                "LIU Yin")), people::toString);
    }

    @Test
    void everyHeadlineFigureIsThereWithWhatItCounts() {
        Set<Integer> values = new TreeSet<>();
        select("SELECT ?v { ?f a coop:Indicator ; coop:value ?v ; coop:counts ?c ; coop:qualifier ?q }")
                .forEach(r -> values.add(r.getLiteral("v").getInt()));
        assertTrue(values.containsAll(Set.of(160, 119, 200, 60, 10, 140, 70, 80, 24, 300, 5)), values::toString);
    }

    @Test
    void theProgrammesFacilitiesAndAgreementsAreThere() {
        assertTrue(labels("SELECT ?label { ?p a coop:BigScienceProgramme ; skos:altLabel ?label }")
                .containsAll(Set.of("DDE", "ONCE", "π-HuB", "IMCP")));
        assertTrue(labels("SELECT ?label { ?f a coop:Facility ; rdfs:label ?label }").containsAll(Set.of(
                "Square Kilometre Array", "MeerKAT", "BeiDou", "China Space Station",
                "International Lunar Research Station", "International Thermonuclear Experimental Reactor")));
        assertEquals(4, select("SELECT ?a { ?a a coop:Agreement }").size());
        assertEquals(Set.of("China-Uruguay Soybean Joint Laboratory"),
                labels("SELECT ?label { ?l a coop:JointLaboratory ; rdfs:label ?label }"));
    }

    @Test
    void everyEntityFromACuratedRowHasASourceAndEvidence() {
        List<QuerySolution> missing = select("""
                SELECT ?e WHERE {
                  ?e a ?class . FILTER(STRSTARTS(STR(?e), "http://localhost:3030/id/"))
                  FILTER(?class IN (coop:Person, coop:Organisation, coop:Place, coop:Facility, coop:Project,
                                    coop:Agreement, coop:AgreementParty, coop:Event, coop:Indicator, coop:Post, coop:Topic))
                  FILTER NOT EXISTS { ?a coop:describes ?e ; prov:wasDerivedFrom ?src ; coop:evidence ?q }
                }""");
        assertEquals(List.of(), missing);
    }

    @Test
    void externalLinksCiteWhereTheyWereVerified() {
        List<QuerySolution> links = select("""
                SELECT ?e ?target ?page WHERE {
                  GRAPH ?a { ?e owl:sameAs|skos:exactMatch|skos:closeMatch ?target }
                  ?a prov:wasDerivedFrom ?page .
                }""");
        assertTrue(links.size() >= 40, "links: " + links.size());
        links.forEach(r -> assertTrue(r.getResource("page").getURI().startsWith("https://"), r::toString));
    }

    @Test
    void everythingLocatedInChinaIsOneTriplePattern() {
        Set<String> inChina = labels("SELECT ?label { ?x coop:locatedIn ?c . ?c rdfs:label \"China\"@en . ?x rdfs:label ?label }");
        assertTrue(inChina.containsAll(Set.of("Yunnan", "Xishuangbanna Tropical Botanical Garden", "Chengdu")), inChina::toString);
    }
}

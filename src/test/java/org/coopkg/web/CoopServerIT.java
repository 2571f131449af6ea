package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts the endpoint on a free port over the bundled data and asks it, over HTTP, the questions the
 * foundation issue names. Answers are compared by labels.
 */
class CoopServerIT {
    private static final String PREFIXES = """
            PREFIX coop: <https://w3id.org/coop-kg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
            PREFIX org:  <http://www.w3.org/ns/org#>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            """;

    private static CoopServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        var graph = new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load();
        server = CoopServer.builder().dataset(graph.dataset()).port(0).loopback(true).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void directorGeneralOfTheSkaObservatory() throws Exception {
        List<QuerySolution> rows = select("""
                SELECT ?name WHERE {
                  ?org rdfs:label "SKA Observatory"@en .
                  ?post coop:postIn ?org ; coop:role/rdfs:label "director general"@en ; coop:holder/rdfs:label ?name .
                }""");
        assertEquals(Set.of("Philip Diamond"), strings(rows, "name"));
    }

    @Test
    void dataSourcesLeadAndCountriesOfTheGlobularClusterSurvey() throws Exception {
        String survey = "?survey a coop:Survey ; rdfs:label ?l . FILTER(CONTAINS(?l, \"globular\"))";
        assertEquals(Set.of("Five-hundred-meter Aperture Spherical radio Telescope", "MeerKAT"), strings(select(
                "SELECT ?i WHERE { " + survey + " ?survey coop:usesDataFrom/rdfs:label ?i }"), "i"));
        assertEquals(Set.of("Tsinghua University"), strings(select(
                "SELECT ?lead WHERE { " + survey + " ?survey coop:lead/rdfs:label ?lead }"), "lead"));
        assertEquals(Set.of("China", "Italy", "Australia", "Germany"), strings(select("""
                SELECT DISTINCT ?country WHERE {
                  %s
                  { ?survey coop:participantCountry ?c } UNION { ?survey coop:lead/coop:country ?c }
                  ?c a coop:Country ; rdfs:label ?country .
                }""".formatted(survey)), "country"));
    }

    @Test
    void programmesInitiatedByChineseScientists() throws Exception {
        Set<String> names = strings(select("""
                SELECT ?name WHERE {
                  ?p a coop:BigScienceProgramme ; coop:initiatorCountry/rdfs:label "China"@en ; skos:altLabel ?name .
                  FILTER(STRLEN(?name) <= 5)
                }"""), "name");
        assertEquals(Set.of("DDE", "ONCE", "π-HuB", "IMCP"), names);
    }

    @Test
    void agreementsSignedOnTwelveJuneWithTheirParties() throws Exception {
        List<QuerySolution> rows = select("""
                SELECT ?agreement ?party WHERE {
                  ?a a coop:Agreement ; coop:signingDate "--06-12"^^xsd:gMonthDay ; rdfs:label ?agreement ;
                     coop:agreementParty/rdfs:label ?party .
                }""");
        Set<String> pairs = new TreeSet<>();
        rows.forEach(r -> pairs.add(r.getLiteral("agreement").getString() + " | " + r.getLiteral("party").getString()));
        assertTrue(pairs.stream().anyMatch(p -> p.contains("Meridian") && p.contains("National Space Science Center")), pairs::toString);
        assertTrue(pairs.stream().anyMatch(p -> p.contains("Deep-time") && p.contains("Governing Council")), pairs::toString);
        assertTrue(pairs.stream().anyMatch(p -> p.contains("Deep-time") && p.contains("Kunshan")), pairs::toString);
        assertTrue(pairs.stream().anyMatch(p -> p.contains("five new international institutions")), pairs::toString);
    }

    @Test
    void headlineFiguresWithWhatTheyCountAndTheirEvidence() throws Exception {
        List<QuerySolution> rows = select("""
                SELECT ?value ?counts ?quote WHERE {
                  ?f a coop:Indicator ; coop:value ?value ; coop:counts ?counts .
                  ?assertion coop:describes ?f ; coop:evidence ?quote .
                  GRAPH ?assertion { ?f coop:value ?value }
                }""");
        Set<Integer> values = new TreeSet<>();
        rows.forEach(r -> values.add(r.getLiteral("value").getInt()));
        assertTrue(values.containsAll(Set.of(160, 119, 200, 60, 70, 80, 24, 300, 140)), values::toString);
        rows.forEach(r -> assertTrue(r.getLiteral("quote").getString().contains(r.getLiteral("value").getLexicalForm())
                || r.getLiteral("quote").getString().matches("(?s).*\\b(two|five)\\b.*"), () -> "quote of " + r));
    }

    @Test
    void everyStatementAboutAnEntityHasASourceAndQuote() throws Exception {
        List<QuerySolution> rows = select("""
                SELECT ?p ?o ?source ?quote WHERE {
                  ?e rdfs:label "Philip Diamond"@en .
                  ?assertion coop:describes ?e ; prov:wasDerivedFrom ?source ; coop:evidence ?quote .
                  GRAPH ?assertion { ?e ?p ?o }
                }""");
        assertFalse(rows.isEmpty());
        rows.forEach(r -> assertTrue(r.getLiteral("quote").getString().contains("Philip Diamond")));
    }

    @Test
    void inferencesAreMaterialised() throws Exception {
        assertTrue(ask("ASK { ?u a coop:University ; a org:Organization , foaf:Agent }"));
        assertTrue(ask("ASK { ?x rdfs:label \"Kunshan\"@en ; coop:within/rdfs:label \"Jiangsu\"@en }"));
        assertTrue(ask("ASK { ?x rdfs:label \"Xishuangbanna Tropical Botanical Garden\"@en ; coop:locatedIn/rdfs:label \"China\"@en }"));
    }

    @Test
    void resultsComeInEveryStandardFormat() throws Exception {
        String query = "SELECT ?s WHERE { ?s a coop:Country } LIMIT 3";
        for (String type : List.of("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values")) {
            HttpResponse<String> response = get(query, type);
            assertEquals(200, response.statusCode(), type);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(type), type);
        }
        for (String type : List.of("text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml")) {
            HttpResponse<String> response = get("CONSTRUCT { ?s a coop:Country } WHERE { ?s a coop:Country }", type);
            assertEquals(200, response.statusCode(), type);
            Graph graph = GraphFactory.createDefaultGraph();
            RDFParser.fromString(response.body(), org.apache.jena.riot.RDFLanguages.contentTypeToLang(type)).parse(graph);
            assertTrue(graph.size() >= 10, type + " gave " + graph.size() + " triples");
        }
    }

    @Test
    void postQueriesWork() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(PREFIXES + "ASK { ?x a coop:Person }")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("true"));
    }

    @Test
    void graphStoreIsReadOnlyAndThereIsNoUpdateEndpoint() throws Exception {
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(server.datasetUrl() + "/data?default"))
                .header("Accept", "application/n-triples").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode());
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(server.datasetUrl() + "/data?default"))
                .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString("")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(put.statusCode() >= 400 && put.statusCode() < 500, "PUT gave " + put.statusCode());
        HttpResponse<String> update = HTTP.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("CLEAR ALL")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(update.statusCode() >= 400 && update.statusCode() < 500, "update gave " + update.statusCode());
        assertTrue(ask("ASK { ?x a coop:Person }"), "data must survive the attempts");
    }

    @Test
    void malformedQueryIsABadRequest() throws Exception {
        HttpResponse<String> response = get("SELECT ?x WHERE { ?x a }", "application/sparql-results+json");
        assertEquals(400, response.statusCode());
        assertFalse(response.body().contains("at org."), "no stack trace");
    }

    private static HttpResponse<String> get(String query, String accept) throws Exception {
        String url = server.sparqlUrl() + "?query=" + URLEncoder.encode(PREFIXES + query, StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<QuerySolution> select(String query) throws Exception {
        HttpResponse<String> response = get(query, "application/sparql-results+json");
        assertEquals(200, response.statusCode(), response::body);
        ResultSet results = ResultSetMgr.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_JSON);
        List<QuerySolution> rows = new ArrayList<>();
        results.forEachRemaining(rows::add);
        return rows;
    }

    private static boolean ask(String query) throws Exception {
        HttpResponse<String> response = get(query, "application/sparql-results+json");
        assertEquals(200, response.statusCode(), response::body);
        return response.body().contains("true");
    }

    private static Set<String> strings(List<QuerySolution> rows, String var) {
        Set<String> values = new TreeSet<>();
        rows.forEach(r -> values.add(r.getLiteral(var).getString()));
        return values;
    }
}

package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.coopkg.query.Gallery;
import org.coopkg.query.GalleryQuery;
import org.coopkg.store.TextSearch;
import org.coopkg.testing.TypedNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web API over HTTP: the gallery listing and every gallery query run through it (the same rows as the query run
 * directly, in JSON, CSV and TSV), its parameters bound and checked, and the entity lookup, which finds what people
 * type of a name in its top three.
 */
class WebApiTest {
    private static CoopServer server;
    private static String root;
    private static DatasetGraph dataset;

    @BeforeAll
    static void start() throws Exception {
        var graph = new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load();
        dataset = TextSearch.withInMemoryIndex(graph.dataset());
        server = CoopServer.builder().dataset(dataset).port(0).loopback(true).build().start();
        root = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    // ---- the gallery --------------------------------------------------------------------------------------

    @Test
    void theListingNamesEveryQueryWithItsParametersAndColumns() throws Exception {
        HttpResponse<String> r = HttpTestClient.get(root + CoopIris.QUERIES_PATH, null);
        assertEquals(200, r.statusCode());
        assertTrue(HttpTestClient.contentType(r).startsWith("application/json"), HttpTestClient.contentType(r));
        JsonArray queries = JSON.parse(r.body()).get("queries").getAsArray();
        List<GalleryQuery> gallery = Gallery.bundled();
        assertEquals(gallery.size(), queries.size());
        for (int i = 0; i < gallery.size(); i++) {
            JsonObject q = queries.get(i).getAsObject();
            GalleryQuery expected = gallery.get(i);
            assertEquals(expected.name(), q.get("name").getAsString().value());
            assertEquals(expected.title(), q.get("title").getAsString().value());
            assertEquals(expected.question(), q.get("question").getAsString().value());
            List<String> columns = new ArrayList<>();
            q.get("columns").getAsArray().forEach(c -> columns.add(c.getAsObject().get("name").getAsString().value()));
            assertEquals(expected.parse().getResultVars(), columns, expected.name());
            q.get("columns").getAsArray().forEach(c -> assertFalse(c.getAsObject().get("description").getAsString().value().isBlank(),
                    expected.name() + ": column " + c + " is described in its # Columns: block"));
        }
        JsonObject provenance = find(queries, "10-provenance-of-an-entity");
        JsonObject label = provenance.get("parameters").getAsArray().get(0).getAsObject();
        assertEquals("label", label.get("name").getAsString().value());
        assertEquals("text@en", label.get("type").getAsString().value());
        assertEquals("Philip Diamond", label.get("default").getAsArray().get(0).getAsString().value());
        assertEquals("network", find(queries, "12-country-cooperation-network").get("view").getAsString().value());
        assertEquals("timeline", find(queries, "07-timeline-of-events").get("view").getAsString().value());
        assertEquals("map", find(queries, "20-partners-of-a-country").get("view").getAsString().value());
    }

    @Test
    void everyGalleryQueryAnswersThroughTheApiAsItDoesDirectly() throws Exception {
        for (GalleryQuery q : Gallery.bundled()) {
            int direct;
            try (QueryExecution e = QueryExecution.dataset(DatasetFactory.wrap(dataset)).query(q.parse()).build()) {
                direct = ResultSetFormatter.consume(e.execSelect());
            }
            String url = root + CoopIris.galleryQueryPath(q.name());
            HttpResponse<String> json = HttpTestClient.get(url, "application/sparql-results+json");
            assertEquals(200, json.statusCode(), q.name() + ": " + json.body());
            assertTrue(HttpTestClient.contentType(json).startsWith("application/sparql-results+json"));
            var rows = ResultSetMgr.read(new ByteArrayInputStream(json.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
            assertEquals(direct, ResultSetFormatter.consume(rows), q.name());
            assertTrue(direct > 0, q.name() + " has an answer on the bundled data");

            HttpResponse<String> csv = HttpTestClient.get(url + "?format=csv", null);
            assertEquals(200, csv.statusCode());
            assertTrue(HttpTestClient.contentType(csv).startsWith("text/csv"));
            assertEquals(String.join(",", q.parse().getResultVars()), csv.body().lines().findFirst().orElse(""));

            HttpResponse<String> tsv = HttpTestClient.get(url, "text/tab-separated-values");
            assertTrue(HttpTestClient.contentType(tsv).startsWith("text/tab-separated-values"));
            assertEquals(direct + 1, tsv.body().lines().count(), q.name() + ": a header line and one line per row");
        }
    }

    @Test
    void parametersReplaceTheValuesBlock() throws Exception {
        HttpResponse<String> r = HttpTestClient.get(root + CoopIris.galleryQueryPath("20-partners-of-a-country")
                + "?countryName=Germany&format=csv", null);
        assertEquals(200, r.statusCode(), r.body());
        List<String> partners = r.body().lines().skip(1).map(l -> l.split(",")[1]).toList();
        assertEquals(List.of("China", "Australia", "Italy"), partners, r.body());

        HttpResponse<String> two = HttpTestClient.get(root + CoopIris.galleryQueryPath("14-everything-located-in-china")
                + "?placeName=" + enc("Yunnan") + "&placeName=" + enc("Shaanxi") + "&format=tsv", null);
        assertEquals(200, two.statusCode(), two.body());
        assertTrue(two.body().contains("Xishuangbanna Tropical Botanical Garden") && two.body().contains("Northwest A&F University"),
                two.body());
    }

    @Test
    void aBadParameterIsA400ThatNamesIt() throws Exception {
        String provenance = root + CoopIris.galleryQueryPath("10-provenance-of-an-entity");
        assertError(HttpTestClient.get(provenance + "?lable=Philip", null), 400, "'lable' is not a parameter", "label");
        assertError(HttpTestClient.get(provenance + "?label=", null), 400, "parameter 'label' is empty");
        assertError(HttpTestClient.get(provenance + "?format=xlsx", null), 400, "parameter 'format' is 'xlsx'", "json, csv or tsv");
        assertError(HttpTestClient.get(provenance, "image/png"), 406, "image/png", "text/csv");
        assertError(HttpTestClient.get(root + CoopIris.galleryQueryPath("99-nothing"), null), 404, "'99-nothing'");
        assertError(HttpTestClient.get(root + CoopIris.galleryQueryPath("01-programmes-initiated-by-china") + "?country=China", null),
                400, "'country' is not a parameter", "it has none");
    }

    // ---- the lookup ---------------------------------------------------------------------------------------

    @Test
    void typedPartialNamesFindTheIntendedEntityInTheTopThree() throws Exception {
        assertTrue(TypedNames.INTENDED.size() >= 20);
        List<String> missed = new ArrayList<>();
        for (var e : TypedNames.INTENDED.entrySet()) {
            JsonArray found = lookup("?q=" + enc(e.getKey()) + "&limit=3");
            List<String> iris = new ArrayList<>();
            found.forEach(v -> iris.add(v.getAsObject().get("iri").getAsString().value()));
            if (!iris.contains(CoopIris.DEFAULT_BASE + "id/" + e.getValue())) missed.add(e.getKey() + " → " + iris);
        }
        assertTrue(missed.isEmpty(), "not in the top 3: " + missed);
    }

    @Test
    void namesWithSymbolsAreLookedUpAsTheIndexHoldsThemAndComparedAsReconciliationDoes() throws Exception {
        // The index holds "π" and "a", "f"; the names are compared as NameForms writes them ("pi hub", "a and f").
        assertEquals(CoopIris.DEFAULT_BASE + "id/project/pi-hub", firstIri("?q=" + enc("π-hub")));
        assertEquals(CoopIris.DEFAULT_BASE + "id/organisation/northwest-af-university", firstIri("?q=" + enc("northwest a&f")));
        assertEquals(CoopIris.DEFAULT_BASE + "id/organisation/northwest-af-university", firstIri("?q=" + enc("a&f")));
    }

    @Test
    void lookupAnswersIriLabelKindAndDescriptionAndFiltersByKind() throws Exception {
        JsonObject first = lookup("?q=tsing").get(0).getAsObject();
        assertEquals(CoopIris.DEFAULT_BASE + "id/organisation/tsinghua-university", first.get("iri").getAsString().value());
        assertEquals("Tsinghua University", first.get("label").getAsString().value());
        assertEquals("organisation", first.get("kind").getAsString().value());
        assertFalse(first.get("description").getAsString().value().isBlank());
        JsonArray people = lookup("?q=chen&kind=person");
        assertTrue(people.size() >= 2, people.toString());
        people.forEach(v -> assertEquals("person", v.getAsObject().get("kind").getAsString().value()));
        assertEquals(1, lookup("?q=chen&limit=1").size());
        assertEquals(0, lookup("?q=qqqqqqqqqqqq").size());
    }

    @Test
    void moreConnectedEntitiesComeFirstAmongEqualMatches() throws Exception {
        // "chinese" begins the names of several organisations; the Chinese Academy of Sciences is linked the most.
        JsonArray found = lookup("?q=chinese&kind=organisation&limit=5");
        assertEquals(CoopIris.DEFAULT_BASE + "id/organisation/cas", found.get(0).getAsObject().get("iri").getAsString().value(),
                found.toString());
    }

    @Test
    void badLookupParametersAreA400ThatNamesThem() throws Exception {
        assertError(HttpTestClient.get(root + CoopIris.LOOKUP_PATH, null), 400, "parameter 'q' is missing");
        assertError(HttpTestClient.get(root + CoopIris.LOOKUP_PATH + "?q=x&kind=spaceship", null), 400, "'spaceship'", "organisation");
        assertError(HttpTestClient.get(root + CoopIris.LOOKUP_PATH + "?q=x&limit=0", null), 400, "parameter 'limit' is '0'", "1 to 50");
        assertError(HttpTestClient.get(root + CoopIris.LOOKUP_PATH + "?q=" + "a".repeat(201), null), 400, "201 characters");
    }

    @Test
    void aServerWithoutAFullTextIndexSaysSo() throws Exception {
        var graph = new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load();
        try (CoopServer plain = CoopServer.builder().dataset(graph.dataset()).port(0).loopback(true).build().start()) {
            assertError(HttpTestClient.get("http://localhost:" + plain.port() + CoopIris.LOOKUP_PATH + "?q=tsing", null), 503,
                    "no full-text index", "coopkg serve");
        }
    }

    private static String firstIri(String query) throws Exception {
        JsonArray found = lookup(query);
        assertFalse(found.isEmpty(), query);
        return found.get(0).getAsObject().get("iri").getAsString().value();
    }

    private static JsonArray lookup(String query) throws Exception {
        HttpResponse<String> r = HttpTestClient.get(root + CoopIris.LOOKUP_PATH + query, "application/json");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.parseAny(r.body()).getAsArray();
    }

    private static void assertError(HttpResponse<String> r, int status, String... words) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("Error " + status + ": ") && r.body().strip().lines().count() == 1, r.body());
        for (String w : words) assertTrue(r.body().contains(w), "'" + w + "' in " + r.body());
    }

    private static JsonObject find(JsonArray queries, String name) {
        for (JsonValue v : queries) {
            if (v.getAsObject().get("name").getAsString().value().equals(name)) return v.getAsObject();
        }
        throw new AssertionError("no query " + name);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.coopkg.core.CoopIris;
import org.coopkg.core.vocab.Coop;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.coopkg.store.TextSearch;
import org.coopkg.testing.ReconciliationSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation service over HTTP, on the bundled data: every kind of answer validates against the official 0.2
 * schemas (manifest, result batches, suggestions, property proposals, data extension), answers say what the data
 * says, and every mistake a client can make is a one-line 400, never a 500.
 */
class ReconcileServiceTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static CoopServer server;
    private static ReconciliationSchemas schemas;

    @BeforeAll
    static void start() throws Exception {
        var graph = new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load();
        server = CoopServer.builder().dataset(TextSearch.withInMemoryIndex(graph.readOnlyDataset())).port(0).loopback(true)
                .build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static ReconciliationSchemas schemas() {
        if (schemas == null) schemas = ReconciliationSchemas.load();
        return schemas;
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HttpTestClient.get(server.url(pathAndQuery), null);
    }

    static HttpResponse<String> post(String path, String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static JsonObject ok(HttpResponse<String> response, String schema) {
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(HttpTestClient.contentType(response).startsWith("application/json"), HttpTestClient.contentType(response));
        schemas().assertValid(schema, response.body());
        return JSON.parse(response.body());
    }

    @Test
    void theManifestDescribesTheServiceAndValidates() throws Exception {
        JsonObject manifest = ok(get(CoopIris.RECONCILE_PATH), "manifest.json");
        assertEquals("0.2", manifest.get("versions").getAsArray().get(0).getAsString().value());
        assertEquals(CoopIris.DEFAULT_BASE + "id/", manifest.getString("identifierSpace"));
        assertEquals(Coop.NS, manifest.getString("schemaSpace"));
        assertEquals(List.of("Organisation", "Person", "Facility", "Project", "Agreement", "Event", "Place"),
                manifest.get("defaultTypes").getAsArray().stream().map(t -> t.getAsObject().getString("id")).toList());
        assertEquals(CoopIris.DEFAULT_BASE + "reconcile/view?id={{id}}", manifest.getObj("view").getString("url"));
        assertEquals("/reconcile/suggest/entity", manifest.getObj("suggest").getObj("entity").getString("service_path"));
        assertEquals("/reconcile/propose_properties", manifest.getObj("extend").getObj("propose_properties").getString("service_path"));
        assertEquals(ReconcileRequests.MAX_BATCH, manifest.getNumber("batchSize").intValue());
    }

    @Test
    void jsonpWrapsTheManifestForGetAndABadCallbackIsRefused() throws Exception {
        HttpResponse<String> jsonp = get(CoopIris.RECONCILE_PATH + "?callback=jQuery3600_17");
        assertEquals(200, jsonp.statusCode());
        assertTrue(HttpTestClient.contentType(jsonp).startsWith("application/javascript"));
        assertTrue(jsonp.body().startsWith("/**/jQuery3600_17({") && jsonp.body().endsWith("});"), jsonp.body());
        schemas().assertValid("manifest.json", jsonp.body().substring("/**/jQuery3600_17(".length(), jsonp.body().length() - 2));
        HttpResponse<String> bad = get(CoopIris.RECONCILE_PATH + "?callback=" + encode("alert(1)//"));
        assertOneLine400(bad, "callback 'alert(1)//' is not a JavaScript function name");
    }

    @Test
    void corsLetsBrowserClientsReadTheServiceAsTheyReadSparql() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url(CoopIris.RECONCILE_PATH)))
                .header("Origin", "https://openrefine.example").GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        String allowed = response.headers().firstValue("Access-Control-Allow-Origin").orElse("");
        assertTrue(allowed.equals("*") || allowed.equals("https://openrefine.example"), allowed);
        HttpRequest preflight = HttpRequest.newBuilder(URI.create(server.url(CoopIris.RECONCILE_PATH)))
                .header("Origin", "https://openrefine.example").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> answer = HTTP.send(preflight, HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"), answer.headers()::toString);
    }

    @Test
    void aBatchIsAnsweredByPostAndByGetAndValidates() throws Exception {
        String batch = "{\"q0\":{\"query\":\"Tsinghua Univ.\",\"type\":\"Organisation\",\"limit\":3},"
                + "\"q1\":{\"query\":\"Stellenbosh University\",\"properties\":[{\"pid\":\"country\",\"v\":\"ZA\"}]},"
                + "\"q2\":{\"properties\":[{\"pid\":\"wikidata\",\"v\":\"Q530471\"}]},"
                + "\"q3\":{\"query\":\"Academy of Sciences\",\"type\":[\"Organisation\",\"Person\"],\"type_strict\":\"any\"}}";
        JsonObject results = ok(post(CoopIris.RECONCILE_PATH, "queries=" + encode(batch)), "reconciliation-result-batch.json");
        JsonObject top = first(results, "q0");
        assertEquals("organisation/tsinghua-university", top.getString("id"));
        assertEquals("Tsinghua University", top.getString("name"));
        assertTrue(top.getBoolean("match"));
        assertEquals("University", top.get("type").getAsArray().get(0).getAsObject().getString("id"));
        assertTrue(results.getObj("q0").get("result").getAsArray().size() <= 3);
        assertEquals("organisation/stellenbosch-university", first(results, "q1").getString("id"));
        assertEquals("organisation/cas", first(results, "q2").getString("id"));
        assertEquals(100, first(results, "q2").getNumber("score").intValue());
        assertFalse(first(results, "q3").getBoolean("match"), "two academies of sciences");

        JsonObject byGet = ok(get(CoopIris.RECONCILE_PATH + "?queries=" + encode(batch)), "reconciliation-result-batch.json");
        assertEquals(results, byGet);
    }

    private static JsonObject first(JsonObject results, String key) {
        return results.getObj(key).get("result").getAsArray().get(0).getAsObject();
    }

    @Test
    void suggestionsValidateAndCompleteWhatIsTyped() throws Exception {
        JsonObject entities = ok(get(CoopIris.RECONCILE_SUGGEST_ENTITY_PATH + "?prefix=tsing%20univ"), "suggest-entities-response.json");
        assertEquals("organisation/tsinghua-university", entities.get("result").getAsArray().get(0).getAsObject().getString("id"));
        JsonObject byId = ok(get(CoopIris.RECONCILE_SUGGEST_ENTITY_PATH + "?prefix=person/li-d"), "suggest-entities-response.json");
        assertEquals("person/li-di", byId.get("result").getAsArray().get(0).getAsObject().getString("id"));
        JsonObject types = ok(get(CoopIris.RECONCILE_SUGGEST_TYPE_PATH + "?prefix=univ"), "suggest-types-response.json");
        JsonObject university = types.get("result").getAsArray().get(0).getAsObject();
        assertEquals("University", university.getString("id"));
        assertEquals("Organisation", university.get("broader").getAsArray().get(0).getAsObject().getString("id"));
        JsonObject properties = ok(get(CoopIris.RECONCILE_SUGGEST_PROPERTY_PATH + "?prefix=co"), "suggest-properties-response.json");
        assertTrue(ids(properties.get("result")).contains("country"), properties::toString);
    }

    private static List<String> ids(JsonValue array) {
        return array.getAsArray().stream().map(v -> v.getAsObject().getString("id")).toList();
    }

    @Test
    void propertyProposalsDependOnTheType() throws Exception {
        JsonObject organisation = ok(get(CoopIris.RECONCILE_PROPOSE_PROPERTIES_PATH + "?type=Organisation"),
                "data-extension-property-proposal.json");
        assertEquals("Organisation", organisation.getString("type"));
        List<String> forOrganisations = ids(organisation.get("properties"));
        assertTrue(forOrganisations.containsAll(List.of("country", "city", "parentOrganisation", "people", "wikidata", "ror")),
                forOrganisations::toString);
        assertFalse(forOrganisations.contains("posts"));
        List<String> forPeople = ids(ok(get(CoopIris.RECONCILE_PROPOSE_PROPERTIES_PATH + "?type=Person&limit=50"),
                "data-extension-property-proposal.json").get("properties"));
        assertTrue(forPeople.containsAll(List.of("posts", "affiliation")));
        assertFalse(forPeople.contains("ror"));
        assertEquals(2, ok(get(CoopIris.RECONCILE_PROPOSE_PROPERTIES_PATH + "?type=University&limit=2"),
                "data-extension-property-proposal.json").get("properties").getAsArray().size());
    }

    @Test
    void dataExtensionFetchesFactsWithTheIdsOfEntityValues() throws Exception {
        String extend = "{\"ids\":[\"organisation/nssc\",\"person/philip-diamond\",\"organisation/tsinghua-university\","
                + "\"organisation/no-such\"],\"properties\":[{\"id\":\"country\"},{\"id\":\"parentOrganisation\"},"
                + "{\"id\":\"wikidata\"},{\"id\":\"ror\"},{\"id\":\"posts\"}]}";
        JsonObject answer = ok(post(CoopIris.RECONCILE_PATH, "extend=" + encode(extend)), "data-extension-response.json");
        JsonObject nssc = answer.getObj("rows").getObj("organisation/nssc");
        JsonObject china = nssc.get("country").getAsArray().get(0).getAsObject();
        assertEquals(List.of("place/china", "China"), List.of(china.getString("id"), china.getString("name")));
        assertEquals("organisation/cas", nssc.get("parentOrganisation").getAsArray().get(0).getAsObject().getString("id"));
        assertEquals("02nnjtm50", nssc.get("ror").getAsArray().get(0).getAsObject().getString("str"));
        assertEquals("Q16955", answer.getObj("rows").getObj("organisation/tsinghua-university").get("wikidata").getAsArray()
                .get(0).getAsObject().getString("str"));
        String posts = answer.getObj("rows").getObj("person/philip-diamond").get("posts").getAsArray().stream()
                .map(v -> v.getAsObject().getString("str")).collect(Collectors.joining("; "));
        assertTrue(posts.contains("SKA Observatory"), posts);
        assertEquals(0, answer.getObj("rows").getObj("organisation/no-such").get("country").getAsArray().size());
        JsonObject countryMeta = answer.get("meta").getAsArray().get(0).getAsObject();
        assertEquals("Country", countryMeta.getObj("type").getString("id"));
    }

    @Test
    void aPreviewIsAnEscapedCardAndAViewRedirectsToTheEntityPage() throws Exception {
        HttpResponse<String> preview = get(CoopIris.RECONCILE_PREVIEW_PATH + "?id=" + encode("organisation/northwest-af-university"));
        assertEquals(200, preview.statusCode());
        assertTrue(HttpTestClient.contentType(preview).startsWith("text/html"));
        assertTrue(preview.body().contains("<h1><a href=\"" + CoopIris.DEFAULT_BASE + "id/organisation/northwest-af-university\""),
                preview.body());
        assertTrue(preview.body().contains("Northwest A&amp;F University"), "the & is escaped: " + preview.body());
        assertTrue(preview.body().contains("Country: China"));
        HttpResponse<String> view = get(CoopIris.RECONCILE_VIEW_PATH + "?id=organisation%2Fcas");
        assertEquals(303, view.statusCode());
        assertEquals("/id/organisation/cas", view.headers().firstValue("Location").orElse(""));
        HttpResponse<String> missing = get(CoopIris.RECONCILE_PREVIEW_PATH + "?id=organisation/atlantis");
        assertEquals(404, missing.statusCode());
        assertEquals("Error 404: coop-kg has no entity with the id 'organisation/atlantis' (ids are kind/slug, e.g. "
                + "organisation/cas)\n", missing.body());
    }

    @Test
    void everyClientMistakeIsAOneLine400() throws Exception {
        assertOneLine400(post(CoopIris.RECONCILE_PATH, "queries=" + encode("{\"q0\":{\"query\":")),
                "'queries' is not well-formed JSON");
        assertOneLine400(post(CoopIris.RECONCILE_PATH, "queries=" + encode("{\"q0\":{\"query\":\"x\",\"type\":\"Spaceship\"}}")),
                "query 'q0': unknown type 'Spaceship'; use a class of the coop-kg ontology such as Organisation");
        assertOneLine400(post(CoopIris.RECONCILE_PATH, "queries=" + encode("{\"q0\":{\"query\":\"x\",\"props\":[]}}")),
                "query 'q0': unknown field 'props'");
        assertOneLine400(post(CoopIris.RECONCILE_PATH, "queries=" + encode("{\"q0\":{\"limit\":1}}")),
                "query 'q0': it has neither a name");
        assertOneLine400(post(CoopIris.RECONCILE_PATH, "queries=" + encode("{\"q0\":{\"query\":\"x\",\"limit\":0}}")),
                "query 'q0': 'limit' must be a positive integer, not 0");
        assertOneLine400(post(CoopIris.RECONCILE_PATH, "queries=" + encode(
                "{\"q0\":{\"query\":\"x\",\"properties\":[{\"pid\":\"shoe-size\",\"v\":\"9\"}]}}")),
                "query 'q0': unknown property 'shoe-size'; a query may use country, city, wikidata, ror, geonames");
        assertOneLine400(post(CoopIris.RECONCILE_PATH, "queries=" + encode("[\"Tsinghua\"]")), "'queries' must be a JSON object");
        String tooMany = IntStream.rangeClosed(0, ReconcileRequests.MAX_BATCH)
                .mapToObj(i -> "\"q" + i + "\":{\"query\":\"Tsinghua\"}").collect(Collectors.joining(",", "{", "}"));
        assertOneLine400(post(CoopIris.RECONCILE_PATH, "queries=" + encode(tooMany)),
                "the batch has 101 queries; at most 100 are answered per request");
        assertOneLine400(post(CoopIris.RECONCILE_PATH, "extend=" + encode("{\"ids\":[\"organisation/cas\"],\"properties\":"
                + "[{\"id\":\"shoe-size\"}]}")), "unknown property 'shoe-size' to extend with");
        assertOneLine400(get(CoopIris.RECONCILE_PROPOSE_PROPERTIES_PATH), "the parameter 'type' is missing");
        assertOneLine400(get(CoopIris.RECONCILE_SUGGEST_ENTITY_PATH + "?prefix=x&cursor=-1"), "'cursor' must be a whole number");
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(server.url(CoopIris.RECONCILE_PATH)))
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, put.statusCode());
        assertTrue(put.body().startsWith("Error 405: "), put.body());
    }

    private static void assertOneLine400(HttpResponse<String> response, String start) {
        assertEquals(400, response.statusCode(), response::body);
        assertTrue(response.body().startsWith("Error 400: " + start), response.body());
        assertEquals(1, response.body().strip().lines().count(), response.body());
        assertFalse(response.body().contains("Exception"), response.body());
    }
}

package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.coopkg.core.CoopIris;
import org.coopkg.core.Ontology;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.coopkg.query.Gallery;
import org.coopkg.query.GalleryQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The query page over plain HTTP: {@code GET /} is the YASGUI page, its assets come from this server with
 * the right types, its data lists the gallery and the ontology's prefixes, and nothing it loads refers
 * to another host.
 */
class QueryPageTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ABSOLUTE_URL = Pattern.compile("(?i)\\bhttps?://([^/\\s\"'`<>)]+)");
    private static final List<String> CDN_WORDS = List.of("cdn", "unpkg", "jsdelivr", "googleapis", "gstatic",
            "cloudflare", "fonts.", "lov.linkeddata");

    private static CoopServer server;
    private static String root;

    @BeforeAll
    static void start() throws Exception {
        var graph = new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load();
        server = CoopServer.builder().dataset(graph.dataset()).port(0).loopback(true).build().start();
        root = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void rootIsTheYasguiPageWithLocalAssets() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(type(page).startsWith("text/html"), type(page));
        String html = page.body();
        assertTrue(html.contains("<script src=\"web/yasgui.min.js\"></script>"), "YASGUI script served locally");
        assertTrue(html.contains("href=\"web/yasgui.min.css\""), "YASGUI style served locally");
        assertTrue(html.contains("<script src=\"web/app.js\"></script>"));
        assertTrue(html.contains("id=\"yasgui\""));
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'self'") && csp.contains("connect-src 'self'"), csp);
    }

    @Test
    void assetsHaveTheirContentTypes() throws Exception {
        Map<String, String> types = Map.of(
                "/web/yasgui.min.js", "text/javascript",
                "/web/app.js", "text/javascript",
                "/web/yasgui.min.css", "text/css",
                "/web/app.css", "text/css",
                "/web/page.json", "application/json");
        for (var e : types.entrySet()) {
            HttpResponse<String> response = get(e.getKey());
            assertEquals(200, response.statusCode(), e.getKey());
            assertTrue(type(response).startsWith(e.getValue()), e.getKey() + ": " + type(response));
            assertFalse(response.body().isEmpty(), e.getKey());
        }
        assertTrue(get("/web/yasgui.min.js").body().contains("Yasgui"), "the YASGUI bundle");
        assertTrue(get("/web/yasgui.min.css").body().contains(".yasqe"), "the YASGUI styles");
    }

    @Test
    void unchangedAssetsAreNotSentAgain() throws Exception {
        HttpResponse<String> first = get("/web/app.js");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(URI.create(root + "/web/app.js"))
                .header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
        for (String header : List.of("W/" + etag, "\"other\", " + etag, "\"other\",W/" + etag, "*")) {
            HttpResponse<String> listed = HTTP.send(HttpRequest.newBuilder(URI.create(root + "/web/app.js"))
                    .header("If-None-Match", header).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(304, listed.statusCode(), header);
        }
        HttpResponse<String> other = HTTP.send(HttpRequest.newBuilder(URI.create(root + "/web/app.js"))
                .header("If-None-Match", "\"other\", W/\"another\"").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, other.statusCode());
    }

    @Test
    void missingAssetsAreNotKeptInMemory() throws Exception {
        QueryPageServlet assets = QueryPageServlet.assets(new PageData(
                org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem(), "/coop/sparql"));
        var served = org.apache.jena.fuseki.main.FusekiServer.create().port(0).loopback(true)
                .addServlet("/web/*", assets).build().start();
        try {
            for (int i = 0; i < 500; i++) {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + served.getPort() + "/web/x" + i + ".js")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(404, response.statusCode());
            }
            assertEquals(0, assets.cachedAssets(), "misses are not cached");
            HttpResponse<String> hit = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + served.getPort() + "/web/app.js")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, hit.statusCode());
            assertEquals(1, assets.cachedAssets(), "hits are");
        } finally {
            served.stop();
        }
    }

    @Test
    void unknownAssetsAndPathsAreNotFound() throws Exception {
        for (String path : List.of("/web/nothing.js", "/web/", "/web/%2e%2e/log4j2.properties", "/web/..%2flog4j2.properties",
                "/web/yasgui.min.js.map", "/web/.hidden.css", "/web/sub/app.js", "/no-such-page", "/index.php")) {
            int status = get(path).statusCode();
            assertTrue(status == 404 || status == 400, path + " gave " + status);
        }
    }

    @Test
    void theSparqlEndpointStillAnswers() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()
                + "?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D")).header("Accept", "application/sparql-results+json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("true"));
    }

    @Test
    void pageDataListsEveryGalleryQueryAndTheOntologyPrefixes() throws Exception {
        JsonObject data = JSON.parse(get("/web/page.json").body());
        // Relative to the page, so that the page works behind a reverse proxy that adds a path prefix.
        assertEquals("coop/sparql", data.get("endpoint").getAsString().value());

        List<GalleryQuery> gallery = Gallery.bundled();
        var examples = data.get("examples").getAsArray();
        assertEquals(gallery.size(), examples.size(), "one example per gallery query");
        for (int i = 0; i < gallery.size(); i++) {
            JsonObject example = examples.get(i).getAsObject();
            assertEquals(gallery.get(i).file(), string(example, "file"));
            assertEquals(gallery.get(i).title(), string(example, "title"));
            assertEquals(gallery.get(i).question(), string(example, "question"));
            assertEquals(gallery.get(i).sparql(), string(example, "sparql"));
        }

        Map<String, String> prefixes = new HashMap<>();
        data.get("prefixes").getAsArray().forEach(p -> prefixes.put(string(p.getAsObject(), "prefix"),
                string(p.getAsObject(), "namespace")));
        assertEquals(Ontology.graph().getPrefixMapping().getNsPrefixMap(), prefixes);
        assertEquals("https://w3id.org/coop-kg/ontology#", prefixes.get("coop"));
    }

    @Test
    void pageDataCountsTheKindsOfTheLoadedGraph() throws Exception {
        JsonObject data = JSON.parse(get("/web/page.json").body());
        Map<String, Long> counts = new HashMap<>();
        data.get("counts").getAsArray().forEach(c -> counts.put(string(c.getAsObject(), "kind"),
                c.getAsObject().get("count").getAsNumber().value().longValue()));
        for (String kind : List.of("organisation", "person", "project", "agreement", "place", "source")) {
            assertTrue(counts.getOrDefault(kind, 0L) > 0, kind + " in " + counts);
        }
        // Counted from the data, not made up: compare one kind with SPARQL.
        HttpResponse<String> people = HTTP.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query="
                + java.net.URLEncoder.encode("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <http://xmlns.com/foaf/0.1/Person> "
                        + "FILTER(STRSTARTS(STR(?p), \"" + CoopIris.DEFAULT_BASE + "id/person/\")) }", java.nio.charset.StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, people.statusCode(), people.body());
        assertEquals(Long.parseLong(people.body().lines().skip(1).findFirst().orElseThrow().strip()), counts.get("person"));
        JsonObject totals = data.get("totals").getAsObject();
        assertTrue(totals.get("triples").getAsNumber().value().longValue() > 1000);
        long assertions = totals.get("assertions").getAsNumber().value().longValue();
        assertTrue(assertions > 100);
        long implied = totals.get("implied").getAsNumber().value().longValue();
        assertEquals(assertions, totals.get("stated").getAsNumber().value().longValue() + implied,
                "every curated row is stated or implied");
        HttpResponse<String> impliedRows = HTTP.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query="
                + java.net.URLEncoder.encode("PREFIX coop: <https://w3id.org/coop-kg/ontology#> "
                        + "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a coop:support coop:Implied }", java.nio.charset.StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(Long.parseLong(impliedRows.body().lines().skip(1).findFirst().orElseThrow().strip()), implied);
        assertTrue(implied > 10, "the bundled data has rows the curator reads from context: " + implied);
    }

    @Test
    void thePageLinksOnlyWhatTheServerServes() throws Exception {
        var served = JSON.parse(get("/web/page.json").body()).get("links").getAsArray();
        assertEquals(3, served.size(), served::toString);
        for (int i = 0; i < served.size(); i++) {
            String path = string(served.get(i).getAsObject(), "path");
            assertFalse(path.startsWith("/"), path + " is relative to the page, for a reverse proxy's path prefix");
            assertEquals(200, get("/" + path).statusCode(), "the page links " + path + ", which must be served");
        }
        PageData data = new PageData(org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem(), "/coop/sparql")
                .link("Dataset description <VoID> & \"DCAT\"", "/.well-known/void");
        var links = JSON.parse(data.json()).get("links").getAsArray();
        assertEquals(1, links.size());
        assertEquals("Dataset description <VoID> & \"DCAT\"", string(links.get(0).getAsObject(), "label"));
        assertEquals(".well-known/void", string(links.get(0).getAsObject(), "path"));
        assertEquals("coop/sparql", string(JSON.parse(data.json()), "endpoint"));
        for (String elsewhere : List.of("https://example.org/dump.nq", "//example.org/dump.nq", "javascript:alert(1)")) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> data.link("elsewhere", elsewhere));
        }
    }

    @Test
    void thePageRefersToNoOtherHost() throws Exception {
        for (String path : List.of("/", "/web/app.js", "/web/app.css")) {
            String text = get(path).body();
            List<String> hosts = new ArrayList<>();
            Matcher m = ABSOLUTE_URL.matcher(text);
            while (m.find()) hosts.add(m.group(0));
            // The only absolute URL allowed would be the endpoint on this very origin; the page uses a relative one.
            hosts.removeIf(url -> url.startsWith(root));
            assertTrue(hosts.isEmpty(), path + " refers to " + hosts);
            String lower = text.toLowerCase(Locale.ROOT);
            for (String word : CDN_WORDS) assertFalse(lower.contains(word), path + " mentions " + word);
            assertFalse(lower.contains("@import"), path + " imports a style");
            assertFalse(lower.contains("//fonts") || lower.contains("url(//"), path + " loads a font from elsewhere");
        }
        // The YASGUI styles load no fonts or images from elsewhere either.
        String css = get("/web/yasgui.min.css").body();
        Matcher urls = Pattern.compile("url\\(\\s*['\"]?([^)'\"]*)").matcher(css);
        while (urls.find()) {
            String url = urls.group(1);
            assertTrue(url.startsWith("data:") || url.startsWith("#") || !url.contains("//"), "yasgui.min.css loads " + url);
        }
        assertFalse(css.contains("@import"), "yasgui.min.css imports a style");
    }

    private static String string(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value == null ? null : value.getAsString().value();
    }

    private static String type(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(root + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}

package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The result cache of a read-only server: a repeated query is answered from it with the same bytes and headers,
 * keyed by the query, its parameters and Accept; clients get an ETag and revalidate with If-None-Match; errors and
 * timeouts are never kept or marked cacheable; a server without the cache sends no cache headers.
 */
class ResultCacheTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String QUERY = "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label LIMIT 20";
    private static CoopServer cached;
    private static CoopServer plain;

    @BeforeAll
    static void start() throws Exception {
        DatasetGraph data = new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load().readOnlyDataset();
        cached = CoopServer.builder().dataset(data).port(0).loopback(true).resultCache(1 << 20).build().start();
        plain = CoopServer.builder().dataset(data).port(0).loopback(true).build().start();
    }

    @AfterAll
    static void stop() {
        if (cached != null) cached.close();
        if (plain != null) plain.close();
    }

    private static HttpResponse<String> get(CoopServer server, String query, String accept, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", accept);
        if (ifNoneMatch != null) request.header("If-None-Match", ifNoneMatch);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRepeatedQueryIsAnsweredFromTheCacheWithTheSameBytes() throws Exception {
        String query = QUERY + " # first";
        HttpResponse<String> first = get(cached, query, "application/sparql-results+json", null);
        HttpResponse<String> second = get(cached, query, "application/sparql-results+json", null);
        assertEquals(200, first.statusCode());
        assertEquals("miss", first.headers().firstValue(ResultCache.STATUS).orElse(""));
        assertEquals("hit", second.headers().firstValue(ResultCache.STATUS).orElse(""));
        assertEquals(first.body(), second.body());
        assertEquals(first.headers().firstValue("Content-Type"), second.headers().firstValue("Content-Type"));
        assertEquals(first.headers().firstValue("ETag"), second.headers().firstValue("ETag"));
        assertTrue(second.headers().firstValue("Cache-Control").orElse("").startsWith("public, max-age="));
    }

    @Test
    void acceptIsPartOfTheKey() throws Exception {
        String query = QUERY + " # accept";
        HttpResponse<String> json = get(cached, query, "application/sparql-results+json", null);
        HttpResponse<String> xml = get(cached, query, "application/sparql-results+xml", null);
        assertEquals("miss", xml.headers().firstValue(ResultCache.STATUS).orElse(""));
        assertTrue(xml.body().startsWith("<?xml"), xml.body());
        assertNotEquals(json.headers().firstValue("ETag"), xml.headers().firstValue("ETag"));
    }

    @Test
    void aClientRevalidatesWithItsEtag() throws Exception {
        HttpResponse<String> first = get(cached, QUERY + " # etag", "application/sparql-results+json", null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get(cached, QUERY + " # etag", "application/sparql-results+json", etag).statusCode());
        assertEquals(200, get(cached, QUERY + " # etag", "application/sparql-results+json", "\"other\"").statusCode());
    }

    @Test
    void errorsAreNeitherKeptNorCacheable() throws Exception {
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> bad = get(cached, "SELECT WHERE {", "application/sparql-results+json", null);
            assertEquals(400, bad.statusCode());
            assertTrue(bad.headers().firstValue("Cache-Control").orElse("").contains("no-store"), bad.headers().map().toString());
            assertTrue(bad.headers().firstValue("ETag").isEmpty(), bad.headers().map().toString());
            assertTrue(bad.body().startsWith("Error 400"), bad.body());
        }
    }

    @Test
    void aServerWithoutTheCacheSendsNoCacheHeaders() throws Exception {
        HttpResponse<String> answer = get(plain, QUERY, "application/sparql-results+json", null);
        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("ETag").isEmpty());
        assertTrue(answer.headers().firstValue(ResultCache.STATUS).isEmpty());
    }
}

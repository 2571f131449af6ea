package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.coopkg.query.Gallery;
import org.coopkg.query.GalleryQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI 3 description served at {@code /api/openapi.json} validates with swagger-parser (no messages), and
 * describes every route of the web API and every gallery query with its parameters.
 */
class OpenApiDescriptionTest {
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
    void theServedDescriptionValidatesAndCoversTheApi() throws Exception {
        HttpResponse<String> r = HttpTestClient.get(root + CoopIris.OPENAPI_PATH, null);
        assertEquals(200, r.statusCode());
        assertTrue(HttpTestClient.contentType(r).startsWith("application/json"));
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(r.body(), null, options);
        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(), "validator: " + result.getMessages());
        OpenAPI api = result.getOpenAPI();
        assertNotNull(api);
        assertEquals("3.0.3", api.getOpenapi());
        assertNotNull(api.getPaths().get(CoopIris.LOOKUP_PATH));
        assertNotNull(api.getPaths().get(CoopIris.QUERIES_PATH));
        assertNotNull(api.getPaths().get(CoopIris.OPENAPI_PATH));
        for (GalleryQuery q : Gallery.bundled()) {
            PathItem item = api.getPaths().get(CoopIris.galleryQueryPath(q.name()));
            assertNotNull(item, q.name());
            for (var p : q.parameters()) {
                assertTrue(item.getGet().getParameters().stream().map(Parameter::getName).anyMatch(p.name()::equals),
                        q.name() + " documents its parameter " + p.name());
            }
        }
    }

    @Test
    void aBrokenDescriptionIsRejectedByTheSameValidator() {
        // The check above can fail: the validator reports a description that misses what OpenAPI requires.
        SwaggerParseResult result = new OpenAPIV3Parser().readContents("{\"openapi\":\"3.0.3\",\"paths\":{}}", null, new ParseOptions());
        assertTrue(result.getMessages() != null && !result.getMessages().isEmpty(), "no messages for a description without info");
    }
}

package org.coopkg.web;

import java.util.List;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonNumber;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonString;
import org.apache.jena.atlas.json.JsonValue;
import org.coopkg.core.CoopIris;
import org.coopkg.core.Format;
import org.coopkg.load.CuratedSchema;
import org.coopkg.query.GalleryQuery;
import org.coopkg.query.QueryParameter;

/**
 * The OpenAPI 3 description of the web API ({@code /api/openapi.json}): the entity lookup, the gallery listing and
 * one path per gallery query with its own parameters, each typed as the query's header declares it. Made from the
 * same gallery the API runs, so the two cannot disagree.
 */
final class OpenApiDescription {
    private static final String TEXT = "text/plain";

    private OpenApiDescription() {}

    static String json(List<GalleryQuery> gallery) {
        JsonObject doc = new JsonObject();
        doc.put("openapi", "3.0.3");
        JsonObject info = new JsonObject();
        info.put("title", "coop-kg web API");
        info.put("version", "1");
        info.put("description", "Entity lookup and the query gallery of coop-kg, a knowledge graph of international "
                + "science and technology cooperation, for programs and spreadsheets that do not write SPARQL. "
                + "Errors are one line of plain text: 'Error N: what is wrong and how to fix it'. The SPARQL "
                + "endpoint itself is at " + CoopIris.SPARQL_PATH + ".");
        doc.put("info", info);
        JsonArray servers = new JsonArray();
        servers.add(object("url", "/", "description", "this server"));
        doc.put("servers", servers);

        JsonObject paths = new JsonObject();
        paths.put(CoopIris.LOOKUP_PATH, lookup());
        paths.put(CoopIris.QUERIES_PATH, get("listGalleryQueries", "The gallery of queries",
                "Every query of the gallery: its name, title, question, intended view, parameters and columns.",
                new JsonArray(), jsonResponse("The gallery", ref("QueryList"))));
        for (GalleryQuery q : gallery) paths.put(CoopIris.galleryQueryPath(q.name()), runQuery(q));
        paths.put(CoopIris.OPENAPI_PATH, get("openApiDescription", "This description", "The OpenAPI 3 description of the web API.",
                new JsonArray(), jsonResponse("The description", object("type", "object"))));
        doc.put("paths", paths);
        doc.put("components", components());
        return doc.toString();
    }

    private static JsonObject lookup() {
        JsonArray parameters = new JsonArray();
        parameters.add(parameter("q", "What was typed of the name: words, each matched as the beginning of a word of "
                + "the name or as a near spelling (\"max pla\", \"tsinhua\").", true,
                object("type", "string", "minLength", 1, "maxLength", LookupServlet.MAX_QUERY), "max pla"));
        JsonObject kind = object("type", "string");
        JsonArray kinds = new JsonArray();
        CuratedSchema.kinds().forEach(kinds::add);
        kind.put("enum", kinds);
        parameters.add(parameter("kind", "Only entities of this kind.", false, kind, null));
        parameters.add(parameter("limit", "How many entities at most.", false, object("type", "integer", "minimum", 1,
                "maximum", LookupServlet.MAX_LIMIT, "default", LookupServlet.DEFAULT_LIMIT), null));
        JsonObject array = object("type", "array");
        array.put("items", ref("LookupResult"));
        JsonObject path = get("lookupEntities", "Find entities by name",
                "Entities whose names begin with, or are spelled close to, what was typed; best match first, then the "
                        + "most connected entities.", parameters, jsonResponse("The entities found, best first", array));
        JsonObject responses = path.get("get").getAsObject().get("responses").getAsObject();
        responses.put("400", textResponse("A parameter is missing or does not fit; the line names it."));
        responses.put("503", textResponse("The server has no full-text index."));
        return path;
    }

    private static JsonObject runQuery(GalleryQuery q) {
        JsonArray parameters = new JsonArray();
        for (QueryParameter p : q.parameters()) {
            JsonObject items = schemaOf(p);
            JsonObject schema = object("type", "array");
            schema.put("items", items);
            JsonArray defaults = new JsonArray();
            p.defaults().forEach(defaults::add);
            schema.put("default", defaults);
            JsonObject parameter = parameter(p.name(), p.description() + " (replaces the query's VALUES ?" + p.name()
                    + "; repeat the parameter for several values).", false, schema, null);
            parameter.put("style", "form");
            parameter.put("explode", true);
            parameters.add(parameter);
        }
        JsonObject format = object("type", "string");
        JsonArray names = new JsonArray();
        GalleryApiServlet.FORMATS.forEach(f -> names.add(f.formatName()));
        format.put("enum", names);
        parameters.add(parameter(GalleryApiServlet.FORMAT, "The answer's format; without it, Accept decides (SPARQL JSON by default).",
                false, format, null));
        StringBuilder about = new StringBuilder(q.question()).append(" Columns: ");
        for (int i = 0; i < q.columns().size(); i++) {
            GalleryQuery.Column c = q.columns().get(i);
            about.append(i > 0 ? "; " : "").append(c.name()).append(c.description().isEmpty() ? "" : " — " + c.description());
        }
        JsonObject content = new JsonObject();
        content.put(Format.JSON.mediaType(), object("schema", ref("SparqlResults")));
        content.put(Format.CSV.mediaType(), object("schema", object("type", "string")));
        content.put(Format.TSV.mediaType(), object("schema", object("type", "string")));
        JsonObject ok = object("description", "The answer: one row per result, the columns above");
        ok.put("content", content);
        JsonObject responses = new JsonObject();
        responses.put("200", ok);
        responses.put("400", textResponse("A parameter the query does not have, or a value that does not fit it; the line names it."));
        responses.put("406", textResponse("Accept allows none of the formats."));
        responses.put("503", textResponse("The query did not finish within the server's timeout."));
        JsonObject operation = object("operationId", "run_" + q.name().replace('-', '_'), "summary", q.title(), "description", about.toString());
        JsonArray tags = new JsonArray();
        tags.add("gallery");
        operation.put("tags", tags);
        operation.put("parameters", parameters);
        operation.put("responses", responses);
        return object("get", operation);
    }

    /** The schema of one value of a parameter, by its type. */
    private static JsonObject schemaOf(QueryParameter p) {
        return switch (p.type()) {
            case "iri" -> object("type", "string", "format", "uri");
            case "integer" -> object("type", "integer");
            case "decimal" -> object("type", "number");
            default -> object("type", "string", "minLength", 1);
        };
    }

    private static JsonObject components() {
        JsonObject schemas = new JsonObject();
        JsonObject lookupResult = properties(List.of("iri", "label", "kind", "description"),
                object("type", "string", "format", "uri"), object("type", "string"), object("type", "string"),
                object("type", "string"));
        schemas.put("LookupResult", lookupResult);
        JsonObject parameter = properties(List.of("name", "type", "description", "default"), object("type", "string"),
                object("type", "string", "description", "iri, string, text@LANG, integer or decimal"),
                object("type", "string"), array(object("type", "string")));
        schemas.put("QueryParameter", parameter);
        schemas.put("QueryColumn", properties(List.of("name", "description"), object("type", "string"), object("type", "string")));
        JsonObject query = properties(List.of("name", "title", "question", "view", "path", "parameters", "columns"),
                object("type", "string"), object("type", "string"), object("type", "string"),
                enumOf(GalleryQuery.VIEWS), object("type", "string"), array(ref("QueryParameter")), array(ref("QueryColumn")));
        schemas.put("GalleryQuery", query);
        schemas.put("QueryList", properties(List.of("queries"), array(ref("GalleryQuery"))));
        JsonObject results = object("type", "object", "description",
                "SPARQL 1.1 Query Results JSON Format (https://www.w3.org/TR/sparql11-results-json/)");
        JsonObject head = object("type", "object");
        JsonObject resultsProperties = new JsonObject();
        resultsProperties.put("head", head);
        resultsProperties.put("results", object("type", "object"));
        results.put("properties", resultsProperties);
        schemas.put("SparqlResults", results);
        return object("schemas", schemas);
    }

    private static JsonObject get(String id, String summary, String description, JsonArray parameters, JsonObject ok) {
        JsonObject operation = object("operationId", id, "summary", summary, "description", description);
        operation.put("parameters", parameters);
        JsonObject responses = new JsonObject();
        responses.put("200", ok);
        operation.put("responses", responses);
        return object("get", operation);
    }

    private static JsonObject parameter(String name, String description, boolean required, JsonObject schema, String example) {
        JsonObject p = object("name", name, "in", "query", "description", description);
        p.put("required", required);
        p.put("schema", schema);
        if (example != null) p.put("example", example);
        return p;
    }

    private static JsonObject jsonResponse(String description, JsonObject schema) {
        JsonObject content = new JsonObject();
        content.put(Json.MEDIA_TYPE, object("schema", schema));
        JsonObject r = object("description", description);
        r.put("content", content);
        return r;
    }

    private static JsonObject textResponse(String description) {
        JsonObject content = new JsonObject();
        content.put(TEXT, object("schema", object("type", "string", "example", "Error 400: parameter 'limit' is 'x'; give a whole number from 1 to 50")));
        JsonObject r = object("description", description);
        r.put("content", content);
        return r;
    }

    private static JsonObject properties(List<String> names, JsonObject... schemas) {
        JsonObject props = new JsonObject();
        JsonArray required = new JsonArray();
        for (int i = 0; i < names.size(); i++) {
            props.put(names.get(i), schemas[i]);
            required.add(names.get(i));
        }
        JsonObject o = object("type", "object");
        o.put("properties", props);
        o.put("required", required);
        return o;
    }

    private static JsonObject enumOf(List<String> values) {
        JsonObject o = object("type", "string");
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        o.put("enum", a);
        return o;
    }

    private static JsonObject array(JsonObject items) {
        JsonObject o = object("type", "array");
        o.put("items", items);
        return o;
    }

    private static JsonObject ref(String schema) {
        return object("$ref", "#/components/schemas/" + schema);
    }

    /** An object of alternating keys and values (strings, numbers or JSON values). */
    private static JsonObject object(Object... keysAndValues) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            JsonValue value = v instanceof JsonValue j ? j : v instanceof Number n ? JsonNumber.value(n.longValue())
                    : new JsonString(String.valueOf(v));
            o.put((String) keysAndValues[i], value);
        }
        return o;
    }
}

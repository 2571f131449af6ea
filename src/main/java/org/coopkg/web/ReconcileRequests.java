package org.coopkg.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonParseException;
import org.apache.jena.atlas.json.JsonValue;
import org.coopkg.reconcile.DataExtension;
import org.coopkg.reconcile.QueryProperty;
import org.coopkg.reconcile.ReconcileException;
import org.coopkg.reconcile.ReconcileQuery;
import org.coopkg.reconcile.Types;

/**
 * Reads the JSON a client sends: a reconciliation query batch ({@code queries=}) and a data extension query
 * ({@code extend=}), checked as strictly as the 0.2 schemas state them. Anything else is a {@link ReconcileException}
 * whose message names the query and the field at fault.
 */
final class ReconcileRequests {
    /** The most queries in one batch, and ids in one extension request (the manifest's {@code batchSize}). */
    static final int MAX_BATCH = 100;
    private static final Set<String> QUERY_FIELDS = Set.of("query", "type", "limit", "properties", "type_strict");
    private static final String EXAMPLE = "{\"q0\":{\"query\":\"Tsinghua University\",\"type\":\"Organisation\"}}";

    /** An extension request: the entity ids and the properties to fetch. */
    record Extend(List<String> ids, List<DataExtension.Property> properties) {}

    private ReconcileRequests() {}

    static Map<String, ReconcileQuery> queries(String text, Types types) {
        JsonValue json = parse(text, "queries", EXAMPLE);
        if (!json.isObject()) throw new ReconcileException("'queries' must be a JSON object of queries by key, e.g. " + EXAMPLE);
        JsonObject batch = json.getAsObject();
        if (batch.size() > MAX_BATCH) {
            throw new ReconcileException("the batch has " + batch.size() + " queries; at most " + MAX_BATCH
                    + " are answered per request (the manifest's batchSize): send the rest in further requests");
        }
        Map<String, ReconcileQuery> queries = new LinkedHashMap<>();
        batch.forEach((key, value) -> {
            try {
                queries.put(key, query(value, types));
            } catch (ReconcileException e) {
                throw new ReconcileException("query '" + key + "': " + e.getMessage());
            }
        });
        return queries;
    }

    private static ReconcileQuery query(JsonValue value, Types types) {
        if (!value.isObject()) throw new ReconcileException("a query is a JSON object such as {\"query\":\"Tsinghua University\"}");
        JsonObject q = value.getAsObject();
        for (String field : q.keys()) {
            if (!QUERY_FIELDS.contains(field)) {
                throw new ReconcileException("unknown field '" + field + "'; a query has " + String.join(", ", QUERY_FIELDS.stream().sorted().toList()));
            }
        }
        String text = q.hasKey("query") ? string(q.get("query"), "'query'") : "";
        List<Types.Type> typeList = new ArrayList<>();
        if (q.hasKey("type")) {
            JsonValue t = q.get("type");
            List<JsonValue> names = t.isArray() ? t.getAsArray() : List.of(t);
            for (JsonValue name : names) typeList.add(types.resolve(string(name, "'type'")));
        }
        int limit = q.hasKey("limit") ? positiveInteger(q.get("limit"), "'limit'") : ReconcileQuery.DEFAULT_LIMIT;
        List<ReconcileQuery.Constraint> properties = q.hasKey("properties") ? properties(q.get("properties")) : List.of();
        if (q.hasKey("type_strict")) {
            String strict = string(q.get("type_strict"), "'type_strict'");
            if (!Set.of("any", "should", "all").contains(strict)) {
                throw new ReconcileException("'type_strict' is '" + strict + "'; use any, should or all");
            }
        }
        if (text.isBlank() && properties.isEmpty()) {
            throw new ReconcileException("it has neither a name ('query', a non-empty string) nor 'properties'");
        }
        return new ReconcileQuery(text, typeList, limit, properties, Set.of(), Optional.empty());
    }

    private static List<ReconcileQuery.Constraint> properties(JsonValue value) {
        if (!value.isArray()) throw new ReconcileException("'properties' must be an array of {\"pid\": …, \"v\": …}");
        List<ReconcileQuery.Constraint> constraints = new ArrayList<>();
        for (JsonValue item : value.getAsArray()) {
            if (!item.isObject() || !item.getAsObject().hasKey("pid") || !item.getAsObject().hasKey("v")) {
                throw new ReconcileException("each of 'properties' is {\"pid\": \"country\", \"v\": \"China\"}");
            }
            QueryProperty property = QueryProperty.resolve(string(item.getAsObject().get("pid"), "'pid'"));
            JsonValue v = item.getAsObject().get("v");
            List<String> values = new ArrayList<>();
            for (JsonValue one : v.isArray() ? v.getAsArray() : List.of(v)) values.add(propertyValue(one));
            constraints.add(new ReconcileQuery.Constraint(property, values));
        }
        return constraints;
    }

    /** A string, number or boolean as text; an entity ({@code {"id": …}}) by its id. */
    private static String propertyValue(JsonValue v) {
        if (v.isString()) return v.getAsString().value();
        if (v.isNumber()) return v.getAsNumber().value().toString();
        if (v.isBoolean()) return Boolean.toString(v.getAsBoolean().value());
        if (v.isObject() && v.getAsObject().hasKey("id") && v.getAsObject().get("id").isString()) {
            return v.getAsObject().get("id").getAsString().value();
        }
        throw new ReconcileException("a property value is a string, number, boolean or {\"id\": \"…\"}, not " + JSON.toStringFlat(v));
    }

    static Extend extend(String text) {
        String example = "{\"ids\":[\"organisation/cas\"],\"properties\":[{\"id\":\"country\"}]}";
        JsonValue json = parse(text, "extend", example);
        if (!json.isObject() || !json.getAsObject().hasKey("ids") || !json.getAsObject().hasKey("properties")
                || !json.getAsObject().get("ids").isArray() || !json.getAsObject().get("properties").isArray()) {
            throw new ReconcileException("'extend' must be a JSON object with 'ids' and 'properties' arrays, e.g. " + example);
        }
        JsonArray ids = json.getAsObject().get("ids").getAsArray();
        if (ids.size() > MAX_BATCH) {
            throw new ReconcileException("the extension asks for " + ids.size() + " entities; at most " + MAX_BATCH
                    + " are answered per request: send the rest in further requests");
        }
        List<String> idList = new ArrayList<>();
        for (JsonValue id : ids) idList.add(string(id, "an id"));
        List<DataExtension.Property> properties = new ArrayList<>();
        for (JsonValue p : json.getAsObject().get("properties").getAsArray()) {
            if (!p.isObject() || !p.getAsObject().hasKey("id")) {
                throw new ReconcileException("each of 'properties' is {\"id\": \"country\"}");
            }
            properties.add(DataExtension.Property.resolve(string(p.getAsObject().get("id"), "a property id")));
        }
        return new Extend(idList, properties);
    }

    private static JsonValue parse(String text, String parameter, String example) {
        try {
            return JSON.parseAny(text);
        } catch (JsonParseException e) {
            String where = e.getLine() > 0 ? " (at line " + e.getLine() + ", column " + e.getColumn() + ")" : "";
            throw new ReconcileException("'" + parameter + "' is not well-formed JSON" + where + "; send e.g. " + example);
        } catch (RuntimeException e) {
            throw new ReconcileException("'" + parameter + "' is not well-formed JSON; send e.g. " + example);
        }
    }

    private static String string(JsonValue v, String what) {
        if (!v.isString()) throw new ReconcileException(what + " must be a string, not " + JSON.toStringFlat(v));
        return v.getAsString().value();
    }

    private static int positiveInteger(JsonValue v, String what) {
        if (v.isNumber()) {
            double d = v.getAsNumber().value().doubleValue();
            if (d >= 1 && d == Math.rint(d)) return (int) Math.min(d, Integer.MAX_VALUE);
        }
        throw new ReconcileException(what + " must be a positive integer, not " + JSON.toStringFlat(v));
    }
}

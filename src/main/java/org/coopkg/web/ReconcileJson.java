package org.coopkg.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonNumber;
import org.apache.jena.atlas.json.JsonObject;
import org.coopkg.core.CoopIris;
import org.coopkg.core.vocab.Coop;
import org.coopkg.reconcile.Candidate;
import org.coopkg.reconcile.DataExtension;
import org.coopkg.reconcile.Entry;
import org.coopkg.reconcile.QueryProperty;
import org.coopkg.reconcile.ReconcileService;
import org.coopkg.reconcile.Types;

/**
 * The JSON documents of the reconciliation service, as the W3C Reconciliation Service API 0.2 and its schemas
 * define them: the manifest, result batches, suggestions, property proposals and data extension responses.
 */
final class ReconcileJson {
    /** Preview card size, in pixels, announced in the manifest. */
    static final int PREVIEW_WIDTH = 400;
    static final int PREVIEW_HEIGHT = 160;

    private ReconcileJson() {}

    /**
     * The manifest: entity ids are paths under the entity space ({@code organisation/x}), so identifier space + id is
     * the entity's IRI; type ids are local names in the ontology, so schema space + id is the class's IRI.
     */
    static JsonObject manifest(ReconcileService service, CoopIris iris, int batchSize) {
        String host = iris.base().substring(0, iris.base().length() - 1);
        JsonObject m = new JsonObject();
        JsonArray versions = new JsonArray();
        versions.add("0.2");
        m.put("versions", versions);
        m.put("name", "coop-kg: international science and technology cooperation");
        m.put("identifierSpace", iris.entitySpace());
        m.put("schemaSpace", Coop.NS);
        m.put("documentation", iris.iriOfPath(CoopIris.ONTOLOGY_PATH));
        JsonArray defaults = new JsonArray();
        service.types().defaults().forEach(t -> defaults.add(type(t)));
        m.put("defaultTypes", defaults);
        m.put("view", urlTemplate(iris.iriOfPath(CoopIris.RECONCILE_VIEW_PATH) + "?id={{id}}"));
        JsonObject preview = urlTemplate(iris.iriOfPath(CoopIris.RECONCILE_PREVIEW_PATH) + "?id={{id}}");
        preview.put("width", PREVIEW_WIDTH);
        preview.put("height", PREVIEW_HEIGHT);
        m.put("preview", preview);
        JsonObject suggest = new JsonObject();
        suggest.put("entity", servicePath(host, CoopIris.RECONCILE_SUGGEST_ENTITY_PATH));
        suggest.put("type", servicePath(host, CoopIris.RECONCILE_SUGGEST_TYPE_PATH));
        suggest.put("property", servicePath(host, CoopIris.RECONCILE_SUGGEST_PROPERTY_PATH));
        m.put("suggest", suggest);
        JsonObject extend = new JsonObject();
        extend.put("propose_properties", servicePath(host, CoopIris.RECONCILE_PROPOSE_PROPERTIES_PATH));
        m.put("extend", extend);
        m.put("batchSize", batchSize);
        return m;
    }

    private static JsonObject urlTemplate(String url) {
        JsonObject o = new JsonObject();
        o.put("url", url);
        return o;
    }

    private static JsonObject servicePath(String host, String path) {
        JsonObject o = new JsonObject();
        o.put("service_url", host);
        o.put("service_path", path);
        return o;
    }

    static JsonObject type(Types.Type type) {
        JsonObject o = new JsonObject();
        o.put("id", type.id());
        o.put("name", type.name());
        return o;
    }

    /** A type with its direct broader types ({@code id} and {@code name} each), for type suggestions. */
    static JsonObject typeWithBroader(Types types, Types.Type type) {
        JsonObject o = type(type);
        if (!type.broader().isEmpty()) {
            JsonArray broader = new JsonArray();
            type.broader().forEach(id -> broader.add(type(types.resolve(id))));
            o.put("broader", broader);
        }
        return o;
    }

    static JsonObject candidates(Types types, List<Candidate> candidates) {
        JsonArray result = new JsonArray();
        for (Candidate c : candidates) {
            JsonObject o = entity(types, c.entry());
            o.put("score", JsonNumber.value(c.score()));
            o.put("match", c.match());
            JsonArray features = new JsonArray();
            for (Candidate.Feature f : c.features()) {
                JsonObject feature = new JsonObject();
                feature.put("id", f.id());
                if (f.value() instanceof Boolean b) feature.put("value", b);
                else feature.put("value", JsonNumber.value(((Number) f.value()).doubleValue()));
                features.add(feature);
            }
            o.put("features", features);
            result.add(o);
        }
        JsonObject o = new JsonObject();
        o.put("result", result);
        return o;
    }

    /** {@code id}, {@code name}, {@code type} (the most specific classes), {@code description} where there is one. */
    private static JsonObject entity(Types types, Entry entry) {
        JsonObject o = new JsonObject();
        o.put("id", entry.id());
        o.put("name", entry.label());
        JsonArray typeArray = new JsonArray();
        types.mostSpecific(entry.types()).forEach(t -> typeArray.add(type(t)));
        o.put("type", typeArray);
        if (!entry.description().isEmpty()) o.put("description", entry.description());
        return o;
    }

    static JsonObject suggestedEntities(Types types, List<Entry> entries) {
        JsonArray result = new JsonArray();
        for (Entry e : entries) {
            JsonObject o = new JsonObject();
            o.put("id", e.id());
            o.put("name", e.label());
            if (!e.description().isEmpty()) o.put("description", e.description());
            JsonArray notable = new JsonArray();
            types.mostSpecific(e.types()).forEach(t -> notable.add(type(t)));
            o.put("notable", notable);
            result.add(o);
        }
        return withResult(result);
    }

    static JsonObject suggestedTypes(Types types, List<Types.Type> found) {
        JsonArray result = new JsonArray();
        found.forEach(t -> result.add(typeWithBroader(types, t)));
        return withResult(result);
    }

    /** Properties of queries and of data extension, each once, by id. */
    static JsonObject suggestedProperties(Map<String, String[]> properties) {
        JsonArray result = new JsonArray();
        properties.forEach((id, nameAndDescription) -> {
            JsonObject o = new JsonObject();
            o.put("id", id);
            o.put("name", nameAndDescription[0]);
            if (nameAndDescription[1] != null) o.put("description", nameAndDescription[1]);
            result.add(o);
        });
        return withResult(result);
    }

    static String[] describe(QueryProperty p) {
        return new String[] {p.label(), p.description()};
    }

    static JsonObject proposals(Types.Type type, List<DataExtension.Property> properties, Optional<Integer> limit) {
        JsonObject o = new JsonObject();
        JsonArray array = new JsonArray();
        properties.stream().limit(limit.orElse(properties.size())).forEach(p -> {
            JsonObject property = new JsonObject();
            property.put("id", p.id());
            property.put("name", p.label());
            array.add(property);
        });
        o.put("properties", array);
        o.put("type", type.id());
        limit.ifPresent(l -> o.put("limit", l));
        return o;
    }

    static JsonObject extension(Types types, List<DataExtension.Property> properties,
                                Map<String, Map<DataExtension.Property, List<DataExtension.Value>>> rows) {
        JsonObject o = new JsonObject();
        JsonArray meta = new JsonArray();
        for (DataExtension.Property p : properties) {
            JsonObject m = new JsonObject();
            m.put("id", p.id());
            m.put("name", p.label());
            p.valueType().ifPresent(t -> m.put("type", type(types.resolve(t))));
            meta.add(m);
        }
        o.put("meta", meta);
        JsonObject rowsObject = new JsonObject();
        rows.forEach((id, row) -> {
            JsonObject r = new JsonObject();
            row.forEach((p, values) -> {
                JsonArray array = new JsonArray();
                for (DataExtension.Value v : values) {
                    JsonObject value = new JsonObject();
                    if (v.id() != null) {
                        value.put("id", v.id());
                        value.put("name", v.name());
                    } else {
                        value.put("str", v.name());
                    }
                    array.add(value);
                }
                r.put(p.id(), array);
            });
            rowsObject.put(id, r);
        });
        o.put("rows", rowsObject);
        return o;
    }

    private static JsonObject withResult(JsonArray result) {
        JsonObject o = new JsonObject();
        o.put("result", result);
        return o;
    }
}

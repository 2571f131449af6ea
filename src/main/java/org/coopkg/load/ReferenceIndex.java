package org.coopkg.load;

import java.text.Normalizer;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.coopkg.core.CoopIris;
import org.coopkg.core.DataError;

/**
 * The ids of every entity file, by kind, and what a reference to one of them means: a cell holds {@code id},
 * looked up among the kinds its column allows, or {@code kind/id} where an id is used by several files. Also
 * the label of each entity, for labels made from what a row links.
 */
final class ReferenceIndex {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private final CoopIris names;
    private final List<DataError> errors;
    /** kind → id → the row that defines it, kinds in load order (messages list them so). */
    private final Map<String, Map<String, CsvRow>> index = new LinkedHashMap<>();
    private final Map<String, String> labels = new HashMap<>();

    ReferenceIndex(CoopIris names, List<DataError> errors) {
        this.names = names;
        this.errors = errors;
        CuratedSchema.kinds().forEach(kind -> index.put(kind, new LinkedHashMap<>()));
    }

    /** Indexes the rows of an entity file, reporting ids that are empty, malformed or taken. */
    void add(CsvTable table, TableSpec spec) {
        Map<String, CsvRow> ids = index.get(spec.kind());
        for (CsvRow row : table.rows()) {
            Cell id = row.cell(TableSpec.ID);
            if (id.isEmpty()) {
                errors.add(row.error(id, "required.empty", "the id is empty; give the row a unique id of "
                        + "lower-case letters, digits and hyphens (e.g. 'tsinghua-university')"));
            } else if (!ID.matcher(id.value()).matches()) {
                errors.add(row.error(id, "id.syntax", "the id '" + CsvReader.shorten(id.value())
                        + "' cannot be part of an IRI; use at most 100 lower-case letters, digits and hyphens, "
                        + "starting with a letter or digit (e.g. '" + suggestId(id.value()) + "')"));
            } else if (ids.containsKey(id.value())) {
                errors.add(row.error(id, "id.duplicate", "the id '" + id.value() + "' is already used on line "
                        + ids.get(id.value()).line() + "; ids must be unique within " + table.file()));
            } else {
                ids.put(id.value(), row);
                String label = spec.kind().equals("source") ? row.value("title") : row.value("label");
                labels.put(names.entity(spec.kind(), id.value()), label);
            }
        }
    }

    /** The rows of one kind by id, in file order. */
    Map<String, CsvRow> rows(String kind) {
        return Collections.unmodifiableMap(index.get(kind));
    }

    /** Whether {@code row} is the one that defines its id (not a duplicate or a row with a bad id). */
    boolean defines(String kind, CsvRow row) {
        return index.get(kind).get(row.value(TableSpec.ID)) == row;
    }

    /** The label of the row an entity IRI was minted for, or {@code fallback}. */
    String label(String entity, String fallback) {
        return labels.getOrDefault(entity, fallback);
    }

    /** Entity IRIs with the row that defines each. */
    Map<String, CsvRow> rowsByEntity() {
        Map<String, CsvRow> rows = new HashMap<>();
        index.forEach((kind, ids) -> ids.forEach((id, row) -> rows.put(names.entity(kind, id), row)));
        return rows;
    }

    /** Resolves {@code id} or {@code kind/id} among the given kinds to an entity IRI. */
    Optional<String> resolve(String reference, List<String> kinds) {
        int slash = reference.indexOf('/');
        if (slash > 0) {
            String kind = reference.substring(0, slash);
            String id = reference.substring(slash + 1);
            return kinds.contains(kind) && index.get(kind).containsKey(id)
                    ? Optional.of(names.entity(kind, id)) : Optional.empty();
        }
        List<String> found = kinds.stream().filter(k -> index.get(k).containsKey(reference)).toList();
        return found.size() == 1 ? Optional.of(names.entity(found.get(0), reference)) : Optional.empty();
    }

    /**
     * Resolves a cell that must be written {@code kind/id} with any kind (the ends of relations and links),
     * reporting a cell that is not.
     */
    Optional<String> resolveQualified(CsvRow row, String column) {
        Cell cell = row.cell(column);
        String value = cell.value();
        int slash = value.indexOf('/');
        if (slash <= 0 || !index.containsKey(value.substring(0, slash))) {
            errors.add(row.error(cell, cell.isEmpty() ? "required.empty" : "relation.reference", "'"
                    + CsvReader.shorten(value) + "' must be written kind/id, where kind is one of "
                    + String.join(", ", index.keySet()) + " (e.g. place/china)"));
            return Optional.empty();
        }
        List<String> kind = List.of(value.substring(0, slash));
        Optional<String> target = resolve(value, kind);
        if (target.isEmpty()) {
            errors.add(row.error(cell, "ref.unknown", unknownReference(value.substring(slash + 1), kind)));
        }
        return target;
    }

    /** Why {@code id} does not resolve among {@code kinds}: unknown, or an id of several of them. */
    String unknownReference(String id, List<String> kinds) {
        List<String> found = kinds.stream().filter(k -> !id.contains("/") && index.get(k).containsKey(id)).toList();
        if (found.size() > 1) {
            return "'" + id + "' is an id in several files ("
                    + found.stream().map(ReferenceIndex::fileOfKind).collect(Collectors.joining(", "))
                    + "); write it as " + found.stream().map(k -> k + "/" + id).collect(Collectors.joining(" or "));
        }
        String files = kinds.stream().map(ReferenceIndex::fileOfKind).collect(Collectors.joining(" or "));
        return "'" + CsvReader.shorten(id) + "' is not the id of a row in " + files
                + "; add that row or correct the id";
    }

    private static String fileOfKind(String kind) {
        return CuratedSchema.entityTables().stream().filter(t -> t.kind().equals(kind))
                .map(TableSpec::file).findFirst().orElse(kind);
    }

    private static String suggestId(String value) {
        String slug = Normalizer.normalize(value, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "my-entity" : slug.length() > 100 ? slug.substring(0, 100) : slug;
    }
}

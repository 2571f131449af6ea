package org.coopkg.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.coopkg.core.DataError;

/**
 * A column that points to a row of its own file ({@code within}, {@code part_of}, {@code broader}, …) builds
 * a hierarchy; a loop in it (a place within itself, or A within B within A) would make every member contain
 * every other. Each loop is reported once, rule {@code {kind}.cycle}, at the first of its rows in the file.
 */
final class ContainmentCycles {
    private final ReferenceIndex index;
    private final List<DataError> errors;

    ContainmentCycles(ReferenceIndex index, List<DataError> errors) {
        this.index = index;
        this.errors = errors;
    }

    void check(TableSpec spec) {
        for (Column column : spec.columns()) {
            if (column instanceof Column.Ref ref && !ref.many() && ref.kinds().equals(List.of(spec.kind()))) {
                check(spec.kind(), ref.name());
            }
        }
    }

    private void check(String kind, String column) {
        Map<String, CsvRow> rows = index.rows(kind);
        Map<String, String> parent = new LinkedHashMap<>();
        rows.forEach((id, row) -> {
            String target = row.value(column);
            if (target.startsWith(kind + "/")) target = target.substring(kind.length() + 1);
            if (rows.containsKey(target)) parent.put(id, target);
        });
        Set<String> done = new HashSet<>();
        for (String start : rows.keySet()) {
            List<String> path = new ArrayList<>();
            String at = start;
            while (at != null && !done.contains(at) && !path.contains(at)) {
                path.add(at);
                at = parent.get(at);
            }
            if (at != null && path.contains(at)) {
                report(rows, parent, column, kind, path.subList(path.indexOf(at), path.size()));
            }
            done.addAll(path);
        }
    }

    private void report(Map<String, CsvRow> rows, Map<String, String> parent, String column, String kind,
                        List<String> loop) {
        String first = loop.stream().min(Comparator.comparingInt(id -> rows.get(id).line())).orElseThrow();
        CsvRow row = rows.get(first);
        List<String> chain = new ArrayList<>();
        for (String id = first; chain.size() <= loop.size(); id = parent.get(id)) chain.add("'" + id + "'");
        String lines = loop.stream().map(id -> rows.get(id).line()).sorted().map(String::valueOf)
                .collect(Collectors.joining(", "));
        errors.add(row.error(row.cell(column), kind + ".cycle", String.join(" " + column + " ", chain)
                + ": the " + column + " column goes round in a circle; correct the " + column
                + " cell of one of the rows on line" + (loop.size() > 1 ? "s " : " ") + lines
                + " so that the chain ends at a row with an empty " + column));
    }
}

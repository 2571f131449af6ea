package org.coopkg.load;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.coopkg.core.DataError;

/**
 * Checks the first row of a curated file: every column must be one the file may have, and every required
 * column must be there. A file whose header fails is not read further, since its cells would be misread.
 */
final class HeaderCheck {
    private final List<DataError> errors;

    HeaderCheck(List<DataError> errors) {
        this.errors = errors;
    }

    /** Whether the header of {@code table} is usable; reports each problem otherwise. */
    boolean check(CsvTable table, List<String> known, List<String> required) {
        boolean ok = true;
        for (Cell name : table.header()) {
            if (!known.contains(name.value())) {
                errors.add(new DataError(table.file(), name.line(), name.column(), "header.unknown-column",
                        "unknown column '" + name.value() + "'; the columns of " + table.file() + " are: "
                                + String.join(", ", known) + "; rename or delete the column"));
                ok = false;
            }
        }
        Set<String> present = table.header().stream().map(Cell::value).collect(Collectors.toSet());
        List<String> missing = required.stream().filter(c -> !present.contains(c)).toList();
        if (!missing.isEmpty()) {
            Cell first = table.header().get(0);
            errors.add(new DataError(table.file(), first.line(), first.column(), "header.missing-column",
                    "the header lacks the required column" + (missing.size() > 1 ? "s " : " ")
                            + String.join(", ", missing) + "; add " + (missing.size() > 1 ? "them" : "it")
                            + " to the first row"));
            ok = false;
        }
        return ok;
    }

    boolean check(CsvTable table, TableSpec spec) {
        return check(table, spec.columnNames(), spec.requiredColumnNames());
    }
}

package org.coopkg.reconcile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.coopkg.core.DataException;
import org.coopkg.load.Cell;
import org.coopkg.load.CsvReader;
import org.coopkg.load.CsvRow;
import org.coopkg.load.CsvTable;

/**
 * {@code coopkg reconcile}: a column of a CSV file reconciled offline, with the service's own {@link Reconciler}.
 * Every row and column is kept; four columns are added with the best candidate's id, name and score and whether it
 * is the match ({@link MatchRule}), so that a curator preparing new rows sees which entities already exist. The file
 * is read as the loader reads curated CSV (RFC 4180, UTF-8; a spreadsheet's byte-order mark is skipped; cells are
 * trimmed) and written as RFC 4180 with CRLF line ends.
 */
public final class CsvReconciliation {
    /** The columns added, in order. */
    public static final List<String> ADDED = List.of("coopkg_id", "coopkg_name", "coopkg_score", "coopkg_match");

    /** The written file and what happened to its rows. */
    public record Result(String csv, int rows, int matched, int candidates, int empty) {}

    private CsvReconciliation() {}

    /**
     * Reconciles {@code column} of the CSV {@code bytes} ({@code file} names it in messages); {@code type} (may be
     * null) keeps candidates of that class. A missing column, or a file that already has the added columns, is a
     * {@link ReconcileException}; a malformed file a {@link DataException} placed at its line.
     */
    public static Result reconcile(Reconciler reconciler, String file, byte[] bytes, String column, Types.Type type)
            throws DataException {
        byte[] content = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? Arrays.copyOfRange(bytes, 3, bytes.length) : bytes;
        CsvTable table = CsvReader.read(file, content);
        List<String> header = table.header().stream().map(Cell::value).toList();
        if (!header.contains(column)) {
            throw new ReconcileException(file + " has no column '" + column + "'; its columns are " + String.join(", ", header));
        }
        for (String added : ADDED) {
            if (header.contains(added)) {
                throw new ReconcileException(file + " already has a column '" + added + "' (was it reconciled before?); "
                        + "reconcile the original file");
            }
        }
        StringBuilder out = new StringBuilder();
        List<String> headerOut = new ArrayList<>(header);
        headerOut.addAll(ADDED);
        line(out, headerOut);
        int matched = 0;
        int candidates = 0;
        int empty = 0;
        for (CsvRow row : table.rows()) {
            List<String> cells = new ArrayList<>();
            header.forEach(h -> cells.add(row.value(h)));
            String name = row.value(column);
            Optional<Candidate> best = name.isBlank() ? Optional.empty()
                    : reconciler.reconcile(new ReconcileQuery(name, type == null ? List.of() : List.of(type), 1, List.of(),
                            Set.of(), Optional.empty())).stream().findFirst();
            if (name.isBlank()) empty++;
            else if (best.isPresent() && best.get().match()) matched++;
            else if (best.isPresent()) candidates++;
            cells.add(best.map(c -> c.entry().id()).orElse(""));
            cells.add(best.map(c -> c.entry().label()).orElse(""));
            cells.add(best.map(c -> Double.toString(c.score())).orElse(""));
            cells.add(best.map(c -> Boolean.toString(c.match())).orElse(""));
            line(out, cells);
        }
        return new Result(out.toString(), table.rows().size(), matched, candidates, empty);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            String cell = cells.get(i);
            boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
            out.append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        out.append("\r\n");
    }
}

package org.coopkg.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows as CSV lines (RFC 4180, without the line break), collected by file. */
final class CsvLines {
    private final Map<String, List<String>> lines = new LinkedHashMap<>();

    void add(String file, String... cells) {
        lines.computeIfAbsent(file, f -> new ArrayList<>()).add(line(Arrays.asList(cells)));
    }

    List<String> of(String file) {
        return lines.getOrDefault(file, List.of());
    }

    static String line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) line.append(',');
            appendCell(line, cells.get(i));
        }
        return line.toString();
    }

    /** Quotes a cell holding a comma, quote or line break, doubling its quotes. */
    private static void appendCell(StringBuilder line, String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            line.append(cell);
        } else {
            line.append('"').append(cell.replace("\"", "\"\"")).append('"');
        }
    }
}

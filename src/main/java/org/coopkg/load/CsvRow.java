package org.coopkg.load;

import java.util.Map;

import org.coopkg.core.DataError;

/** A data row of a CSV file, cells by column name. */
public record CsvRow(String file, int line, Map<String, Cell> cells) {

    /** The cell of a column; a column the file does not have reads as an empty cell at the row start. */
    public Cell cell(String column) {
        Cell cell = cells.get(column);
        return cell != null ? cell : new Cell("", line, 1);
    }

    public String value(String column) {
        return cell(column).value();
    }

    public DataError error(Cell cell, String rule, String message) {
        return new DataError(file, cell.line(), cell.column(), rule, message);
    }
}

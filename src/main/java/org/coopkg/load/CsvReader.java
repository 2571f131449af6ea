package org.coopkg.load;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.coopkg.core.DataError;
import org.coopkg.core.DataException;

/**
 * Strict RFC 4180 reader for curated CSV. Spreadsheets produce many near-CSV dialects; instead of guessing,
 * every deviation is reported with its line and column and a fix, so a curator learns what to change.
 */
public final class CsvReader {
    /** Cells beyond this size are not curated text but a broken export (or an attack on memory). */
    static final int MAX_CELL_CHARS = 100_000;

    private final String file;
    private final String text;
    private int pos;
    private int line = 1;
    private int column = 1;
    private String lineEnding;

    private CsvReader(String file, String text) {
        this.file = file;
        this.text = text;
    }

    public static CsvTable read(String file, byte[] bytes) throws DataException {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            throw new DataException(new DataError(file, 1, 1, "csv.bom",
                    "the file starts with a byte-order mark (EF BB BF); save it as CSV UTF-8 without BOM "
                            + "(or delete the invisible first character in a text editor)"));
        }
        return new CsvReader(file, decode(file, bytes)).parse();
    }

    private static String decode(String file, byte[] bytes) throws DataException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int lineStart = before.lastIndexOf('\n') + 1;
            int column = before.codePointCount(lineStart, before.length()) + 1;
            throw new DataException(new DataError(file, line, column, "csv.encoding", String.format(Locale.ROOT,
                    "byte 0x%02X is not valid UTF-8 (the file looks saved as Latin-1 or Windows-1252); "
                            + "re-save it as CSV UTF-8", bytes[bad] & 0xFF)));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** A record's cells and where it ends (the position after its last character). */
    private record Record(List<Cell> cells, int endLine, int endColumn) {}

    private CsvTable parse() throws DataException {
        List<Record> records = new ArrayList<>();
        while (pos < text.length()) {
            Record record = readRecord();
            boolean blank = record.cells().size() == 1 && record.cells().get(0).isEmpty();
            if (!blank) records.add(record);
        }
        if (records.isEmpty()) {
            throw new DataException(DataError.ofFile(file, "csv.empty",
                    "the file is empty; it needs at least the header row with the column names: add it, or delete the file"));
        }
        List<Cell> header = records.get(0).cells();
        checkHeader(header);
        List<CsvRow> rows = new ArrayList<>();
        for (Record record : records.subList(1, records.size())) {
            rows.add(toRow(header, record));
        }
        return new CsvTable(file, header, rows);
    }

    private void checkHeader(List<Cell> header) throws DataException {
        Set<String> seen = new HashSet<>();
        for (Cell name : header) {
            if (name.isEmpty()) {
                throw new DataException(new DataError(file, name.line(), name.column(), "header.empty-name",
                        "a column of the header row has no name; name it or delete the column"));
            }
            if (!seen.add(name.value())) {
                throw new DataException(new DataError(file, name.line(), name.column(), "header.duplicate-column",
                        "the column '" + name.value() + "' appears twice in the header; keep one"));
            }
        }
    }

    private CsvRow toRow(List<Cell> header, Record parsed) throws DataException {
        List<Cell> record = parsed.cells();
        int rowLine = record.get(0).line();
        if (record.size() > header.size()) {
            Cell extra = record.get(header.size());
            throw new DataException(new DataError(file, extra.line(), extra.column(), "csv.extra-cell",
                    "the row has " + record.size() + " cells but the header has " + header.size() + " columns ("
                            + "extra cell '" + shorten(extra.value()) + "'); a cell containing a comma must be "
                            + "put in double quotes"));
        }
        if (record.size() < header.size()) {
            List<String> missing = header.subList(record.size(), header.size()).stream().map(Cell::value).toList();
            throw new DataException(new DataError(file, parsed.endLine(), parsed.endColumn(),
                    "csv.missing-cell", "the row has " + record.size() + " cells but the header has "
                            + header.size() + " columns (missing: " + String.join(", ", missing)
                            + "); add the missing cells, empty ones as just a comma"));
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            cells.put(header.get(i).value(), record.get(i));
        }
        return new CsvRow(file, rowLine, cells);
    }

    private Record readRecord() throws DataException {
        List<Cell> cells = new ArrayList<>();
        while (true) {
            cells.add(pos < text.length() && text.charAt(pos) == '"' ? readQuoted() : readPlain());
            Record record = new Record(cells, line, column);
            if (pos >= text.length()) return record;
            if (text.charAt(pos) == ',') {
                advance();
                continue;
            }
            readLineEnding();
            return record;
        }
    }

    private Cell readPlain() throws DataException {
        int startLine = line;
        int startColumn = column;
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ',' || c == '\n' || c == '\r') break;
            if (c == '"') {
                throw new DataException(new DataError(file, line, column, "csv.stray-quote",
                        "a double quote inside a cell that does not start with a quote; put the whole cell in "
                                + "double quotes and write each quote inside it as two (\"\")"));
            }
            checkCharacter(c);
            value.append(c);
            advance();
            checkSize(value, startLine, startColumn);
        }
        return new Cell(value.toString().strip(), startLine, startColumn);
    }

    private Cell readQuoted() throws DataException {
        int startLine = line;
        int startColumn = column;
        advance();
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new DataException(new DataError(file, startLine, startColumn, "csv.unterminated-quote",
                        "the quoted cell that starts here is never closed; add the closing double quote "
                                + "(a quote inside a cell is written as two: \"\")"));
            }
            char c = text.charAt(pos);
            if (c == '"') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                    value.append('"');
                    advance();
                    advance();
                    continue;
                }
                advance();
                break;
            }
            if (c != '\n' && c != '\r') checkCharacter(c);
            value.append(c);
            advance();
            checkSize(value, startLine, startColumn);
        }
        if (pos < text.length()) {
            char next = text.charAt(pos);
            if (next != ',' && next != '\n' && next != '\r') {
                throw new DataException(new DataError(file, line, column, "csv.text-after-quote",
                        "text '" + shorten(restOfLine())
                                + "' follows the closing quote of a quoted cell; put the whole cell in quotes "
                                + "and write each quote inside it as two (\"\")"));
            }
        }
        return new Cell(value.toString().strip(), startLine, startColumn);
    }

    private String restOfLine() {
        int end = pos;
        while (end < text.length() && end < pos + 40 && text.charAt(end) != '\n' && text.charAt(end) != '\r') end++;
        return text.substring(pos, end);
    }

    private void readLineEnding() throws DataException {
        int endLine = line;
        int endColumn = column;
        String ending;
        if (text.startsWith("\r\n", pos)) {
            ending = "CRLF";
        } else if (text.charAt(pos) == '\n') {
            ending = "LF";
        } else {
            throw new DataException(new DataError(file, line, column, "csv.line-ending",
                    "a carriage return without a line feed ends this line (an old Mac line ending); "
                            + "re-save the file with LF or CRLF line endings"));
        }
        if (lineEnding == null) {
            lineEnding = ending;
        } else if (!lineEnding.equals(ending)) {
            throw new DataException(new DataError(file, endLine, endColumn, "csv.mixed-line-endings",
                    "this line ends with " + ending + " but earlier lines end with " + lineEnding
                            + "; re-save the file so that every line ends the same way"));
        }
        pos += ending.equals("CRLF") ? 2 : 1;
        line++;
        column = 1;
    }

    private void checkCharacter(char c) throws DataException {
        if (c < 0x20 && c != '\t' || c == 0x7F) {
            throw new DataException(new DataError(file, line, column, "csv.control-character",
                    String.format(Locale.ROOT, "the invisible control character U+%04X is not allowed in a cell; "
                            + "delete it (it often comes from copying out of PDFs or terminals)", (int) c)));
        }
    }

    private void checkSize(StringBuilder value, int startLine, int startColumn) throws DataException {
        if (value.length() > MAX_CELL_CHARS) {
            throw new DataException(new DataError(file, startLine, startColumn, "csv.cell-too-large",
                    "the cell that starts here is longer than " + MAX_CELL_CHARS + " characters; curated cells "
                            + "are short values and quotes: check for a missing closing quote or a pasted document"));
        }
    }

    private void advance() {
        char c = text.charAt(pos++);
        if (c == '\n') {
            line++;
            column = 1;
        } else if (!Character.isLowSurrogate(c)) {
            column++;
        }
    }

    static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }
}

package org.coopkg.load;

import static org.coopkg.load.LoadFixtures.assertError;
import static org.coopkg.load.LoadFixtures.csv;
import static org.coopkg.load.LoadFixtures.onlyErrorOf;
import static org.coopkg.load.LoadFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.coopkg.core.DataError;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The strict CSV reader: what it accepts, and one test per deviation with the message it reports. */
class CsvReaderTest {
    private static final String FILE = "places.csv";

    private static DataError error(String text) {
        return error(utf8(text));
    }

    private static DataError error(byte[] bytes) {
        return onlyErrorOf(() -> CsvReader.read(FILE, bytes));
    }

    private static List<String> header(CsvTable table) {
        return table.header().stream().map(Cell::value).toList();
    }

    @Nested
    class Accepts {
        @Test
        void headerAndRowsWithLinesAndColumns() {
            CsvTable table = csv(FILE, """
                    id,type,label
                    china,Country,China
                    yunnan,Province,Yunnan
                    """);
            assertEquals(FILE, table.file());
            assertEquals(List.of("id", "type", "label"), header(table));
            assertEquals(2, table.rows().size());
            CsvRow yunnan = table.rows().get(1);
            assertEquals(3, yunnan.line());
            assertEquals(new Cell("Province", 3, 8), yunnan.cell("type"));
            assertEquals(new Cell("Yunnan", 3, 17), yunnan.cell("label"));
        }

        @Test
        void lastLineWithoutLineEnding() {
            CsvTable table = csv(FILE, "id,label\nchina,China");
            assertEquals("China", table.rows().get(0).value("label"));
        }

        @Test
        void quotedCellWithCommas() {
            CsvRow row = csv(FILE, """
                    id,label
                    kunming,"Kunming, Yunnan, China"
                    """).rows().get(0);
            assertEquals(new Cell("Kunming, Yunnan, China", 2, 9), row.cell("label"));
        }

        @Test
        void doubledQuotesInsideAQuotedCell() {
            CsvRow row = csv(FILE, """
                    id,label
                    bri,"the ""Belt and Road"" Initiative"
                    """).rows().get(0);
            assertEquals("the \"Belt and Road\" Initiative", row.value("label"));
        }

        @Test
        void emptyQuotedCell() {
            CsvRow row = csv(FILE, "id,label,note\nx,\"\",y\n").rows().get(0);
            assertEquals("", row.value("label"));
            assertEquals(new Cell("y", 2, 6), row.cell("note"));
        }

        @Test
        void newlinesInsideQuotesKeepLaterLineNumbersRight() {
            CsvTable table = csv(FILE, """
                    id,evidence,note
                    first,"line one
                    line two
                    line three",x
                    second,after,y
                    """);
            CsvRow first = table.rows().get(0);
            assertEquals("line one\nline two\nline three", first.value("evidence"));
            assertEquals(new Cell("x", 4, 13), first.cell("note"));
            CsvRow second = table.rows().get(1);
            assertEquals(5, second.line());
            assertEquals(new Cell("after", 5, 8), second.cell("evidence"));
        }

        @Test
        void crlfLineEndings() {
            CsvTable table = csv(FILE, "id,label\r\nchina,China\r\nitaly,Italy\r\n");
            assertEquals(List.of("id", "label"), header(table));
            assertEquals(List.of(2, 3), table.rows().stream().map(CsvRow::line).toList());
            assertEquals("Italy", table.rows().get(1).value("label"));
        }

        @Test
        void crlfInsideAQuotedCellOfACrlfFile() {
            CsvTable table = csv(FILE, "id,evidence\r\nx,\"one\r\ntwo\"\r\ny,z\r\n");
            assertEquals("one\r\ntwo", table.rows().get(0).value("evidence"));
            assertEquals(4, table.rows().get(1).line());
        }

        @Test
        void blankLinesAreSkipped() {
            CsvTable table = csv(FILE, "\nid,label\n\nchina,China\n   \n\nitaly,Italy\n\n");
            assertEquals(List.of("id", "label"), header(table));
            assertEquals(List.of(4, 7), table.rows().stream().map(CsvRow::line).toList());
            assertEquals(List.of("china", "italy"), table.rows().stream().map(r -> r.value("id")).toList());
        }

        @Test
        void cellsAndHeaderNamesAreTrimmed() {
            CsvTable table = csv(FILE, "id , label\n china ,  People's Republic of China \t\n");
            assertEquals(List.of("id", "label"), header(table));
            CsvRow row = table.rows().get(0);
            assertEquals("china", row.value("id"));
            assertEquals("People's Republic of China", row.value("label"));
            assertEquals(2, row.cell("label").line());
        }

        @Test
        void unicodeCountsOneColumnPerCharacter() {
            CsvRow row = csv(FILE, """
                    id,label,alt_labels,note
                    fast,π-HuB,中国天眼|天眼,𠀀x
                    """).rows().get(0);
            assertEquals(new Cell("π-HuB", 2, 6), row.cell("label"));
            assertEquals(new Cell("中国天眼|天眼", 2, 12), row.cell("alt_labels"));
            assertEquals(new Cell("𠀀x", 2, 20), row.cell("note"));
        }

        @Test
        void columnsAfterUnicodeAreRightInErrorsToo() {
            DataError error = error("id,label,note\n中国,天眼,\"a\"b\n");
            assertEquals(List.of("csv.text-after-quote", 2, 10), List.of(error.rule(), error.line(), error.column()));
        }

        @Test
        void tabIsAllowedInsideACell() {
            assertEquals("a\tb", csv(FILE, "id,label\nx,a\tb\n").rows().get(0).value("label"));
        }

        @Test
        void cellOfExactlyTheMaximumSize() {
            String big = "a".repeat(CsvReader.MAX_CELL_CHARS);
            assertEquals(big, csv(FILE, "id,evidence\nx," + big + "\n").rows().get(0).value("evidence"));
        }
    }

    @Nested
    class Rejects {
        @Test
        void byteOrderMark() {
            byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'i', 'd', '\n', 'x', '\n'};
            assertError(error(bytes), FILE, 1, 1, "csv.bom", "byte-order mark", "without BOM");
        }

        @Test
        void latin1Byte() {
            byte[] bytes = "id,label\nx,Universit\u00e9 de Gen\u00e8ve\n".getBytes(StandardCharsets.ISO_8859_1);
            assertError(error(bytes), FILE, 2, 12, "csv.encoding", "0xE9", "not valid UTF-8", "re-save it as CSV UTF-8");
        }

        @Test
        void latin1ByteInACrlfFile() {
            byte[] bytes = "id,label\r\nx,Universit\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1);
            assertError(error(bytes), FILE, 2, 12, "csv.encoding", "0xE9");
        }

        @Test
        void latin1ByteAfterACharacterOutsideTheBasicPlane() {
            // Columns count characters (as the reader does for cells), not UTF-16 units: 𠀀 is one column.
            byte[] head = utf8("id,label\n𠀀,Universit");
            byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
            bytes[head.length] = (byte) 0xE9;
            bytes[head.length + 1] = '\n';
            assertError(error(bytes), FILE, 2, 12, "csv.encoding", "0xE9");
        }

        @Test
        void unterminatedQuoteIsReportedAtTheOpeningQuote() {
            DataError error = error("""
                    id,label,note
                    x,"Tsinghua University,a
                    y,Peking University,b
                    """);
            assertError(error, FILE, 2, 3, "csv.unterminated-quote", "never closed", "add the closing double quote");
        }

        @Test
        void strayQuoteInAnUnquotedCell() {
            DataError error = error("""
                    id,label
                    x,the "Belt and Road" Initiative
                    """);
            assertError(error, FILE, 2, 7, "csv.stray-quote", "double quote", "put the whole cell in double quotes",
                    "\"\"");
        }

        @Test
        void textAfterAClosingQuote() {
            DataError error = error("""
                    id,label
                    x,"Tsinghua" University
                    y,z
                    """);
            assertError(error, FILE, 2, 13, "csv.text-after-quote", "University", "follows the closing quote",
                    "put the whole cell in quotes");
        }

        @Test
        void extraCellIsReportedWhereItStarts() {
            DataError error = error("""
                    id,label
                    x,Peking University,Beijing
                    """);
            assertError(error, FILE, 2, 21, "csv.extra-cell", "3 cells", "2 columns", "'Beijing'",
                    "must be put in double quotes");
        }

        @Test
        void missingCellListsTheMissingColumns() {
            DataError error = error("""
                    id,type,label,iso_code
                    china,Country
                    """);
            assertError(error, FILE, 2, 14, "csv.missing-cell", "2 cells", "4 columns", "missing: label, iso_code",
                    "add the missing cells");
        }

        @Test
        void missingCellAfterAMultiLineQuotedCellPointsIntoTheRow() {
            String text = "id,evidence,note\nx,\"one\ntwo\"\n";
            DataError error = error(text);
            assertEquals("csv.missing-cell", error.rule());
            assertTrue(error.message().contains("missing: note"), error.message());
            // The row spans lines 2 and 3; wherever the reader points, that place must exist in the file.
            String[] lines = text.split("\n", -1);
            assertTrue(error.line() == 2 || error.line() == 3, error::format);
            assertTrue(error.column() >= 1 && error.column() <= lines[error.line() - 1].length() + 1,
                    () -> error.format() + " points past the end of line " + error.line() + ": '"
                            + lines[error.line() - 1] + "'");
        }

        @Test
        void lfAfterCrlf() {
            DataError error = error("id,label\r\nchina,China\nitaly,Italy\r\n");
            assertError(error, FILE, 2, 12, "csv.mixed-line-endings", "ends with LF", "earlier lines end with CRLF",
                    "every line ends the same way");
        }

        @Test
        void crlfAfterLf() {
            DataError error = error("id,label\nchina,China\r\n");
            assertError(error, FILE, 2, 12, "csv.mixed-line-endings", "ends with CRLF", "earlier lines end with LF");
        }

        @Test
        void bareCarriageReturn() {
            DataError error = error("id,label\rchina,China\r");
            assertError(error, FILE, 1, 9, "csv.line-ending", "carriage return without a line feed",
                    "re-save the file with LF or CRLF");
        }

        static Stream<Arguments> controlCharacters() {
            return Stream.of(
                    Arguments.of("0000", "x,a\u0000b", 4),
                    Arguments.of("0007", "x,a\u0007b", 4),
                    Arguments.of("0000", "x,\"ab\u0000\"", 6),
                    Arguments.of("0007", "x,\"a\u0007\"", 5),
                    Arguments.of("001B", "x,\u001B[0m", 3),
                    Arguments.of("007F", "x,ab\u007F", 5));
        }

        @ParameterizedTest(name = "U+{0} in row {1}")
        @MethodSource("controlCharacters")
        void controlCharacter(String code, String row, int column) {
            assertError(error("id,label\n" + row + "\n"), FILE, 2, column, "csv.control-character",
                    "U+" + code, "delete it");
        }

        @Test
        void cellOverTheMaximumSize() {
            String big = "a".repeat(CsvReader.MAX_CELL_CHARS + 1);
            assertError(error("id,evidence\nx," + big + "\n"), FILE, 2, 3, "csv.cell-too-large",
                    "longer than 100000 characters", "missing closing quote");
        }

        @Test
        void quotedCellOverTheMaximumSize() {
            String big = "a".repeat(CsvReader.MAX_CELL_CHARS + 1);
            assertError(error("id,evidence\nx,\"" + big + "\"\n"), FILE, 2, 3, "csv.cell-too-large");
        }

        @Test
        void emptyFile() {
            assertError(error(new byte[0]), FILE, 0, 0, "csv.empty", "the file is empty", "header row");
        }

        @Test
        void fileOfBlankLines() {
            assertError(error("\n  \n\n"), FILE, 0, 0, "csv.empty", "the file is empty");
        }

        @Test
        void duplicateHeaderColumn() {
            assertError(error("id,label,id\nx,y,z\n"), FILE, 1, 10, "header.duplicate-column",
                    "'id' appears twice", "keep one");
        }

        @Test
        void emptyHeaderName() {
            assertError(error("id,,label\nx,y,z\n"), FILE, 1, 4, "header.empty-name", "has no name",
                    "name it or delete the column");
        }

        @Test
        void trailingCommaInTheHeader() {
            assertError(error("id,label,\nx,y,\n"), FILE, 1, 10, "header.empty-name");
        }
    }
}

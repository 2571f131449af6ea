package org.coopkg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Curated dates keep exactly the precision of the source, each form with its XSD datatype. */
class DateValueTest {

    @ParameterizedTest(name = "{0} → xsd:{1}")
    @CsvSource(nullValues = "-", value = {
        "2025-06-12, date,       2025, 6,  12",
        "2024-02-29, date,       2024, 2,  29",
        "2025-06,    gYearMonth, 2025, 6,  -",
        "2025,       gYear,      2025, -,  -",
        "--06-12,    gMonthDay,  -,    6,  12",
        "--02-29,    gMonthDay,  -,    2,  29",
        "--06,       gMonth,     -,    6,  -",
        "--12,       gMonth,     -,    12, -",
    })
    void acceptedForm(String text, String datatype, Integer year, Integer month, Integer day) {
        DateValue date = DateValue.parse(text);
        assertEquals(new DateValue(text, xsd(datatype), year, month, day), date);
        assertEquals(year != null, date.hasYear());
        assertTrue(date.datatype().isValid(date.lexical()),
                () -> "'" + text + "' should be a valid lexical form of xsd:" + datatype);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30", "2023-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-06-00",
            "2025-13", "2025-00", "--13", "--00", "--02-30", "--04-31", "--06-32"})
    void dateThatDoesNotExist(String text) {
        String message = assertThrows(IllegalArgumentException.class, () -> DateValue.parse(text)).getMessage();
        assertTrue(message.contains("'" + text + "' is not a date that exists"), message);
        assertTrue(message.contains("check the day and month"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20250612", "June 12", "12 June", "2025/06/12", "12.06.2025", "25-06-12", "2025-6-12",
            "2025-06-1", "--6-12", "---12", "--06--", "2025-06-12T10:00", "mid-May", "", "２０２５"})
    void dateInAFormTheLoaderDoesNotRead(String text) {
        String message = assertThrows(IllegalArgumentException.class, () -> DateValue.parse(text)).getMessage();
        assertTrue(message.contains("'" + text + "' is not a date in a form the loader reads"), message);
        assertTrue(message.contains(DateValue.FORMS), message);
    }

    @Test
    void formsListsEveryAcceptedForm() {
        assertEquals("YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD (month and day) or --MM (month)", DateValue.FORMS);
    }

    private static XSDDatatype xsd(String localName) {
        return switch (localName) {
            case "date" -> XSDDatatype.XSDdate;
            case "gYearMonth" -> XSDDatatype.XSDgYearMonth;
            case "gYear" -> XSDDatatype.XSDgYear;
            case "gMonthDay" -> XSDDatatype.XSDgMonthDay;
            case "gMonth" -> XSDDatatype.XSDgMonth;
            default -> throw new IllegalArgumentException(localName);
        };
    }
}

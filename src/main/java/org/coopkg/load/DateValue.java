package org.coopkg.load;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;

/**
 * A date exactly as precise as the source states it. The article often gives "June 12" without a year;
 * that stays an {@code xsd:gMonthDay} rather than acquiring an invented year.
 */
public record DateValue(String lexical, XSDDatatype datatype, Integer year, Integer month, Integer day) {
    public static final String FORMS = "YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD (month and day) or --MM (month)";

    private static final Pattern FULL = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH_DAY = Pattern.compile("--(\\d{2})-(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("--(\\d{2})");

    /** Parses a curated date; the exception's message says what is wrong with the value. */
    public static DateValue parse(String text) {
        Matcher m;
        try {
            if ((m = FULL.matcher(text)).matches()) {
                LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
                return new DateValue(text, XSDDatatype.XSDdate, num(m, 1), num(m, 2), num(m, 3));
            }
            if ((m = YEAR_MONTH.matcher(text)).matches()) {
                checkMonth(num(m, 2), text);
                return new DateValue(text, XSDDatatype.XSDgYearMonth, num(m, 1), num(m, 2), null);
            }
            if (YEAR.matcher(text).matches()) {
                return new DateValue(text, XSDDatatype.XSDgYear, Integer.parseInt(text), null, null);
            }
            if ((m = MONTH_DAY.matcher(text)).matches()) {
                MonthDay.of(num(m, 1), num(m, 2));
                return new DateValue(text, XSDDatatype.XSDgMonthDay, null, num(m, 1), num(m, 2));
            }
            if ((m = MONTH.matcher(text)).matches()) {
                checkMonth(num(m, 1), text);
                return new DateValue(text, XSDDatatype.XSDgMonth, null, num(m, 1), null);
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date that exists (" + e.getMessage()
                    + "); check the day and month");
        }
        throw new IllegalArgumentException("'" + text + "' is not a date in a form the loader reads; write "
                + FORMS + ", as precise as the source");
    }

    private static void checkMonth(int month, String text) {
        if (month < 1 || month > 12) {
            throw new DateTimeException("month " + month + " in '" + text + "' is not 01 to 12");
        }
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    public boolean hasYear() {
        return year != null;
    }
}

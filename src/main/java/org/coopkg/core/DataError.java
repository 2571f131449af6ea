package org.coopkg.core;

/**
 * One problem in the curated data, located as precisely as it can be: file, line and column (1-based;
 * 0 when the problem concerns the whole file), a rule name a curator can look up, and a message that
 * names the bad value and says how to fix it.
 */
public record DataError(String file, int line, int column, String rule, String message) {

    public static DataError ofFile(String file, String rule, String message) {
        return new DataError(file, 0, 0, rule, message);
    }

    /** Compiler-style: {@code people.csv:12:3: [date.invalid] …}, which editors and CI logs link to. */
    public String format() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) out.append(':').append(column);
        }
        return out.append(": [").append(rule).append("] ").append(message).toString();
    }

    @Override
    public String toString() {
        return format();
    }
}

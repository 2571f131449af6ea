package org.coopkg.load;

/** One CSV cell: its trimmed text and where it starts (1-based line and column). */
public record Cell(String value, int line, int column) {
    public boolean isEmpty() {
        return value.isEmpty();
    }
}

package org.coopkg.core;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The curated data cannot be loaded; nothing was loaded. Carries every problem found. */
public final class DataException extends Exception {
    private final List<DataError> errors;

    public DataException(List<DataError> errors) {
        this(sorted(errors), true);
    }

    private DataException(List<DataError> sortedErrors, boolean sorted) {
        super(describe(sortedErrors));
        this.errors = sortedErrors;
    }

    public DataException(DataError error) {
        this(List.of(error));
    }

    public List<DataError> errors() {
        return errors;
    }

    private static List<DataError> sorted(List<DataError> errors) {
        return errors.stream()
                .sorted(Comparator.comparing(DataError::file)
                        .thenComparingInt(DataError::line)
                        .thenComparingInt(DataError::column))
                .toList();
    }

    private static String describe(List<DataError> errors) {
        String count = errors.size() == 1 ? "1 problem" : errors.size() + " problems";
        return "The curated data was not loaded (" + count + "):\n" + errors.stream()
                .map(e -> "  " + e.format())
                .collect(Collectors.joining("\n"));
    }
}

package org.coopkg.export;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An export format name that {@link ExportFormat} does not know. The message lists the supported names,
 * because whoever typed a wrong name needs the right one, not a stack trace.
 */
public final class UnsupportedFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnsupportedFormatException(String requested) {
        super("unknown export format '" + requested + "'; the supported formats are: " + supportedNames());
    }

    /** {@code turtle, ntriples, ...}: the names {@link ExportFormat#parse} accepts, in registry order. */
    public static String supportedNames() {
        return Arrays.stream(ExportFormat.values()).map(ExportFormat::cliName).collect(Collectors.joining(", "));
    }
}

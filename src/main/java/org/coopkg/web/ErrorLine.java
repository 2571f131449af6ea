package org.coopkg.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The one form of every error answer coop-kg sends: {@code Error 404: reason}, one line of plain text that names
 * the bad value and how to fix it, without stack trace, exception class or source path (those go to the server
 * log only). Servlets write it with {@link #send}; {@link OneLineErrors} rewrites Fuseki's and Jetty's errors into
 * it.
 */
public final class ErrorLine {
    /** Text that gives away the server's internals: a stack frame, a source location, an exception or package name. */
    private static final Pattern INTERNALS = Pattern.compile(
            "(?s).*(\\bat [a-z]+\\.[\\w.$]+\\(|\\.java:\\d|Exception|Error:|\\bjava\\.|\\borg\\.(apache|eclipse|coopkg)\\.).*");
    private static final int MAX_MESSAGE = 500;

    private ErrorLine() {}

    /** The whole body: {@code Error 404: reason} and a line end. */
    public static String body(int status, String line) {
        return prefix(status) + line + "\n";
    }

    /** Answers {@code status} with {@code reason} (one line, as the caller wrote it) as plain text; HEAD gets no body. */
    public static void send(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response, int status,
                            String reason) throws IOException {
        byte[] body = body(status, reason).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        if (!"HEAD".equalsIgnoreCase(request.getMethod())) response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** A value the client sent, as an error line quotes it: one line, at most 80 characters. */
    static String shown(String value) {
        String line = value.replaceAll("\\s+", " ");
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }

    /** Whether {@code text} is already one error line of this form for {@code status}. */
    static boolean isOneLine(int status, String text) {
        String stripped = text.strip();
        return stripped.startsWith(prefix(status)) && stripped.lines().count() == 1 && !showsInternals(stripped);
    }

    static boolean showsInternals(String text) {
        return INTERNALS.matcher(text).matches();
    }

    static String prefix(int status) {
        return "Error " + status + ": ";
    }

    /** A message of Fuseki, Jetty or a servlet as one line without internals, at most {@value #MAX_MESSAGE} characters. */
    static String oneLine(int status, String message) {
        String text = withoutPrefix(status, message == null ? "" : message.strip());
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        // A parse error echoes the query; the line that says where it is wrong is the useful one.
        String located = lines.stream().filter(l -> l.matches(".*\\bline \\d+, column \\d+.*")).findFirst().orElse(null);
        String result = located != null ? (lines.get(0).endsWith(":") ? lines.get(0) + " " : "") + located
                : String.join(" ", lines);
        if (showsInternals(result)) result = status >= 500 ? "internal error" : reasonOf(status);
        if (result.isEmpty()) result = reasonOf(status);
        return result.length() <= MAX_MESSAGE ? result : result.substring(0, MAX_MESSAGE - 3) + "...";
    }

    /** A report written with its own leading {@code Error N:}, without it. */
    static String withoutPrefix(int status, String text) {
        String prefix = "Error " + status + ":";
        return text.startsWith(prefix) ? text.substring(prefix.length()).strip() : text;
    }

    private static String reasonOf(int status) {
        return switch (status) {
            case 400 -> "bad request";
            case 401 -> "authentication required";
            case 404 -> "not found";
            case 405 -> "method not allowed";
            case 406 -> "none of the formats in Accept can be produced";
            case 413 -> "request body too large";
            case 415 -> "unsupported Content-Type";
            case 422 -> "the request breaks a constraint";
            case 429 -> "too many requests at once";
            case 503 -> "service unavailable";
            default -> "error";
        };
    }
}

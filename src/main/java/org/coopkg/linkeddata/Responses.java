package org.coopkg.linkeddata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writing answers: the body only for GET (HEAD gets the same status and headers, Content-Length included),
 * and errors as one plain line, never a stack trace.
 */
public final class Responses {
    private Responses() {}

    public static void send(HttpServletRequest request, HttpServletResponse response, int status, String contentType,
                            byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        if (!"HEAD".equalsIgnoreCase(request.getMethod())) {
            response.getOutputStream().write(body);
        }
        response.flushBuffer();
    }

    public static void html(HttpServletRequest request, HttpServletResponse response, int status, String html) throws IOException {
        send(request, response, status, MediaType.HTML.contentType(), html.getBytes(StandardCharsets.UTF_8));
    }

    /** A one-line plain-text error: the status line's words and what to do. */
    public static void plain(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        send(request, response, status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** 406 with the list of types the resource has, as RFC 9110 suggests. */
    public static void notAcceptable(HttpServletRequest request, HttpServletResponse response,
                                     java.util.List<MediaType> offered) throws IOException {
        plain(request, response, HttpServletResponse.SC_NOT_ACCEPTABLE,
                "406 Not Acceptable: this resource is available as " + ContentNegotiation.list(offered));
    }

    public static void methodNotAllowed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "GET, HEAD");
        plain(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                "405 Method Not Allowed: Linked Data pages are read-only; use GET or HEAD");
    }
}

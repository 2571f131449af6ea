package org.coopkg.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coopkg.core.Format;
import org.slf4j.Logger;

/**
 * Writing answers of the read-only resources: the body only for GET (HEAD gets the same status and headers,
 * Content-Length included), and errors as one {@link ErrorLine}, never a stack trace. Every answer says
 * {@code nosniff}, so that a browser never runs a plain-text error (which may echo the request path) as HTML or
 * script. CORS is the server's one policy ({@link CorsPolicy}), not set here.
 */
public final class Responses {
    private Responses() {}

    /** The work of a servlet, which may fail with an {@link IOException} while writing. */
    @FunctionalInterface
    public interface Answer {
        void run() throws IOException;
    }

    /**
     * Answers a read-only Linked Data resource: OPTIONS says which methods it allows (a browser's preflight never
     * gets here: the CORS filter answers it), methods other than GET and HEAD get 405, and GET and HEAD run
     * {@code answer}. A {@link RuntimeException} of {@code answer} becomes a one-line 500, logged, instead of the
     * container's HTML error page.
     */
    public static void readOnly(HttpServletRequest request, HttpServletResponse response, Logger log, Answer answer)
            throws IOException {
        String method = request.getMethod();
        if ("OPTIONS".equals(method)) {
            allowReadsOnly(response);
            return;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            methodNotAllowed(request, response);
            return;
        }
        try {
            answer.run();
        } catch (Prepared.NotReady e) {
            if (!response.isCommitted()) {
                response.reset();
                response.setHeader("Retry-After", "10");
                ErrorLine.send(request, response, 503, e.getMessage());
            }
        } catch (RuntimeException e) {
            log.warn("cannot answer {}: {}", request.getRequestURI(), e.toString(), e);
            if (!response.isCommitted()) {
                response.reset();
                ErrorLine.send(request, response, 500, "the answer could not be made; the server log has the details");
            }
        }
    }

    public static void send(HttpServletRequest request, HttpServletResponse response, int status, String contentType,
                            byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        if (!"HEAD".equalsIgnoreCase(request.getMethod())) {
            response.getOutputStream().write(body);
        }
        response.flushBuffer();
    }

    public static void html(HttpServletRequest request, HttpServletResponse response, int status, String html) throws IOException {
        send(request, response, status, Format.HTML.contentType(), html.getBytes(StandardCharsets.UTF_8));
    }

    /** 406 with the list of types the resource has, as RFC 9110 suggests. */
    public static void notAcceptable(HttpServletRequest request, HttpServletResponse response,
                                     List<Format> offered) throws IOException {
        ErrorLine.send(request, response, HttpServletResponse.SC_NOT_ACCEPTABLE,
                "this resource is available as " + ContentNegotiation.list(offered));
    }

    private static void methodNotAllowed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "GET, HEAD, OPTIONS");
        ErrorLine.send(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                "Linked Data pages are read-only; use GET or HEAD");
    }

    /** 204 to an OPTIONS request: the methods the resource allows. */
    private static void allowReadsOnly(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        response.setHeader("Allow", "GET, HEAD, OPTIONS");
        response.setContentLength(0);
        response.flushBuffer();
    }
}

package org.coopkg.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonValue;
import org.coopkg.reconcile.ReconcileException;
import org.slf4j.Logger;

/**
 * How the reconciliation services answer: JSON (or JSONP, {@code callback=} on GET, as OpenRefine asks for it),
 * the methods each path allows, and errors as one {@link ErrorLine}: a request the service cannot answer as asked
 * ({@link ReconcileException}) is 400 with the reason, the index still being built is 503 with Retry-After, and
 * nothing a client sends is a 500.
 */
final class JsonAnswers {
    /** A JSONP callback: a JavaScript name or dotted path, nothing that could carry script. */
    private static final Pattern CALLBACK = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");
    private static final int MAX_CALLBACK = 128;

    private JsonAnswers() {}

    static void guarded(HttpServletRequest request, HttpServletResponse response, Logger log, Set<String> methods,
                        Responses.Answer answer) throws IOException {
        String method = request.getMethod();
        if ("OPTIONS".equals(method)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            response.setHeader("Allow", String.join(", ", methods) + ", OPTIONS");
            return;
        }
        if (!methods.contains(method)) {
            response.setHeader("Allow", String.join(", ", methods) + ", OPTIONS");
            ErrorLine.send(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                    request.getRequestURI() + " answers " + String.join(" and ", methods));
            return;
        }
        try {
            answer.run();
        } catch (ReconcileException e) {
            if (!response.isCommitted()) {
                response.reset();
                ErrorLine.send(request, response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            }
        } catch (Prepared.NotReady e) {
            if (!response.isCommitted()) {
                response.reset();
                response.setHeader("Retry-After", "10");
                ErrorLine.send(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage());
            }
        } catch (RuntimeException e) {
            log.warn("cannot answer {}: {}", request.getRequestURI(), e.toString(), e);
            if (!response.isCommitted()) {
                response.reset();
                ErrorLine.send(request, response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                        "the answer could not be made; the server log has the details");
            }
        }
    }

    /** The JSON, or with {@code callback=NAME} on GET the script {@code NAME(json);}. */
    static void json(HttpServletRequest request, HttpServletResponse response, JsonValue json) throws IOException {
        String body = JSON.toStringFlat(json);
        String callback = request.getParameter("callback");
        if (callback != null && "GET".equals(request.getMethod())) {
            if (callback.length() > MAX_CALLBACK || !CALLBACK.matcher(callback).matches()) {
                throw new ReconcileException("callback '" + (callback.length() > 40 ? callback.substring(0, 40) + "…" : callback)
                        + "' is not a JavaScript function name; use letters, digits, _ and $ (e.g. callback=jQuery123_456)");
            }
            Responses.send(request, response, 200, "application/javascript; charset=utf-8",
                    ("/**/" + callback + "(" + body + ");").getBytes(StandardCharsets.UTF_8));
            return;
        }
        Responses.send(request, response, 200, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** A parameter that must be there, or a 400 that names it. */
    static String required(HttpServletRequest request, String name, String example) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            throw new ReconcileException("the parameter '" + name + "' is missing; e.g. ?" + name + "=" + example);
        }
        return value;
    }
}

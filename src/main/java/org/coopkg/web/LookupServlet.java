package org.coopkg.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.coopkg.load.CuratedSchema;
import org.coopkg.reconcile.EntityLookup;

/**
 * {@code GET /api/lookup?q=max pla&kind=organisation&limit=10}: the entities whose names begin with, or are
 * spelled close to, what was typed, best first ({@link EntityLookup}), as a JSON array of {@code iri},
 * {@code label}, {@code kind}, {@code description}. The query editor completes entity IRIs with it. A server
 * without a full-text index answers 503; a bad parameter is a 400 that names it.
 */
final class LookupServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;
    static final int MAX_QUERY = 200;

    private final transient Optional<EntityLookup> lookup;

    LookupServlet(Optional<EntityLookup> lookup) {
        this.lookup = lookup;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String q = request.getParameter("q");
        if (q == null || q.isBlank()) {
            ErrorLine.send(request, response, 400, "parameter 'q' is missing: give the beginning of a name, e.g. ?q=max pla");
            return;
        }
        if (q.length() > MAX_QUERY) {
            ErrorLine.send(request, response, 400, "parameter 'q' is " + q.length() + " characters long; at most "
                    + MAX_QUERY + " are looked up");
            return;
        }
        String kind = Optional.ofNullable(request.getParameter("kind")).map(String::strip).orElse("");
        List<String> kinds = CuratedSchema.kinds();
        if (!kind.isEmpty() && !kinds.contains(kind)) {
            ErrorLine.send(request, response, 400, "parameter 'kind' is '" + ErrorLine.shown(kind) + "', which is no kind of entity; use one of "
                    + String.join(", ", kinds));
            return;
        }
        int limit = DEFAULT_LIMIT;
        String limitText = request.getParameter("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                ErrorLine.send(request, response, 400, "parameter 'limit' is '" + ErrorLine.shown(limitText)
                        + "'; give a whole number from 1 to " + MAX_LIMIT);
                return;
            }
        }
        if (lookup.isEmpty()) {
            ErrorLine.send(request, response, 503, "this server has no full-text index, so it cannot look names up; "
                    + "start it with coopkg serve, which builds one");
            return;
        }
        JsonArray answer = new JsonArray();
        for (EntityLookup.Match m : lookup.get().find(q, kind, limit)) {
            JsonObject o = new JsonObject();
            o.put("iri", m.iri());
            o.put("label", m.label());
            o.put("kind", m.kind());
            o.put("description", m.description());
            answer.add(o);
        }
        Json.send(request, response, answer.toString());
    }
}

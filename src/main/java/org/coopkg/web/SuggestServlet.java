package org.coopkg.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coopkg.core.CoopIris;
import org.coopkg.reconcile.DataExtension;
import org.coopkg.reconcile.QueryProperty;
import org.coopkg.reconcile.ReconcileException;
import org.coopkg.reconcile.ReconcileService;
import org.coopkg.reconcile.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The suggest services of the reconciliation API ({@code prefix=}, optional {@code cursor=}) for entities, types
 * and properties, and the data extension's property proposals per type ({@code type=}, optional {@code limit=}).
 */
final class SuggestServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SuggestServlet.class);
    /** Suggestions per answer. */
    static final int SUGGESTIONS = 10;

    private final transient Prepared<ReconcileService> service;

    SuggestServlet(Prepared<ReconcileService> service) {
        this.service = service;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonAnswers.guarded(request, response, LOG, Set.of("GET", "HEAD"), () -> {
            ReconcileService s = service.get();
            String path = request.getRequestURI();
            if (path.equals(CoopIris.RECONCILE_PROPOSE_PROPERTIES_PATH)) {
                Types.Type type = s.types().resolve(JsonAnswers.required(request, "type", "Organisation"));
                Optional<Integer> limit = Optional.ofNullable(request.getParameter("limit")).map(l -> number(l, "limit"));
                JsonAnswers.json(request, response, ReconcileJson.proposals(type, s.extension().proposals(type), limit));
                return;
            }
            String prefix = JsonAnswers.required(request, "prefix", "Tsing");
            int cursor = Optional.ofNullable(request.getParameter("cursor")).map(c -> number(c, "cursor")).orElse(0);
            if (path.equals(CoopIris.RECONCILE_SUGGEST_ENTITY_PATH)) {
                JsonAnswers.json(request, response, ReconcileJson.suggestedEntities(s.types(),
                        s.suggest().suggest(prefix, cursor, SUGGESTIONS)));
            } else if (path.equals(CoopIris.RECONCILE_SUGGEST_TYPE_PATH)) {
                JsonAnswers.json(request, response, ReconcileJson.suggestedTypes(s.types(),
                        s.types().suggest(prefix).stream().skip(cursor).limit(SUGGESTIONS).toList()));
            } else {
                JsonAnswers.json(request, response, ReconcileJson.suggestedProperties(properties(prefix, cursor)));
            }
        });
    }

    /** The properties of queries and of data extension whose id or name has a word beginning with the prefix. */
    private static Map<String, String[]> properties(String prefix, int cursor) {
        Map<String, String[]> all = new LinkedHashMap<>();
        for (QueryProperty p : QueryProperty.values()) all.put(p.id(), ReconcileJson.describe(p));
        for (DataExtension.Property p : DataExtension.Property.values()) all.putIfAbsent(p.id(), new String[] {p.label(), null});
        String p = prefix.strip().toLowerCase(Locale.ROOT);
        Map<String, String[]> found = new LinkedHashMap<>();
        all.entrySet().stream().filter(e -> (e.getKey() + " " + e.getValue()[0]).toLowerCase(Locale.ROOT)
                        .matches("(?s)(.*\\s)?" + Pattern.quote(p) + ".*")
                        || e.getKey().toLowerCase(Locale.ROOT).startsWith(p))
                .skip(cursor).limit(SUGGESTIONS).forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    private static int number(String text, String parameter) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new ReconcileException("'" + parameter + "' must be a whole number of 0 or more, not '" + text + "'");
    }
}

package org.coopkg.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coopkg.core.CoopIris;
import org.coopkg.reconcile.Entry;
import org.coopkg.reconcile.ReconcileService;
import org.coopkg.reconcile.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An entity as the reconciliation client shows it: {@code /reconcile/preview?id=…} is a small HTML card (name,
 * classes, id, description, country) for the client's frame, every value escaped; {@code /reconcile/view?id=…}
 * redirects to the entity's page. Ids contain a slash ({@code organisation/x}), which a client may percent-encode:
 * in a query parameter that is decoded as it should be.
 */
final class PreviewServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PreviewServlet.class);
    private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:8px;color:#222}"
            + "h1{font-size:16px;margin:0 0 4px}p{margin:2px 0}.meta{color:#666;font-size:12px}";

    private final transient Prepared<ReconcileService> service;
    private final transient CoopIris iris;

    PreviewServlet(Prepared<ReconcileService> service, CoopIris iris) {
        this.service = service;
        this.iris = iris;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonAnswers.guarded(request, response, LOG, Set.of("GET", "HEAD"), () -> {
            ReconcileService s = service.get();
            String id = JsonAnswers.required(request, "id", "organisation/cas");
            Entry entry = s.catalogue().entry(id).orElse(null);
            if (entry == null) {
                ErrorLine.send(request, response, HttpServletResponse.SC_NOT_FOUND, "coop-kg has no entity with the id '"
                        + id + "' (ids are kind/slug, e.g. organisation/cas)");
                return;
            }
            if (request.getRequestURI().equals(CoopIris.RECONCILE_VIEW_PATH)) {
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", iris.pathOfIri(entry.iri().getURI()).orElse(entry.iri().getURI()));
                return;
            }
            response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *");
            Responses.html(request, response, 200, card(s, entry));
        });
    }

    private String card(ReconcileService s, Entry entry) {
        List<String> types = s.types().mostSpecific(entry.types()).stream().map(Types.Type::name).toList();
        List<String> countries = entry.countries().stream().map(c -> s.catalogue().entry(c).map(Entry::label).orElse(""))
                .filter(n -> !n.isEmpty()).sorted().toList();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(entry.label())).append("</title><style>").append(STYLE).append("</style></head><body>")
                .append("<h1><a href=\"").append(Html.escape(entry.iri().getURI())).append("\" target=\"_blank\" rel=\"noopener\">")
                .append(Html.escape(entry.label())).append("</a></h1><p class=\"meta\">")
                .append(Html.escape(String.join(", ", types))).append(" · ").append(Html.escape(entry.id())).append("</p>");
        if (!entry.altLabels().isEmpty()) {
            html.append("<p>Also: ").append(Html.escape(String.join(", ", entry.altLabels()))).append("</p>");
        }
        if (!countries.isEmpty()) html.append("<p>Country: ").append(Html.escape(String.join(", ", countries))).append("</p>");
        if (!entry.description().isEmpty()) html.append("<p>").append(Html.escape(entry.description())).append("</p>");
        return html.append("</body></html>").toString();
    }
}

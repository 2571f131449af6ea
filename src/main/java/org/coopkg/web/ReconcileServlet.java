package org.coopkg.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.atlas.json.JsonObject;
import org.coopkg.core.CoopIris;
import org.coopkg.reconcile.DataExtension;
import org.coopkg.reconcile.ReconcileException;
import org.coopkg.reconcile.ReconcileQuery;
import org.coopkg.reconcile.ReconcileService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconciliation endpoint, {@code /reconcile} (W3C Reconciliation Service API 0.2): without parameters the
 * manifest; with {@code queries=} (GET or form POST) a batch of reconciliation queries, each answered independently
 * by the {@link org.coopkg.reconcile.Reconciler}; with {@code extend=} a data extension query.
 */
final class ReconcileServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ReconcileServlet.class);

    private final transient Prepared<ReconcileService> service;
    private final transient CoopIris iris;

    ReconcileServlet(Prepared<ReconcileService> service, CoopIris iris) {
        this.service = service;
        this.iris = iris;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonAnswers.guarded(request, response, LOG, Set.of("GET", "POST", "HEAD"), () -> {
            ReconcileService s = service.get();
            String queries = request.getParameter("queries");
            String extend = request.getParameter("extend");
            if (queries != null && extend != null) {
                throw new ReconcileException("send either 'queries' or 'extend', not both");
            }
            if (queries != null) {
                JsonObject results = new JsonObject();
                for (Map.Entry<String, ReconcileQuery> q : ReconcileRequests.queries(queries, s.types()).entrySet()) {
                    results.put(q.getKey(), ReconcileJson.candidates(s.types(), s.reconciler().reconcile(q.getValue())));
                }
                JsonAnswers.json(request, response, results);
            } else if (extend != null) {
                ReconcileRequests.Extend asked = ReconcileRequests.extend(extend);
                List<DataExtension.Property> properties = asked.properties();
                JsonAnswers.json(request, response, ReconcileJson.extension(s.types(), properties,
                        s.extension().extend(asked.ids(), properties)));
            } else {
                JsonAnswers.json(request, response, ReconcileJson.manifest(s, iris, ReconcileRequests.MAX_BATCH));
            }
        });
    }
}

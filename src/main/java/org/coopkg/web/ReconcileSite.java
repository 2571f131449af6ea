package org.coopkg.web;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.core.CoopIris;
import org.coopkg.reconcile.ReconcileService;

/**
 * The reconciliation service (W3C Reconciliation Service API 0.2), registered on the Fuseki builder by
 * {@link CoopModule}: {@code /reconcile} ({@link ReconcileServlet}: manifest, queries, data extension), its suggest
 * services and property proposals ({@link SuggestServlet}), previews and views ({@link PreviewServlet}). What it
 * answers from ({@link ReconcileService}: the entity catalogue and the full-text index) is prepared in the
 * background once the server answers, after the Linked Data documents; it reads the data as served at start-up.
 * CORS is the server's one policy, as for SPARQL.
 */
final class ReconcileSite {
    private ReconcileSite() {}

    static void install(FusekiServer.Builder fuseki, Preparations preparations, DatasetGraph dataset, CoopIris iris) {
        Prepared<ReconcileService> service = preparations.add("the reconciliation service's index",
                () -> ReconcileService.of(dataset, iris));
        fuseki.addServlet(CoopIris.RECONCILE_PATH, new ReconcileServlet(service, iris));
        SuggestServlet suggest = new SuggestServlet(service);
        fuseki.addServlet(CoopIris.RECONCILE_SUGGEST_ENTITY_PATH, suggest);
        fuseki.addServlet(CoopIris.RECONCILE_SUGGEST_TYPE_PATH, suggest);
        fuseki.addServlet(CoopIris.RECONCILE_SUGGEST_PROPERTY_PATH, suggest);
        fuseki.addServlet(CoopIris.RECONCILE_PROPOSE_PROPERTIES_PATH, suggest);
        PreviewServlet preview = new PreviewServlet(service, iris);
        fuseki.addServlet(CoopIris.RECONCILE_PREVIEW_PATH, preview);
        fuseki.addServlet(CoopIris.RECONCILE_VIEW_PATH, preview);
    }
}

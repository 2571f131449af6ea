package org.coopkg.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.core.CoopIris;
import org.coopkg.core.Ontology;
import org.coopkg.query.Gallery;
import org.coopkg.reconcile.EntityLookup;
import org.coopkg.store.UpdateJournal;

/**
 * Everything coop-kg adds to Fuseki main, as one Fuseki module: the request filters (request ids, body checks,
 * one-line errors, fair use, login for writes), the guarded query operation and, in update mode, the validated update
 * and Graph Store operations (replaying the journal first) and the online backup, the dataset {@code /coop} with its
 * endpoints, the Linked Data site ({@link LinkedDataSite}), the reconciliation service ({@link ReconcileSite}), the
 * query page, the web API (entity lookup, the gallery, its OpenAPI description), CORS ({@link CorsPolicy}), ping and
 * metrics. Its lifecycle hooks run the background preparations
 * of derived documents: begun once the server answers, and ended before the server's store is released.
 */
final class CoopModule implements FusekiModule {
    /** What the module serves, and the limits it applies. */
    record Settings(DatasetGraph dataset, CoopIris iris, Duration queryTimeout, long maxRows, long maxBodyBytes,
                    CorsPolicy cors, UpdateAuth auth, FairUse.Limits fairUse, QueryLimits queryLimits,
                    CuratedDataset curated, UpdateJournal journal, ServiceAllowlist services, long cacheBytes) {}

    /** How long clients may reuse an answer of a read-only server without asking again. */
    static final long RESULT_MAX_AGE_SECONDS = 300;

    private final Settings settings;
    private final Preparations preparations = new Preparations();
    private Path corsProperties;

    CoopModule(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "coop-kg";
    }

    boolean takesUpdates() {
        return settings.auth() != null;
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        DatasetGraph dataset = settings.dataset();
        // The guard first, so that it sees (and answers for) every request behind the CORS filter.
        builder.addFilter("/*", new RequestGuard(settings.maxBodyBytes()))
                .addFilter("/*", new FairUse(settings.fairUse(), settings.queryTimeout().toMillis()));
        CuratedDataset curated = null;
        if (settings.cacheBytes() > 0 && !takesUpdates()) {
            builder.addFilter("/*", new ResultCache(settings.cacheBytes(), RESULT_MAX_AGE_SECONDS));
        }
        if (takesUpdates()) {
            UpdateAuth auth = settings.auth();
            curated = settings.curated();
            UpdatePolicy policy = new UpdatePolicy(curated.ontologyGraph(), curated.inferredGraph());
            // Login for the write paths only, after the guard so that a 401 gets a request id and one line.
            builder.addFilter("/*", auth)
                    .registerOperation(Operation.Update, new ValidatedUpdate(policy, settings.queryLimits(), settings.iris().base()))
                    .registerOperation(Operation.GSP_RW, new ValidatedGraphStore(policy))
                    .addServlet(CoopIris.BACKUP_PATH, new BackupServlet(curated));
        }
        corsProperties = settings.cors().writeFusekiProperties();
        builder.enableCors(true, corsProperties.toString());
        LinkedDataSite.install(builder, preparations, dataset, settings.iris());
        ReconcileSite.install(builder, preparations, dataset, settings.iris());
        PageData pageData = new PageData(dataset, CoopIris.SPARQL_PATH)
                .link("Browse the entities (Linked Data)", CoopIris.HOME_PATH)
                .link("Ontology documentation", CoopIris.ONTOLOGY_PATH)
                .link("Dataset description (VoID/DCAT)", CoopIris.VOID_PATH);
        builder.registerOperation(Operation.Query, new GuardedQuery(settings.queryTimeout().toMillis(), settings.maxRows(),
                        settings.queryLimits(), settings.services()))
                .enablePing(true)
                .enableMetrics(true)
                .add(CoopIris.DATASET_PATH, dataService(curated == null ? dataset : curated, curated != null))
                // "" maps the query page to the root alone, not to the paths below it.
                .addServlet("", QueryPageServlet.page(pageData))
                .addServlet(CoopIris.ASSETS_PATH + "*", QueryPageServlet.assets(pageData))
                .addServlet(CoopIris.LOOKUP_PATH, new LookupServlet(EntityLookup.of(dataset)))
                .addServlet(CoopIris.OPENAPI_PATH, new JsonDocumentServlet(() -> OpenApiDescription.json(Gallery.bundled())));
        GalleryApiServlet galleryApi = new GalleryApiServlet(dataset, Gallery.bundled(), settings.queryTimeout().toMillis(),
                settings.maxRows());
        builder.addServlet(CoopIris.QUERIES_PATH, galleryApi).addServlet(CoopIris.QUERIES_PATH + "/*", galleryApi);
    }

    /** Query at {@code /coop/sparql}, {@code /coop/query} and the dataset URL; the Graph Store at {@code /coop/data}. */
    private static DataService dataService(DatasetGraph dataset, boolean updates) {
        DataService.Builder service = DataService.newBuilder(dataset)
                .addEndpoint(Operation.Query, endpointName(CoopIris.SPARQL_PATH))
                .addEndpoint(Operation.Query, endpointName(CoopIris.QUERY_PATH))
                .addEndpoint(updates ? Operation.GSP_RW : Operation.GSP_R, endpointName(CoopIris.DATA_PATH))
                .addEndpoint(Operation.Query)
                .addEndpoint(Operation.GSP_R);
        if (updates) service.addEndpoint(Operation.Update, endpointName(CoopIris.UPDATE_PATH));
        return service.build();
    }

    /** {@code sparql} of {@code /coop/sparql}: Fuseki names an endpoint relative to its dataset. */
    private static String endpointName(String route) {
        return route.substring(CoopIris.DATASET_PATH.length() + 1);
    }

    @Override
    public void server(FusekiServer server) {
        // Fuseki has read the CORS settings while it built the server.
        if (corsProperties != null) corsProperties.toFile().delete();
    }

    @Override
    public void serverAfterStarting(FusekiServer server) {
        // Begun earlier, the preparations would take one of the two cores of a small machine from the start-up.
        preparations.begin();
    }

    @Override
    public void serverStopped(FusekiServer server) {
        // Derived documents still being prepared hold read transactions on the dataset: let them end, so that the
        // caller may release the store.
        preparations.awaitEnd();
        if (settings.journal() != null) settings.journal().close();
    }
}

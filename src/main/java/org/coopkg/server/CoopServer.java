package org.coopkg.server;

import java.util.Objects;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.linkeddata.LinkedDataSite;
import org.coopkg.load.CoopLoader;

/**
 * The coop-kg SPARQL endpoint: Fuseki main serving one read-only dataset, {@code /coop}, with SPARQL
 * query at {@code /coop/sparql} (and {@code /coop/query}, and on the dataset URL itself) and a read-only
 * Graph Store at {@code /coop/data}. There is no update endpoint.
 *
 * <pre>
 * try (CoopServer server = CoopServer.builder().dataset(dsg).port(0).build().start()) {
 *     String endpoint = server.sparqlUrl();
 * }
 * </pre>
 */
public final class CoopServer implements AutoCloseable {
    public static final String DATASET = "coop";
    public static final int DEFAULT_PORT = 3030;

    private final FusekiServer fuseki;

    private CoopServer(FusekiServer fuseki) {
        this.fuseki = fuseki;
    }

    public static Builder builder() {
        return new Builder();
    }

    public CoopServer start() {
        fuseki.start();
        return this;
    }

    /** The port actually bound (useful after {@code port(0)}). */
    public int port() {
        return fuseki.getPort();
    }

    public String sparqlUrl() {
        return datasetUrl() + "/sparql";
    }

    public String datasetUrl() {
        return "http://localhost:" + port() + "/" + DATASET;
    }

    public void join() {
        fuseki.join();
    }

    @Override
    public void close() {
        fuseki.stop();
    }

    /** Fluent configuration, applied from the command line's options or directly by tests. */
    public static final class Builder {
        private DatasetGraph dataset;
        private int port = DEFAULT_PORT;
        private boolean loopback;
        private String base = CoopLoader.DEFAULT_BASE;

        private Builder() {}

        public Builder dataset(DatasetGraph dataset) {
            this.dataset = dataset;
            return this;
        }

        /** The HTTP port; 0 picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
            }
            this.port = port;
            return this;
        }

        /** Listen on localhost only. */
        public Builder loopback(boolean loopback) {
            this.loopback = loopback;
            return this;
        }

        /**
         * The base IRI the data was loaded with: request paths map onto it ({@code /id/person/x} describes
         * {@code {base}id/person/x}), so the server answers for a public base behind a reverse proxy.
         */
        public Builder base(String base) {
            this.base = Objects.requireNonNull(base, "base");
            return this;
        }

        public CoopServer build() {
            Objects.requireNonNull(dataset, "dataset");
            DataService readOnly = DataService.newBuilder(dataset)
                    .addEndpoint(Operation.Query, "sparql")
                    .addEndpoint(Operation.Query, "query")
                    .addEndpoint(Operation.GSP_R, "data")
                    .addEndpoint(Operation.Query)
                    .addEndpoint(Operation.GSP_R)
                    .build();
            PageData pageData = new PageData(dataset, "/" + DATASET + "/sparql")
                    .link("Browse the entities (Linked Data)", "/id/")
                    .link("Ontology documentation", "/ontology")
                    .link("Dataset description (VoID/DCAT)", "/.well-known/void");
            // Linked Data: /id/…, /ontology, /.well-known/void and the service description on GET …/sparql.
            FusekiServer fuseki = LinkedDataSite.install(FusekiServer.create(), dataset, base, "/" + DATASET + "/sparql")
                    .port(port)
                    .loopback(loopback)
                    .enablePing(true)
                    .add("/" + DATASET, readOnly)
                    // The query page (YASGUI) at "/" and its assets and data at /web/…
                    .addServlet("", QueryPageServlet.page(pageData))
                    .addServlet("/web/*", QueryPageServlet.assets(pageData))
                    .build();
            return new CoopServer(fuseki);
        }
    }
}

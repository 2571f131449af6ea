package org.coopkg.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.core.CoopIris;
import org.coopkg.core.Ontology;

/**
 * The coop-kg SPARQL endpoint: Fuseki main serving one read-only dataset, {@code /coop}, with SPARQL
 * query at {@code /coop/sparql} (and {@code /coop/query}, and on the dataset URL itself) and a read-only
 * Graph Store at {@code /coop/data}. There is no update endpoint, unless {@link Builder#updates(Path)} turns
 * on update mode: SPARQL Update at {@code /coop/update} and Graph Store writes at {@code /coop/data}, both with
 * login and SHACL validation ({@link CuratedDataset}).
 *
 * <p>Limits and errors: queries time out ({@link Builder#queryTimeout}, 503), results can be capped
 * ({@link Builder#maxRows}, signalled in headers), request bodies are limited ({@link Builder#maxBodyBytes},
 * 413), and every response carries an {@code X-Request-Id}; error responses are one line of plain text
 * without internals ({@link RequestGuard}). CORS is on for the allowed origins, and {@code /$/ping} and
 * Prometheus metrics at {@code /$/metrics} are served.
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
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    private final FusekiServer fuseki;
    private final Preparations preparations;
    private final boolean updatable;

    private CoopServer(FusekiServer fuseki, Preparations preparations, boolean updatable) {
        this.fuseki = fuseki;
        this.preparations = preparations;
        this.updatable = updatable;
    }

    public static Builder builder() {
        return new Builder();
    }

    public CoopServer start() {
        fuseki.start();
        preparations.begin();
        return this;
    }

    /** The port actually bound (useful after {@code port(0)}). */
    public int port() {
        return fuseki.getPort();
    }

    public String sparqlUrl() {
        return datasetUrl() + "/sparql";
    }

    /** Whether SPARQL Update ({@link #updateUrl()}) and Graph Store writes are enabled (with login). */
    public boolean updatable() {
        return updatable;
    }

    /** The SPARQL Update endpoint; it answers 404 unless {@link #updatable()}. */
    public String updateUrl() {
        return datasetUrl() + "/update";
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
        // Derived documents still being prepared hold read transactions on the dataset: let them end, so
        // that the caller may release the store.
        preparations.awaitEnd();
    }

    /** Fluent configuration, applied from the command line's options or directly by tests. */
    public static final class Builder {
        private DatasetGraph dataset;
        private int port = DEFAULT_PORT;
        private boolean loopback;
        private String base = CoopIris.DEFAULT_BASE;
        private Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;
        private long maxRows;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private String corsOrigins = "*";
        private Path passwordFile;

        private Builder() {}

        /**
         * Update mode: SPARQL Update at {@code /coop/update} and a writable Graph Store at {@code /coop/data},
         * both for the users of this password file only (HTTP Basic; {@code user: password} lines, Jetty's
         * format). Every update is checked when it commits: the inferred graph and the union default graph
         * are recomputed and the result validated with the SHACL shapes, or nothing changes. Queries and
         * Linked Data stay public. {@code null} (the default) serves read-only, without an update route.
         */
        public Builder updates(Path passwordFile) {
            this.passwordFile = passwordFile;
            return this;
        }

        /** Queries running longer are stopped and answered 503 (default 30 s). */
        /** Whether the server will take updates ({@link #updates} was called). */
        public boolean takesUpdates() {
            return passwordFile != null;
        }

        public Builder queryTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the query timeout must be positive, not " + timeout);
            }
            this.queryTimeout = timeout;
            return this;
        }

        /** At most this many result rows (CONSTRUCT/DESCRIBE: triples) per query; 0 (default) is no cap. */
        public Builder maxRows(long maxRows) {
            if (maxRows < 0) throw new IllegalArgumentException("max rows must be 0 (no cap) or more, not " + maxRows);
            this.maxRows = maxRows;
            return this;
        }

        /** Larger request bodies are refused with 413 (default 1 MiB). */
        public Builder maxBodyBytes(long maxBodyBytes) {
            if (maxBodyBytes <= 0) throw new IllegalArgumentException("the body limit must be positive, not " + maxBodyBytes);
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** Origins allowed by CORS: {@code *} (default) or a comma-separated list such as {@code https://a.org,https://b.org}. */
        public Builder corsOrigins(String origins) {
            this.corsOrigins = Objects.requireNonNull(origins, "origins").strip();
            return this;
        }

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
            dataset.getContext().set(ARQ.queryTimeout, Long.toString(queryTimeout.toMillis()));
            UpdateAuth auth = passwordFile == null ? null : UpdateAuth.fromPasswordFile(passwordFile, "/" + DATASET);
            CuratedDataset curated = auth == null ? null
                    : new CuratedDataset(dataset, new CoopIris(base), Ontology.graph(), Ontology.shapes());
            DataService.Builder service = DataService.newBuilder(curated == null ? dataset : curated)
                    .addEndpoint(Operation.Query, "sparql")
                    .addEndpoint(Operation.Query, "query")
                    .addEndpoint(curated == null ? Operation.GSP_R : Operation.GSP_RW, "data")
                    .addEndpoint(Operation.Query)
                    .addEndpoint(Operation.GSP_R);
            if (curated != null) service.addEndpoint(Operation.Update, "update");
            DataService readOnly = service.build();
            PageData pageData = new PageData(dataset, PageLinks.SPARQL_PATH)
                    .link("Browse the entities (Linked Data)", "/id/")
                    .link("Ontology documentation", "/ontology")
                    .link("Dataset description (VoID/DCAT)", "/.well-known/void");
            // Linked Data: /id/…, /ontology, /.well-known/void and the service description on GET …/sparql.
            // RequestGuard first, so that it sees (and answers for) every request behind the CORS filter.
            FusekiServer.Builder fusekiBuilder = FusekiServer.create().addFilter("/*", new RequestGuard(maxBodyBytes));
            if (auth != null) {
                // Login for the write paths only, after RequestGuard so that a 401 gets a request id and one line.
                UpdatePolicy policy = new UpdatePolicy(curated.ontologyGraph(), curated.inferredGraph());
                fusekiBuilder.addFilter("/*", auth)
                        .registerOperation(Operation.Update, new ValidatedUpdate(policy, new CoopIris(base).base()))
                        .registerOperation(Operation.GSP_RW, new ValidatedGraphStore(policy));
            }
            Path cors = corsProperties(corsOrigins);
            try {
                fusekiBuilder.enableCors(true, cors.toString());
            } finally {
                cors.toFile().delete();
            }
            Preparations preparations = new Preparations();
            FusekiServer fuseki = LinkedDataSite.install(fusekiBuilder, preparations, dataset, base, PageLinks.SPARQL_PATH, "/" + DATASET + "/query")
                    .port(port)
                    .loopback(loopback)
                    .registerOperation(Operation.Query, new GuardedQuery(queryTimeout.toMillis(), maxRows))
                    .enablePing(true)
                    .enableMetrics(true)
                    .add("/" + DATASET, readOnly)
                    // The query page (YASGUI) at "/" and its assets and data at /web/…
                    .addServlet("", QueryPageServlet.page(pageData))
                    .addServlet("/web/*", QueryPageServlet.assets(pageData))
                    .build();
            return new CoopServer(fuseki, preparations, auth != null);
        }

        /** Fuseki reads its CORS settings from a properties file, once, when CORS is enabled. */
        private static Path corsProperties(String origins) {
            String exposed = String.join(", ", List.of("Cache-Control", "Content-Language", "Content-Length",
                    "Content-Type", "Expires", "Last-Modified", "Pragma", RequestGuard.REQUEST_ID,
                    GuardedQuery.MAX_ROWS, GuardedQuery.TRUNCATED));
            try {
                Path file = Files.createTempFile("coopkg-cors", ".properties");
                Files.writeString(file, String.join("\n",
                        "allowedOrigins=" + origins,
                        "allowedMethods=GET,POST,HEAD,OPTIONS",
                        "allowedHeaders=X-Requested-With, Content-Type, Accept, Origin, Last-Modified, Authorization, "
                                + RequestGuard.REQUEST_ID,
                        "exposedHeaders=" + exposed,
                        // No cookies or credentials cross origins: the endpoint is public and read-only.
                        "allowCredentials=false",
                        "chainPreflight=false", ""));
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the CORS settings to a temporary file", e);
            }
        }
    }
}

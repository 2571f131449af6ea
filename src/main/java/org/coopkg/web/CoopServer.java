package org.coopkg.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.coopkg.core.CoopIris;
import org.coopkg.core.Ontology;
import org.coopkg.query.exec.CoopQueryEngine;
import org.coopkg.store.StoredDataset;
import org.coopkg.store.UpdateJournal;

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
 * Prometheus metrics at {@code /$/metrics} are served. All of it is installed by {@link CoopModule}.
 *
 * <pre>
 * try (CoopServer server = CoopServer.builder().dataset(dsg).port(0).build().start()) {
 *     String endpoint = server.sparqlUrl();
 * }
 * </pre>
 */
public final class CoopServer implements AutoCloseable {
    public static final int DEFAULT_PORT = 3030;
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_CLIENT_REQUESTS = 4;
    public static final int DEFAULT_MAX_RUNNING = 8;
    public static final int DEFAULT_MAX_QUEUED = 32;
    public static final int DEFAULT_MAX_NESTING = QueryLimits.DEFAULT_NESTING;
    public static final int DEFAULT_MAX_QUERY_LENGTH = QueryLimits.DEFAULT_LENGTH;

    private final FusekiServer fuseki;
    private final CoopIris iris;
    private final boolean updatable;
    private final UpdateJournal journal;

    private CoopServer(FusekiServer fuseki, CoopIris iris, boolean updatable, UpdateJournal journal) {
        this.fuseki = fuseki;
        this.iris = iris;
        this.updatable = updatable;
        this.journal = journal;
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

    /** The IRIs of the data served. */
    public CoopIris iris() {
        return iris;
    }

    public String sparqlUrl() {
        return url(CoopIris.SPARQL_PATH);
    }

    /** Whether SPARQL Update ({@link #updateUrl()}) and Graph Store writes are enabled (with login). */
    public boolean updatable() {
        return updatable;
    }

    /** The SPARQL Update endpoint; it answers 404 unless {@link #updatable()}. */
    public String updateUrl() {
        return url(CoopIris.UPDATE_PATH);
    }

    public String datasetUrl() {
        return url(CoopIris.DATASET_PATH);
    }

    /** The URL of a route of this server on this machine. */
    public String url(String route) {
        return "http://localhost:" + port() + route;
    }

    /** The journal of accepted updates ({@link Builder#journal}), as it was when the server started; or null. */
    public UpdateJournal journal() {
        return journal;
    }

    public void join() {
        fuseki.join();
    }

    @Override
    public void close() {
        fuseki.stop();
        if (journal != null) journal.close();
    }

    /** A value a setting cannot take: the setting, the value and the rule it breaks, for messages that name them. */
    public static final class InvalidSetting extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String value;
        private final String rule;

        InvalidSetting(String setting, Object value, String rule) {
            super(setting + " " + value + " " + rule);
            this.value = String.valueOf(value);
            this.rule = rule;
        }

        /** {@code --port 70000 is not a port number; use 0 to 65535}: the message for a command-line option. */
        public String forOption(String option) {
            return option + " " + value + " " + rule;
        }
    }

    /**
     * Fluent configuration, applied from the command line's options or directly by tests. Every setter checks its
     * value, the one place that does: a bad one is an {@link InvalidSetting} (a bad password file an
     * {@link IllegalArgumentException} naming it).
     */
    public static final class Builder {
        private DatasetGraph dataset;
        private int port = DEFAULT_PORT;
        private boolean loopback;
        private String base = CoopIris.DEFAULT_BASE;
        private Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;
        private long maxRows;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private String corsOrigins = "*";
        private UpdateAuth auth;
        private Path journal;
        private int maxClientRequests = DEFAULT_MAX_CLIENT_REQUESTS;
        private int maxRunning = DEFAULT_MAX_RUNNING;
        private int maxQueued = DEFAULT_MAX_QUEUED;
        private int maxNesting = DEFAULT_MAX_NESTING;
        private int maxQueryLength = DEFAULT_MAX_QUERY_LENGTH;
        private ServiceAllowlist services = ServiceAllowlist.none();
        private long resultCacheBytes;

        private Builder() {}

        /**
         * Keep answers of a read-only server, up to this many bytes in all ({@link ResultCache}; 0, the default, keeps
         * none). A server that takes updates keeps none whatever this says. Its figures are reported apart from the
         * cold ones in BENCHMARKS.md.
         */
        public Builder resultCache(long bytes) {
            if (bytes < 0) throw new InvalidSetting("the result cache", bytes, "must be 0 (none) or a positive number of bytes");
            this.resultCacheBytes = bytes;
            return this;
        }

        /**
         * Update mode: SPARQL Update at {@code /coop/update} and a writable Graph Store at {@code /coop/data},
         * both for the users of this password file only (HTTP Basic; {@code user: password} lines, Jetty's
         * format). Every update is checked when it commits: the inferred graph and the union default graph
         * are recomputed and the result validated with the SHACL shapes, or nothing changes. Queries and
         * Linked Data stay public. {@code null} (the default) serves read-only, without an update route.
         */
        public Builder updates(Path passwordFile) {
            this.auth = passwordFile == null ? null : UpdateAuth.fromPasswordFile(passwordFile, CoopIris.DATASET_PATH);
            return this;
        }

        /**
         * With {@link #updates}: every accepted update is appended to this journal (RDF Patch, forced to the disk)
         * before it is answered, and the journal is replayed on top of the data when the server starts
         * ({@link UpdateJournal}). For data in memory; a TDB2 store keeps its updates itself. {@code null}: none.
         */
        public Builder journal(Path file) {
            this.journal = file;
            return this;
        }

        /** At most this many SPARQL requests of one client (by address) in the server at once; more are 429 (default 4). */
        public Builder maxClientRequests(int max) {
            if (max <= 0) throw new InvalidSetting("the requests per client", max, "must be a positive number");
            this.maxClientRequests = max;
            return this;
        }

        /** At most this many SPARQL requests run at once (default 8); others wait, see {@link #maxQueued}. */
        public Builder maxRunning(int max) {
            if (max <= 0) throw new InvalidSetting("the running requests", max, "must be a positive number");
            this.maxRunning = max;
            return this;
        }

        /** At most this many SPARQL requests wait for a slot (default 32); more are shed with 503. */
        public Builder maxQueued(int max) {
            if (max < 0) throw new InvalidSetting("the waiting requests", max, "must be 0 or more");
            this.maxQueued = max;
            return this;
        }

        /** Brackets in a query or update may nest this deep (default 64); its algebra four times as deep. */
        public Builder maxNesting(int max) {
            if (max < 4 || max > 1000) throw new InvalidSetting("the nesting limit", max, "must be between 4 and 1000");
            this.maxNesting = max;
            return this;
        }

        /** A query may be at most this many characters long (default 100,000). */
        public Builder maxQueryLength(int max) {
            if (max <= 0) throw new InvalidSetting("the query length limit", max, "must be a positive number of characters");
            this.maxQueryLength = max;
            return this;
        }

        /** Whether the server will take updates ({@link #updates} was called). */
        public boolean takesUpdates() {
            return auth != null;
        }

        /** Queries running longer are stopped and answered 503 (default 30 s). */
        public Builder queryTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new InvalidSetting("the query timeout", timeout.toSeconds(), "must be a positive number of seconds");
            }
            this.queryTimeout = timeout;
            return this;
        }

        /** At most this many result rows (CONSTRUCT/DESCRIBE: triples) per query; by default there is no cap. */
        public Builder maxRows(long maxRows) {
            if (maxRows <= 0) throw new InvalidSetting("max rows", maxRows, "must be a positive number of rows");
            this.maxRows = maxRows;
            return this;
        }

        /** Larger request bodies are refused with 413 (default 1 MiB). */
        public Builder maxBodyBytes(long maxBodyBytes) {
            if (maxBodyBytes <= 0) throw new InvalidSetting("the body limit", maxBodyBytes, "must be a positive number of bytes");
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** Origins allowed by CORS: {@code *} (default) or a comma-separated list such as {@code https://a.org,https://b.org}. */
        public Builder corsOrigins(String origins) {
            this.corsOrigins = Objects.requireNonNull(origins, "origins").strip();
            return this;
        }

        /**
         * The remote SPARQL endpoints that {@code SERVICE} may call (default: none, so a query cannot make the server
         * send requests anywhere). Each is an absolute http(s) URL, compared with scheme and host in any case and the
         * default port or none; a {@code SERVICE} to any other endpoint is refused with 400.
         */
        public Builder serviceAllow(List<String> endpoints) {
            try {
                this.services = ServiceAllowlist.of(endpoints);
            } catch (IllegalArgumentException e) {
                throw new InvalidSetting("the SERVICE endpoint", e.getMessage(), "is not an absolute http(s) URL; give "
                        + "endpoint URLs such as https://query.wikidata.org/sparql, separated by commas");
            }
            return this;
        }

        /** Data that is already stored (TDB2, a release dump), under the base it was made with. */
        public Builder stored(StoredDataset stored) {
            return dataset(stored.dataset()).base(stored.base());
        }

        public Builder dataset(DatasetGraph dataset) {
            this.dataset = dataset;
            return this;
        }

        /** The HTTP port; 0 picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new InvalidSetting("port", port, "is not a port number; use 0 to 65535");
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
            if (journal != null && auth == null) {
                throw new InvalidSetting("the journal", journal, "needs updates: a server without updates has nothing to journal");
            }
            CoopIris iris = new CoopIris(base);
            UpdateJournal opened = journal == null ? null : UpdateJournal.open(journal);
            try {
                CuratedDataset curated = auth == null ? null
                        : new CuratedDataset(dataset, iris, Ontology.graph(), Ontology.shapes(), opened);
                // The journal is replayed in its own write transaction, before the server is assembled.
                if (opened != null) curated.replay(opened.opened().records(), opened.file().toString());
                // The pages read the data's prefixes while the server is assembled: in a transaction where the store has them.
                return dataset.supportsTransactions() && !dataset.isInTransaction()
                        ? Txn.calculateRead(dataset, () -> assemble(iris, curated, opened)) : assemble(iris, curated, opened);
            } catch (RuntimeException e) {
                if (opened != null) opened.close();
                throw e;
            }
        }

        private CoopServer assemble(CoopIris iris, CuratedDataset curated, UpdateJournal opened) {
            dataset.getContext().set(ARQ.queryTimeout, Long.toString(queryTimeout.toMillis()));
            CoopQueryEngine.install(curated == null ? dataset : curated);
            CoopModule module = new CoopModule(new CoopModule.Settings(dataset, iris, queryTimeout, maxRows,
                    maxBodyBytes, new CorsPolicy(corsOrigins), auth,
                    new FairUse.Limits(maxClientRequests, maxRunning, maxQueued),
                    new QueryLimits(maxNesting, maxQueryLength), curated, opened, services, resultCacheBytes));
            FusekiServer fuseki = FusekiServer.create()
                    .fusekiModules(FusekiModules.create(module))
                    .port(port)
                    .loopback(loopback)
                    .build();
            return new CoopServer(fuseki, iris, module.takesUpdates(), opened);
        }
    }
}

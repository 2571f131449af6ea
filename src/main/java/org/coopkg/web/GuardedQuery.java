package org.coopkg.web;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Fuseki's SPARQL query operation with two guarantees added.
 *
 * <p><b>A timed-out query is never a complete-looking answer.</b> Measured with Jena 5.6: when the timeout
 * strikes, the result iterator may simply end, as if there were no more rows, and Fuseki then sends 200 with
 * an empty or partial result. So a result that ends after the timeout has elapsed is treated as cancelled:
 * {@link QueryCancelledException} is thrown, which Fuseki answers 503 "Query timed out" as long as nothing has
 * been sent (Fuseki buffers the first 5 MiB of an answer); after that, {@link RequestGuard} cuts the connection,
 * so the client sees a broken transfer, not a short document.
 *
 * <p><b>{@code SERVICE} calls only the endpoints of {@code serve --service-allow}</b> ({@link ServiceAllowlist}): any
 * other is refused with 400 before the query runs; a remote endpoint that fails is 502 with its status
 * ({@link RemoteFailures}), never a 500.
 *
 * <p><b>An Accept header that allows no format of the answer is 406</b> (Fuseki would fall back to its default
 * format); the {@code output}/{@code format} parameters still choose a format explicitly.
 *
 * <p><b>Nesting and length are limited</b> ({@link QueryLimits}) before the parser and the evaluator recurse.
 *
 * <p><b>A row cap is never silent</b> ({@code serve --max-rows N}): every answer carries
 * {@code X-Coopkg-Max-Rows: N} and {@code X-Coopkg-Truncated: true|false} (for CONSTRUCT and DESCRIBE the cap
 * counts triples). Up to N+1 rows are computed before the answer starts, so with a cap a timeout is always
 * a clean 503.
 */
final class GuardedQuery extends SPARQL_QueryDataset {
    static final String MAX_ROWS = "X-Coopkg-Max-Rows";
    static final String TRUNCATED = "X-Coopkg-Truncated";

    private final long timeoutMillis;
    private final long maxRows;
    private final QueryLimits limits;
    private final ServiceAllowlist services;

    GuardedQuery(long timeoutMillis, long maxRows, QueryLimits limits, ServiceAllowlist services) {
        this.timeoutMillis = timeoutMillis;
        this.maxRows = maxRows;
        this.limits = limits;
        this.services = services;
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        // Before the parser, which recurses over nested brackets.
        if (queryString != null) limits.checkQueryText(queryString);
        super.execute(queryString, action);
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        limits.checkQuery(query);
        services.refusal(query).ifPresent(refusal -> ServletOps.error(400, refusal));
        services.install(action.getContext());
        String accept = action.getRequest().getHeader("Accept");
        boolean formatParameter = action.getRequest().getParameter("output") != null
                || action.getRequest().getParameter("format") != null || action.getRequest().getParameter("force-accept") != null;
        if (accept == null || accept.isBlank() || formatParameter) return;
        AcceptList offer = query.isSelectType() ? DEF.rsOfferTable
                : query.isAskType() ? DEF.rsOfferBoolean
                : query.isConstructType() ? DEF.constructOffer
                : query.isDescribeType() ? DEF.rdfOffer : null;
        if (offer == null) return;
        AcceptList asked;
        try {
            asked = new AcceptList(accept);
        } catch (RuntimeException e) {
            ServletOps.error(406, "the Accept header cannot be read: " + accept.strip());
            return;
        }
        if (AcceptList.match(asked, offer) == null) {
            ServletOps.error(406, "no format in Accept: " + accept.strip() + " can be produced for this query; accepted: "
                    + String.join(", ", offer.entries().stream().map(m -> m.getContentTypeStr()).distinct().toList()));
        }
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec exec, Query query, String queryStringLog) {
        long start = System.nanoTime();
        try {
            QueryExecResult result = super.executeQuery(action, exec, query, queryStringLog);
            if (result == null) return null;
            if (result.isRowSet()) {
                RowSet rows = new TimeCheckedRows(result.rowSet(), start);
                rows.hasNext(); // an empty result that ended by the timeout is a 503 before anything is written
                result = new QueryExecResult(rows);
            } else {
                checkTime(start);
            }
            return maxRows > 0 ? cap(action, result) : result;
        } catch (RuntimeException e) {
            throw RemoteFailures.translate(e);
        }
    }

    private void checkTime(long start) {
        if ((System.nanoTime() - start) / 1_000_000 >= timeoutMillis) throw new QueryCancelledException();
    }

    private QueryExecResult cap(HttpAction action, QueryExecResult result) {
        boolean truncated = false;
        if (result.isRowSet()) {
            RowSet rows = result.rowSet();
            List<Binding> kept = new ArrayList<>();
            while (rows.hasNext() && kept.size() <= maxRows) kept.add(rows.next());
            truncated = kept.size() > maxRows;
            if (truncated) kept.remove(kept.size() - 1);
            result = new QueryExecResult(RowSetStream.create(rows.getResultVars(), kept.iterator()));
        } else if (result.isDataset() && result.dataset().stream().count() > maxRows) {
            truncated = true;
            DatasetGraph cut = DatasetGraphFactory.create();
            Iterator<Quad> quads = result.dataset().find();
            for (long n = 0; n < maxRows && quads.hasNext(); n++) cut.add(quads.next());
            cut.prefixes().putAll(result.dataset().prefixes());
            result = new QueryExecResult(cut);
        } else if (result.isGraph() && result.graph().size() > maxRows) {
            truncated = true;
            Graph cut = GraphFactory.createDefaultGraph();
            var triples = result.graph().find();
            for (long n = 0; n < maxRows && triples.hasNext(); n++) cut.add(triples.next());
            cut.getPrefixMapping().setNsPrefixes(result.graph().getPrefixMapping());
            result = new QueryExecResult(cut);
        }
        action.setResponseHeader(MAX_ROWS, Long.toString(maxRows));
        action.setResponseHeader(TRUNCATED, Boolean.toString(truncated));
        if (truncated) action.log.info(String.format("[%d] result cut at %d rows (--max-rows)", action.id, maxRows));
        return result;
    }

    /** Rows that, when they end after the timeout has elapsed, end with {@link QueryCancelledException}. */
    private final class TimeCheckedRows implements RowSet {
        private final RowSet rows;
        private final long start;

        TimeCheckedRows(RowSet rows, long start) {
            this.rows = rows;
            this.start = start;
        }

        @Override
        public boolean hasNext() {
            try {
                boolean more = rows.hasNext();
                if (!more) checkTime(start);
                return more;
            } catch (RuntimeException e) {
                throw RemoteFailures.translate(e);
            }
        }

        @Override
        public Binding next() {
            if (!hasNext()) throw new NoSuchElementException();
            try {
                return rows.next();
            } catch (RuntimeException e) {
                throw RemoteFailures.translate(e);
            }
        }

        @Override
        public List<org.apache.jena.sparql.core.Var> getResultVars() {
            return rows.getResultVars();
        }

        @Override
        public long getRowNumber() {
            return rows.getRowNumber();
        }

        @Override
        public void close() {
            rows.close();
        }
    }
}

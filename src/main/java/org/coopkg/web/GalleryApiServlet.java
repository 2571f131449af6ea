package org.coopkg.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.coopkg.core.CoopIris;
import org.coopkg.core.Format;
import org.coopkg.query.GalleryQuery;
import org.coopkg.query.InvalidParameterException;
import org.coopkg.query.QueryParameter;

/**
 * The gallery as a web API, for a spreadsheet or a script that does not write SPARQL. {@code GET /api/queries}
 * lists the queries (name, title, question, view, parameters, columns); {@code GET /api/queries/{name}} runs one,
 * each {@code ?parameter=value} (repeatable) replacing the rows of that parameter's {@code VALUES} block, and
 * answers SPARQL JSON, CSV or TSV as {@code Accept} or {@code ?format=json|csv|tsv} asks. A value that does not fit
 * its parameter, or a parameter the query does not have, is a 400 that names it; the server's query timeout and
 * row cap apply as to the SPARQL endpoint.
 */
final class GalleryApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** The query-string parameter that chooses the format; no gallery query may have a parameter of this name. */
    static final String FORMAT = "format";
    static final List<Format> FORMATS = List.of(Format.JSON, Format.CSV, Format.TSV);
    private static final AcceptList OFFER = new AcceptList(Format.JSON.mediaType() + ", application/json, "
            + Format.CSV.mediaType() + ", " + Format.TSV.mediaType());

    private final transient DatasetGraph dataset;
    private final transient List<GalleryQuery> gallery;
    private final long timeoutMillis;
    private final long maxRows;

    GalleryApiServlet(DatasetGraph dataset, List<GalleryQuery> gallery, long timeoutMillis, long maxRows) {
        this.dataset = dataset;
        this.gallery = List.copyOf(gallery);
        this.timeoutMillis = timeoutMillis;
        this.maxRows = maxRows;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(CoopIris.QUERIES_PATH) || path.equals(CoopIris.QUERIES_PATH + "/")) {
            Json.send(request, response, listing(gallery).toString());
            return;
        }
        String name = path.substring(CoopIris.QUERIES_PATH.length() + 1);
        Optional<GalleryQuery> query = gallery.stream().filter(q -> q.name().equals(name)).findFirst();
        if (query.isEmpty()) {
            ErrorLine.send(request, response, 404, "no gallery query is named '" + ErrorLine.shown(name) + "'; GET "
                    + CoopIris.QUERIES_PATH + " lists them");
            return;
        }
        run(request, response, query.get());
    }

    /** The gallery as the list answer gives it, also the source of the OpenAPI description's examples. */
    static JsonObject listing(List<GalleryQuery> gallery) {
        JsonArray queries = new JsonArray();
        for (GalleryQuery q : gallery) {
            JsonObject o = new JsonObject();
            o.put("name", q.name());
            o.put("title", q.title());
            o.put("question", q.question());
            o.put("view", q.view());
            o.put("path", CoopIris.galleryQueryPath(q.name()).substring(1));
            JsonArray parameters = new JsonArray();
            for (QueryParameter p : q.parameters()) {
                JsonObject po = new JsonObject();
                po.put("name", p.name());
                po.put("type", p.type());
                po.put("description", p.description());
                JsonArray defaults = new JsonArray();
                p.defaults().forEach(defaults::add);
                po.put("default", defaults);
                parameters.add(po);
            }
            o.put("parameters", parameters);
            JsonArray columns = new JsonArray();
            for (GalleryQuery.Column c : q.columns()) {
                JsonObject co = new JsonObject();
                co.put("name", c.name());
                co.put("description", c.description());
                columns.add(co);
            }
            o.put("columns", columns);
            queries.add(o);
        }
        JsonObject listing = new JsonObject();
        listing.put("queries", queries);
        return listing;
    }

    private void run(HttpServletRequest request, HttpServletResponse response, GalleryQuery gallery) throws IOException {
        Optional<Format> format = format(request, response);
        if (format.isEmpty()) return;
        Map<String, List<String>> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (!k.equals(FORMAT)) values.put(k, List.of(v));
        });
        Query query;
        try {
            query = gallery.bind(values);
        } catch (InvalidParameterException e) {
            ErrorLine.send(request, response, 400, e.getMessage());
            return;
        }
        List<Binding> rows = new ArrayList<>();
        List<String> vars;
        boolean truncated = false;
        long start = System.nanoTime();
        try (QueryExecution execution = QueryExecution.dataset(DatasetFactory.wrap(dataset)).query(query)
                .timeout(timeoutMillis).build()) {
            RowSet rowSet = RowSet.adapt(execution.execSelect());
            vars = rowSet.getResultVars().stream().map(v -> v.getVarName()).toList();
            while (rowSet.hasNext()) {
                if (maxRows > 0 && rows.size() >= maxRows) {
                    truncated = true;
                    break;
                }
                rows.add(rowSet.next());
            }
        } catch (QueryCancelledException e) {
            timedOut(request, response);
            return;
        }
        // A timed-out execution may end its rows early as if complete: never send that as the answer.
        if (!truncated && (System.nanoTime() - start) / 1_000_000 >= timeoutMillis) {
            timedOut(request, response);
            return;
        }
        ResultSet results = ResultSet.adapt(
                RowSetStream.create(vars.stream().map(Var::alloc).toList(), rows.iterator()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultSetMgr.write(out, results, format.get().lang().orElseThrow());
        if (maxRows > 0) {
            response.setHeader(GuardedQuery.MAX_ROWS, Long.toString(maxRows));
            response.setHeader(GuardedQuery.TRUNCATED, Boolean.toString(truncated));
        }
        response.setHeader("Vary", "Accept");
        Json.send(request, response, out.toString(StandardCharsets.UTF_8), format.get().mediaType());
    }

    private void timedOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ErrorLine.send(request, response, 503, "the query did not finish within the server's query timeout of "
                + timeoutMillis + " ms; try again later, or ask the server's operator for a longer --query-timeout");
    }

    /** The format {@code ?format=} names, else the best that {@code Accept} allows; empty once an error is sent. */
    private static Optional<Format> format(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String named = request.getParameter(FORMAT);
        if (named != null) {
            Optional<Format> f = FORMATS.stream().filter(x -> x.formatName().equals(named.strip().toLowerCase(Locale.ROOT))).findFirst();
            if (f.isEmpty()) {
                ErrorLine.send(request, response, 400, "parameter 'format' is '" + ErrorLine.shown(named)
                        + "'; use json, csv or tsv");
            }
            return f;
        }
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) return Optional.of(Format.JSON);
        MediaType chosen;
        try {
            chosen = AcceptList.match(new AcceptList(accept), OFFER);
        } catch (RuntimeException e) {
            chosen = null;
        }
        if (chosen == null) {
            ErrorLine.send(request, response, 406, "no format in Accept: " + ErrorLine.shown(accept)
                    + " can be given; accepted: application/sparql-results+json, application/json, text/csv, "
                    + "text/tab-separated-values (or ?format=json|csv|tsv)");
            return Optional.empty();
        }
        String type = chosen.getContentTypeStr();
        return Optional.of(type.equals(Format.CSV.mediaType()) ? Format.CSV
                : type.equals(Format.TSV.mediaType()) ? Format.TSV : Format.JSON);
    }
}

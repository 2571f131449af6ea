package org.coopkg.query;

import java.io.OutputStream;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.core.Format;

/** Runs one SPARQL query over a loaded dataset, without a server, and prints the answer. */
public final class QueryRunner {
    /** What SELECT and ASK answers print as, the first the default. */
    public static final List<Format> TABLE_FORMATS = List.of(Format.TABLE, Format.CSV, Format.TSV, Format.JSON, Format.XML);
    /** What CONSTRUCT and DESCRIBE answers print as, the first the default. */
    public static final List<Format> GRAPH_FORMATS = List.of(Format.TURTLE, Format.NTRIPLES, Format.JSONLD, Format.RDFXML);

    private final DatasetGraph dataset;

    public QueryRunner(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    /**
     * Parses SPARQL 1.1 query text. {@code origin} names where it came from (a file name, or
     * "the query text") for the message of a syntax error, which gives line and column.
     */
    public static Query parse(String text, String origin) throws InvalidQueryException {
        try {
            return QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            String message = firstLine(e.getMessage());
            // The parser's own message names the line and column of the offending token; add them when it does not.
            String where = message.contains("line ") || e.getLine() <= 0 ? ""
                    : " at line " + e.getLine() + ", column " + e.getColumn();
            String hint = looksLikeUpdate(text) ? " (coopkg query runs queries; updates are not accepted)" : "";
            throw new InvalidQueryException("syntax error in " + origin + where + ": " + message + hint);
        }
    }

    /** The formats the answer of {@code query} can be printed in, the default first. */
    public static List<Format> formatsFor(Query query) {
        return query.isConstructType() || query.isDescribeType() ? GRAPH_FORMATS : TABLE_FORMATS;
    }

    /** Runs the query and writes its answer to {@code out} in {@code format} (default: the first that fits). */
    public void run(Query query, Format format, OutputStream out) throws InvalidQueryException {
        boolean graphQuery = query.isConstructType() || query.isDescribeType();
        if (!formatsFor(query).contains(format)) {
            String kind = graphQuery ? "CONSTRUCT and DESCRIBE give RDF" : "SELECT and ASK give result tables";
            throw new InvalidQueryException("--format " + format + " does not fit this query: " + kind
                    + "; use one of " + Format.names(formatsFor(query)));
        }
        try (QueryExecution execution = QueryExecution.dataset(DatasetFactory.wrap(dataset)).query(query).build()) {
            if (query.isSelectType()) {
                ResultSet results = execution.execSelect();
                if (format == Format.TABLE) ResultSetFormatter.out(out, results, query.getPrefixMapping());
                else ResultSetMgr.write(out, results, format.lang().orElseThrow());
            } else if (query.isAskType()) {
                boolean answer = execution.execAsk();
                if (format == Format.TABLE) ResultSetFormatter.out(out, answer);
                else ResultSetMgr.write(out, answer, format.lang().orElseThrow());
            } else {
                Graph graph = (query.isConstructType() ? execution.execConstruct() : execution.execDescribe()).getGraph();
                graph.getPrefixMapping().setNsPrefixes(query.getPrefixMapping());
                RDFDataMgr.write(out, graph, prettyFormat(format));
            }
        }
    }

    /** The pretty printers, for people reading an answer at a terminal. */
    private static RDFFormat prettyFormat(Format format) {
        return switch (format) {
            case TURTLE -> RDFFormat.TURTLE_PRETTY;
            case JSONLD -> RDFFormat.JSONLD_PRETTY;
            case RDFXML -> RDFFormat.RDFXML_PRETTY;
            default -> RDFFormat.NTRIPLES_UTF8;
        };
    }

    private static boolean looksLikeUpdate(String text) {
        return text.matches("(?is).*\\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE)\\b.*")
                && !text.matches("(?is).*\\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\\b.*");
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

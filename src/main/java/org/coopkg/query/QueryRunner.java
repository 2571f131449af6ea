package org.coopkg.query;

import java.io.OutputStream;

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
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.core.DatasetGraph;

/** Runs one SPARQL query over a loaded dataset, without a server, and prints the answer. */
public final class QueryRunner {
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

    /** Runs the query and writes its answer to {@code out} in {@code format}. */
    public void run(Query query, ResultFormat format, OutputStream out) throws InvalidQueryException {
        boolean graphQuery = query.isConstructType() || query.isDescribeType();
        if (graphQuery != format.forGraphs()) {
            String kind = graphQuery ? "CONSTRUCT and DESCRIBE give RDF" : "SELECT and ASK give result tables";
            throw new InvalidQueryException("--format " + format + " does not fit this query: " + kind
                    + "; use one of " + ResultFormat.names(graphQuery));
        }
        try (QueryExecution execution = QueryExecution.dataset(DatasetFactory.wrap(dataset)).query(query).build()) {
            if (query.isSelectType()) {
                ResultSet results = execution.execSelect();
                if (format == ResultFormat.table) ResultSetFormatter.out(out, results, query.getPrefixMapping());
                else ResultSetMgr.write(out, results, format.resultLang);
            } else if (query.isAskType()) {
                boolean answer = execution.execAsk();
                if (format == ResultFormat.table) ResultSetFormatter.out(out, answer);
                else ResultSetMgr.write(out, answer, format.resultLang);
            } else {
                Graph graph = (query.isConstructType() ? execution.execConstruct() : execution.execDescribe()).getGraph();
                graph.getPrefixMapping().setNsPrefixes(query.getPrefixMapping());
                RDFDataMgr.write(out, graph, format.graphFormat);
            }
        }
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

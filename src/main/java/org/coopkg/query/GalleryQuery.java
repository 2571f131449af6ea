package org.coopkg.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;

/**
 * One query of the gallery in {@code queries/}: its file name ({@code 01-programmes-initiated-by-china.rq}),
 * the title and question from its comment header, the view it is meant to be seen in ({@code table},
 * {@code network}, {@code map} or {@code timeline}), its parameters and described columns, and the whole SPARQL
 * text (header included).
 */
public record GalleryQuery(String file, String title, String question, String view, List<QueryParameter> parameters,
                           List<Column> columns, String sparql) {
    /** The views a query may name in its {@code # View:} line; {@code table} is YASR's own. */
    public static final List<String> VIEWS = List.of("table", "network", "map", "timeline");

    /** A column of the answer with the header's words for it (empty where the header says nothing). */
    public record Column(String name, String description) {}

    public GalleryQuery {
        parameters = List.copyOf(parameters);
        columns = List.copyOf(columns);
    }

    /** The name the web API knows it by: the file name without {@code .rq}. */
    public String name() {
        return file.endsWith(".rq") ? file.substring(0, file.length() - 3) : file;
    }

    public Optional<QueryParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The query with the {@code VALUES} block of each given parameter replaced by the given values (one row per
     * value); parameters not given keep their block. A name the query has no parameter for, or a value that does
     * not fit the parameter's type, is an {@link InvalidParameterException} that names it.
     */
    public Query bind(Map<String, List<String>> values) throws InvalidParameterException {
        Map<String, List<Node>> terms = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> given : values.entrySet()) {
            QueryParameter parameter = parameter(given.getKey()).orElseThrow(() -> new InvalidParameterException(
                    given.getKey(), "'" + given.getKey() + "' is not a parameter of " + name() + "; "
                    + (parameters.isEmpty() ? "it has none" : "it has " + String.join(", ",
                    parameters.stream().map(QueryParameter::name).toList()))));
            List<Node> nodes = new ArrayList<>();
            for (String v : given.getValue()) nodes.add(parameter.term(v));
            if (nodes.isEmpty()) throw new InvalidParameterException(parameter.name(), "parameter '" + parameter.name() + "' has no value");
            terms.put(parameter.name(), nodes);
        }
        return ValuesBinding.bind(parse(), terms);
    }

    /** The query as written. */
    public Query parse() {
        return QueryFactory.create(sparql, Syntax.syntaxSPARQL_11);
    }
}

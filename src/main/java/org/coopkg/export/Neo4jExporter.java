package org.coopkg.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.coopkg.export.PropertyGraph.AttributeKey;
import org.coopkg.export.PropertyGraph.Edge;
import org.coopkg.export.PropertyGraph.Entity;


/**
 * Writes the {@link PropertyGraph} as CSV files for {@code neo4j-admin database import full}, plus a
 * {@code README.md} with the exact command. The same nodes and edges as the GraphML export (see
 * {@link PropertyGraphBuilder} for what they are).
 *
 * <ul>
 * <li>{@code nodes-{kind}.csv}, one per kind: {@code id:ID} (the entity IRI, one id space for all files),
 * {@code :LABEL} (the kind as a label, e.g. {@code Organisation}, and the most specific coop classes,
 * e.g. {@code University}), {@code label}, {@code kind}, then one typed column per attribute that entities
 * of that kind have ({@code value:long}, {@code former:boolean}, {@code description:string}); several
 * values make an array column ({@code altLabel:string[]}).</li>
 * <li>{@code relationships.csv}: {@code :START_ID}, {@code :END_ID}, {@code :TYPE} (the property's local
 * name in UPPER_SNAKE_CASE, e.g. {@code POST_IN}), {@code property} (IRI), {@code label}, {@code inferred:boolean},
 * {@code support} ({@code stated} or {@code implied}).</li>
 * <li>CSV as neo4j-admin reads it by default: comma-separated, every string quoted with {@code "} and inner
 * quotes doubled; an absent value is an empty unquoted field (no property). Text may contain line breaks,
 * hence {@code --multiline-fields=true}; arrays and multiple labels are separated by
 * {@value #ARRAY_DELIMITER} ({@code --array-delimiter}), which curated multi-value cells cannot contain
 * — a value that does makes the export fail rather than split silently.</li>
 * <li>Deterministic: files, rows and columns in sorted order, UTF-8, LF line ends.</li>
 * </ul>
 */
public final class Neo4jExporter {
    public static final char ARRAY_DELIMITER = '|';
    public static final String RELATIONSHIPS = "relationships.csv";
    public static final String README = "README.md";

    /** Writes the files into {@code folder} (created if needed) and returns their names, in order. */
    public List<String> write(PropertyGraph graph, Path folder) throws IOException {
        Files.createDirectories(folder);
        Map<String, List<Entity>> byKind = new TreeMap<>();
        graph.nodes().forEach(n -> byKind.computeIfAbsent(n.kind(), k -> new ArrayList<>()).add(n));
        Map<String, AttributeKey> keys = new TreeMap<>();
        graph.nodeKeys().forEach(k -> keys.put(k.name(), k));

        List<String> files = new ArrayList<>();
        for (Map.Entry<String, List<Entity>> kind : byKind.entrySet()) {
            String file = "nodes-" + kind.getKey() + ".csv";
            Files.writeString(folder.resolve(file), nodeFile(kind.getValue(), keys), StandardCharsets.UTF_8);
            files.add(file);
        }
        Files.writeString(folder.resolve(RELATIONSHIPS), relationshipFile(graph.edges()), StandardCharsets.UTF_8);
        files.add(RELATIONSHIPS);
        Files.writeString(folder.resolve(README), readme(files), StandardCharsets.UTF_8);
        files.add(README);
        return files;
    }

    private static String nodeFile(List<Entity> nodes, Map<String, AttributeKey> keys) {
        Set<String> columns = new java.util.TreeSet<>();
        nodes.forEach(n -> columns.addAll(n.attributes().keySet()));
        StringBuilder csv = new StringBuilder("id:ID,:LABEL,label:string,kind:string");
        for (String column : columns) {
            AttributeKey key = keys.get(column);
            csv.append(',').append(column).append(':').append(key.type().neo4j()).append(key.multiValued() ? "[]" : "");
        }
        csv.append('\n');
        for (Entity n : nodes) {
            Set<String> labels = new LinkedHashSet<>();
            labels.add(labelName(n.kind()));
            labels.addAll(n.types());
            csv.append(quote(n.iri())).append(',').append(quote(join(List.copyOf(labels), n.iri())))
                    .append(',').append(quote(n.label())).append(',').append(quote(n.kind()));
            for (String column : columns) {
                csv.append(',');
                List<String> values = n.attributes().get(column);
                if (values == null) continue;
                AttributeKey key = keys.get(column);
                String cell = key.multiValued() ? join(values, n.iri()) : values.get(0);
                csv.append(key.type() == PropertyGraph.ValueType.STRING || key.multiValued() ? quote(cell) : cell);
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static String relationshipFile(List<Edge> edges) {
        StringBuilder csv = new StringBuilder(":START_ID,:END_ID,:TYPE,property:string,label:string,inferred:boolean,support:string\n");
        for (Edge e : edges) {
            csv.append(quote(e.source().iri())).append(',').append(quote(e.target().iri())).append(',')
                    .append(relationshipType(e.name())).append(',').append(quote(e.property())).append(',')
                    .append(quote(e.label())).append(',').append(e.inferred()).append(',').append(e.support()).append('\n');
        }
        return csv.toString();
    }

    /** {@code organisation} → {@code Organisation}. */
    static String labelName(String kind) {
        return kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1);
    }

    /** {@code postIn} → {@code POST_IN}, Neo4j's convention for relationship types. */
    static String relationshipType(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9_]", "_").toUpperCase(Locale.ROOT);
    }

    private static String join(List<String> values, String entity) {
        for (String v : values) {
            if (v.indexOf(ARRAY_DELIMITER) >= 0) {
                throw new IllegalStateException("cannot export " + entity + " to Neo4j: the value '" + v
                        + "' of a multi-valued property contains the array delimiter '" + ARRAY_DELIMITER + "'");
            }
        }
        return String.join(String.valueOf(ARRAY_DELIMITER), values);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** The README written beside the CSV files, with the import command for exactly those files. */
    static String readme(List<String> files) {
        StringBuilder command = new StringBuilder("neo4j-admin database import full neo4j \\\n");
        for (String file : files) {
            if (file.startsWith("nodes-")) command.append("  --nodes=").append(file).append(" \\\n");
        }
        command.append("  --relationships=").append(RELATIONSHIPS).append(" \\\n");
        command.append("  --array-delimiter='").append(ARRAY_DELIMITER).append("' \\\n");
        command.append("  --multiline-fields=true \\\n");
        command.append("  --overwrite-destination");
        return """
                # coop-kg for Neo4j

                CSV files in the format of `neo4j-admin database import` (Neo4j 5): one node file per kind of
                entity (`id:ID` is the entity IRI, `:LABEL` the kind and the most specific coop classes, typed
                property columns such as `value:long`), and `relationships.csv` (`:START_ID`, `:END_ID`,
                `:TYPE`, the property IRI, its label, whether it is an inferred shortcut, and `support`: `stated`
                where the source's words state it, `implied` where the curator reads it from them).

                Import them into an empty database named `neo4j`, with the Neo4j server stopped, from this folder:

                ```sh
                %s
                ```

                `--overwrite-destination` replaces an existing `neo4j` database; without it the import
                refuses to touch one. Posts and agreement parties are nodes (`Post`, `Party`); the relationships
                `AFFILIATED_WITH` and `AGREEMENT_PARTY` (`inferred = true`) link people to organisations and
                agreements to parties directly. The provenance of each statement (source, evidence quote, the
                curator's note of an implied one) is in the RDF dumps, not here.

                An example query once the server is started again:

                ```cypher
                MATCH (p:Person)-[:AFFILIATED_WITH]->(o:Organisation) RETURN p.label, o.label ORDER BY p.label;
                ```
                """.formatted(command);
    }
}

package org.coopkg.derive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.mem2.GraphMem2Roaring;
import org.apache.jena.sparql.core.Quad;
import org.coopkg.core.CoopIris;
import org.coopkg.core.DataError;
import org.coopkg.core.DataException;
import org.coopkg.core.Ontology;
import org.coopkg.core.vocab.Coop;
import org.coopkg.load.CsvReader;
import org.coopkg.load.CsvRow;
import org.coopkg.load.CsvTable;
import org.coopkg.load.CuratedDataMapper;
import org.coopkg.load.CuratedFiles;
import org.coopkg.load.CuratedSchema;

/**
 * Reads curated CSV, maps it to RDF with provenance ({@link CuratedDataMapper}), then derives the inferences, the
 * union and its SHACL violations ({@link Derivation}). All or nothing: any problem anywhere throws a
 * {@link DataException} listing every problem, each at the CSV row to fix, and no graph is returned.
 */
public final class CoopLoader {
    private final CuratedFiles files;
    private final CoopIris iris;

    public CoopLoader(CuratedFiles files, String base) {
        this.files = files;
        this.iris = new CoopIris(base);
    }

    public LoadedGraph load() throws DataException {
        Phases phases = new Phases();
        Map<String, CsvTable> tables = parseAll(files.readAll());
        phases.end("read CSV");
        if (!tables.containsKey(CuratedSchema.SOURCES)) {
            throw new DataException(DataError.ofFile(CuratedSchema.SOURCES, "data.missing-file",
                    "there is no sources.csv in " + files.location() + "; every fact cites a row of it, so add it (columns id, type, title)"));
        }
        Graph ontology = Ontology.graph();
        Graph curated = new GraphMem2Roaring();
        CuratedDataMapper mapper;
        Set<Quad> quads;
        try (StatementIndexer indexer = new StatementIndexer(curated)) {
            mapper = new CuratedDataMapper(iris, ontology, indexer);
            quads = mapper.map(tables);
            phases.end("map to RDF");
            indexer.finish();
            phases.end("index the statements");
        }
        Derivation.Derived derived = new Derivation(ontology, Ontology.shapes()).derive(curated);
        phases.add("materialise", derived.materialiseMillis());
        phases.add("validate (SHACL)", derived.validateMillis());
        if (!derived.violations().isEmpty()) {
            Map<String, CsvRow> rows = mapper.rowsByEntity();
            throw new DataException(derived.violations().stream().map(v -> locate(v, rows, derived.union())).toList());
        }
        Node ontologyGraph = NodeFactory.createURI(iris.ontologyGraph());
        Node inferredGraph = NodeFactory.createURI(iris.inferredGraph());
        ontology.find().forEachRemaining(t -> quads.add(Quad.create(ontologyGraph, t)));
        derived.inferred().forEach(t -> quads.add(Quad.create(inferredGraph, t)));
        Map<String, String> prefixes = new LinkedHashMap<>(ontology.getPrefixMapping().getNsPrefixMap());
        prefixes.put(CoopIris.ENTITY_PREFIX, iris.entitySpace());
        int rowCount = tables.values().stream().mapToInt(t -> t.rows().size()).sum();
        return new LoadedGraph(quads, derived.union(), prefixes, iris, rowCount, derived.inferred().size(), phases.millis);
    }

    /**
     * Where the curator fixes a violation: the row that made the entity at fault (a fragment node such as
     * {@code #time} belongs to its entity), else the row an assertion node records, else the graph as a whole.
     */
    private static DataError locate(Violation violation, Map<String, CsvRow> rows, Graph union) {
        Node focus = violation.focus();
        if (focus.isURI()) {
            String iri = focus.getURI();
            int hash = iri.indexOf('#');
            CsvRow row = rows.get(hash > 0 ? iri.substring(0, hash) : iri);
            if (row != null) return new DataError(row.file(), row.line(), 0, violation.rule(), violation.describe());
        }
        Node file = object(union, focus, Coop.sourceFile.asNode());
        Node line = object(union, focus, Coop.sourceLine.asNode());
        if (file != null && line != null) {
            return new DataError(file.getLiteralLexicalForm(), Integer.parseInt(line.getLiteralLexicalForm()), 0,
                    violation.rule(), violation.describe());
        }
        return DataError.ofFile("(graph)", violation.rule(), violation.describe());
    }

    private static Node object(Graph graph, Node subject, Node property) {
        if (subject.isLiteral()) return null;
        var it = graph.find(subject, property, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    /** Wall time of each step of a load, in order: what a curator of large data sees it spend its time on. */
    private static final class Phases {
        final Map<String, Long> millis = new LinkedHashMap<>();
        private long last = System.nanoTime();

        void end(String phase) {
            long now = System.nanoTime();
            millis.put(phase, (now - last) / 1_000_000);
            last = now;
        }

        /** A step timed elsewhere; the next {@link #end} times from now. */
        void add(String phase, long ms) {
            millis.put(phase, ms);
            last = System.nanoTime();
        }
    }

    private static Map<String, CsvTable> parseAll(Map<String, byte[]> contents) throws DataException {
        Map<String, CsvTable> tables = new LinkedHashMap<>();
        List<DataError> errors = new ArrayList<>();
        contents.forEach((name, bytes) -> {
            try {
                tables.put(name, CsvReader.read(name, bytes));
            } catch (DataException e) {
                errors.addAll(e.errors());
            }
        });
        if (!errors.isEmpty()) throw new DataException(errors);
        return tables;
    }
}

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
import org.coopkg.load.CsvReader;
import org.coopkg.load.CsvTable;
import org.coopkg.load.CuratedDataMapper;
import org.coopkg.load.CuratedFiles;
import org.coopkg.load.CuratedSchema;

/**
 * Reads curated CSV, maps it to RDF with provenance, materialises the ontology's inferences and validates
 * the result with SHACL. All or nothing: any problem anywhere throws a {@link DataException} listing every
 * problem, and no graph is returned.
 */
public final class CoopLoader {
    public static final String DEFAULT_BASE = "http://localhost:3030/";

    private final CuratedFiles files;
    private final CoopIris names;

    public CoopLoader(CuratedFiles files, String base) {
        this.files = files;
        this.names = new CoopIris(base);
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
        CuratedDataMapper mapper = new CuratedDataMapper(names, ontology);
        Set<Quad> quads = mapper.map(tables);
        phases.end("map to RDF");

        // Roaring: indexed for the lookups that materialising, validating and then queries make.
        Graph union = new GraphMem2Roaring();
        quads.forEach(q -> union.add(q.asTriple()));
        Graph inferred = new Materialiser(ontology).inferred(union);
        Node ontologyGraph = NodeFactory.createURI(names.ontologyGraph());
        Node inferredGraph = NodeFactory.createURI(names.inferredGraph());
        ontology.find().forEachRemaining(t -> quads.add(Quad.create(ontologyGraph, t)));
        inferred.find().forEachRemaining(t -> quads.add(Quad.create(inferredGraph, t)));
        ontology.find().forEachRemaining(union::add);
        inferred.find().forEachRemaining(union::add);
        phases.end("materialise");

        // Validate a plain in-memory graph of the union: several times faster to search than a transactional one.
        new ShaclCheck(Ontology.shapes(), mapper.rowsByEntity()).check(union);
        phases.end("validate (SHACL)");
        Map<String, String> prefixes = new LinkedHashMap<>(ontology.getPrefixMapping().getNsPrefixMap());
        prefixes.put("id", names.base() + "id/");
        int rows = tables.values().stream().mapToInt(t -> t.rows().size()).sum();
        return new LoadedGraph(quads, union, prefixes, names, rows, inferred.size(), phases.millis);
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

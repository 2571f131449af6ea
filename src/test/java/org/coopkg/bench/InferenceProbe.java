package org.coopkg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.reasoner.ReasonerRegistry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.coopkg.core.CoopIris;
import org.coopkg.core.Ontology;
import org.coopkg.derive.CoopLoader;
import org.coopkg.derive.LoadedGraph;
import org.coopkg.derive.Materialiser;
import org.coopkg.load.CuratedFiles;

/**
 * One inference measurement, run in its own JVM so that the benchmark can stop it: a query over the
 * materialised dataset, and the same query over Jena's OWL Micro InfModel of the asserted data and the
 * ontology. Prints {@code key=value} lines.
 *
 * <p>Arguments: data folder, query file, number of timed runs.
 */
public final class InferenceProbe {
    private static final String WARM_UP = "SELECT ?s ?label WHERE { ?s a ?type ; <http://www.w3.org/2000/01/rdf-schema#label> "
            + "?label FILTER NOT EXISTS { ?s <http://www.w3.org/2002/07/owl#sameAs> ?x } } ORDER BY ?label LIMIT 1000";

    private InferenceProbe() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String query = Files.readString(Path.of(args[1]));
        int runs = Integer.parseInt(args[2]);
        LoadedGraph loaded = new CoopLoader(CuratedFiles.directory(data), CoopIris.DEFAULT_BASE).load();
        var dataset = loaded.readOnlyDataset();
        // Load and compile the query engine on another query first, so that the first-answer figures compare
        // the data (materialised or reasoned over), not which of the two happened to run ARQ first.
        Txn.executeRead(dataset, () -> count(DatasetFactory.wrap(dataset), WARM_UP));
        long first = System.nanoTime();
        long materialisedRows = Txn.calculateRead(dataset, () -> count(DatasetFactory.wrap(dataset), query));
        print("materialised_first_query_ms", (System.nanoTime() - first) / 1e6);
        List<Double> materialised = time(runs, () -> Txn.calculateRead(dataset, () -> count(DatasetFactory.wrap(dataset), query)));
        print("materialised_rows", materialisedRows);
        print("materialised_ms", materialised);

        Node inferredGraph = NodeFactory.createURI(loaded.names().inferredGraph());
        Graph asserted = GraphFactory.createDefaultGraph();
        loaded.quads().forEachRemaining(q -> {
            if (!q.isDefaultGraph() && !q.getGraph().equals(inferredGraph)) asserted.add(q.asTriple());
        });
        print("asserted_triples", asserted.size());
        Graph ontology = Ontology.graph();
        // The materialiser adds to the graph it reads; the OWL Micro model below needs the asserted triples alone.
        Graph materialisedGraph = GraphFactory.createDefaultGraph();
        asserted.find().forEachRemaining(materialisedGraph::add);
        long materialiseStart = System.nanoTime();
        long inferred = new Materialiser(ontology).addEntailments(materialisedGraph).size();
        print("materialise_ms", (System.nanoTime() - materialiseStart) / 1e6);
        print("materialised_inferred_triples", inferred);
        long start = System.nanoTime();
        InfModel inf = ModelFactory.createInfModel(ReasonerRegistry.getOWLMicroReasoner(),
                ModelFactory.createModelForGraph(asserted));
        inf.prepare();
        print("inference_prepare_ms", (System.nanoTime() - start) / 1e6);
        long infRows = count(DatasetFactory.wrap(inf), query);
        print("inference_first_query_ms", (System.nanoTime() - start) / 1e6);
        print("inference_rows", infRows);
        print("inference_ms", time(runs, () -> count(DatasetFactory.wrap(inf), query)));
    }

    private static long count(org.apache.jena.query.Dataset dataset, String query) {
        try (QueryExecution exec = QueryExecution.dataset(dataset).query(query).build()) {
            long rows = 0;
            for (var results = exec.execSelect(); results.hasNext(); results.next()) rows++;
            return rows;
        }
    }

    /** One warm-up, then {@code runs} timed runs, in milliseconds. */
    private static List<Double> time(int runs, LongSupplier work) {
        work.getAsLong();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.getAsLong();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }

    private static void print(String key, Object value) {
        System.out.println(key + "=" + (value instanceof List<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList()) : value));
        System.out.flush();
    }
}

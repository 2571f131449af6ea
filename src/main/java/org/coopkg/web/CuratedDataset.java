package org.coopkg.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.mem2.GraphMem2Roaring;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.Derivation;
import org.coopkg.derive.Violation;

/**
 * The served dataset in update mode: every write transaction is checked when it commits. Before the commit,
 * inside the same write transaction, the derived graphs are recomputed from the curated named graphs:
 * <ul>
 * <li>{@code {base}graph/ontology} is reset to the ontology the server was started with;</li>
 * <li>{@code {base}graph/inferred} is replaced by the inferences of the ontology over every other named graph
 * (as the loader computes them);</li>
 * <li>the default graph is replaced by the union of all named graphs (it is a stored copy, not a view).</li>
 * </ul>
 * These are the loader's steps ({@link Derivation}), the union then validated with the SHACL shapes. If a shape is
 * violated the transaction is aborted, so nothing changes, and {@link ShapesViolated} (422, one line per violation)
 * is thrown; otherwise it commits. Only graph differences are written, so an update changes the derived graphs by
 * exactly what it implies.
 */
final class CuratedDataset extends DatasetGraphWrapper {
    /** At most this many violations are listed in a report. */
    private static final int MAX_REPORTED = 50;

    private final Graph ontology;
    private final Derivation derivation;
    private final Node ontologyGraph;
    private final Node inferredGraph;

    CuratedDataset(DatasetGraph stored, CoopIris iris, Graph ontology, Shapes shapes) {
        super(stored);
        this.ontology = Objects.requireNonNull(ontology, "ontology");
        this.derivation = new Derivation(ontology, Objects.requireNonNull(shapes, "shapes"));
        this.ontologyGraph = NodeFactory.createURI(iris.ontologyGraph());
        this.inferredGraph = NodeFactory.createURI(iris.inferredGraph());
    }

    Node ontologyGraph() {
        return ontologyGraph;
    }

    Node inferredGraph() {
        return inferredGraph;
    }

    @Override
    public void commit() {
        if (isInTransaction() && transactionMode() == ReadWrite.WRITE) {
            List<Violation> violations;
            try {
                violations = refreshAndValidate();
            } catch (RuntimeException e) {
                abortQuietly();
                throw e;
            }
            if (!violations.isEmpty()) {
                abortQuietly();
                throw new ShapesViolated(violations);
            }
        }
        super.commit();
    }

    @Override
    public void abort() {
        // Fuseki aborts again after a failed commit: the transaction is already over then.
        if (isInTransaction()) super.abort();
    }

    private void abortQuietly() {
        try {
            super.abort();
        } catch (RuntimeException ignored) {
            // already ended
        }
    }

    /** Recomputes the ontology, inferred and default graphs in the current write transaction; the violations. */
    private List<Violation> refreshAndValidate() {
        DatasetGraph stored = getWrapped();
        Graph curated = new GraphMem2Roaring();
        List<Node> graphs = new ArrayList<>();
        stored.listGraphNodes().forEachRemaining(graphs::add);
        for (Node g : graphs) {
            if (g.equals(ontologyGraph) || g.equals(inferredGraph)) continue;
            stored.getGraph(g).find().forEachRemaining(curated::add);
        }
        Derivation.Derived derived = derivation.derive(curated);
        replace(stored.getGraph(ontologyGraph), ontology);
        replace(stored.getGraph(inferredGraph), derived.inferred());
        replace(stored.getDefaultGraph(), derived.union());
        return derived.violations();
    }

    /** Makes {@code current} hold exactly the triples of {@code wanted}, touching only the differences. */
    private static void replace(Graph current, Graph wanted) {
        List<Triple> remove = current.find().filterDrop(wanted::contains).toList();
        List<Triple> add = wanted.find().filterDrop(current::contains).toList();
        remove.forEach(current::delete);
        add.forEach(current::add);
    }

    /** The update would break the shapes; the transaction was aborted. Answered 422 with the report. */
    static final class ShapesViolated extends ActionErrorException {
        static final int STATUS = 422;

        ShapesViolated(List<Violation> violations) {
            super(STATUS, report(violations), null);
        }

        private static String report(List<Violation> violations) {
            StringBuilder text = new StringBuilder("the update breaks ").append(violations.size())
                    .append(violations.size() == 1 ? " shape constraint" : " shape constraints")
                    .append("; nothing was changed:");
            violations.stream().limit(MAX_REPORTED).forEach(v -> text.append('\n').append(v.describe()));
            if (violations.size() > MAX_REPORTED) {
                text.append('\n').append("... and ").append(violations.size() - MAX_REPORTED).append(" more");
            }
            return text.toString();
        }
    }
}

package org.coopkg.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.FmtUtils;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.Materialiser;

/**
 * The served dataset in update mode: every write transaction is checked when it commits. Before the commit,
 * inside the same write transaction, the derived graphs are recomputed from the curated named graphs:
 * <ul>
 * <li>{@code {base}graph/ontology} is reset to the ontology the server was started with;</li>
 * <li>{@code {base}graph/inferred} is replaced by the inferences of the ontology over every other named graph
 * (as the loader computes them);</li>
 * <li>the default graph is replaced by the union of all named graphs (it is a stored copy, not a view).</li>
 * </ul>
 * Then the union is validated with the SHACL shapes. If a shape is violated the transaction is aborted, so
 * nothing changes, and {@link ShapesViolated} (422, one line per violation) is thrown; otherwise it commits.
 * Only graph differences are written, so an update changes the derived graphs by exactly what it implies.
 */
final class CuratedDataset extends DatasetGraphWrapper {
    /** At most this many violations are listed in a report. */
    private static final int MAX_REPORTED = 50;

    private final Graph ontology;
    private final Materialiser materialiser;
    private final Shapes shapes;
    private final Node ontologyGraph;
    private final Node inferredGraph;

    CuratedDataset(DatasetGraph stored, CoopIris names, Graph ontology, Shapes shapes) {
        super(stored);
        this.ontology = Objects.requireNonNull(ontology, "ontology");
        this.materialiser = new Materialiser(ontology);
        this.shapes = Objects.requireNonNull(shapes, "shapes");
        this.ontologyGraph = NodeFactory.createURI(names.ontologyGraph());
        this.inferredGraph = NodeFactory.createURI(names.inferredGraph());
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
            List<String> violations;
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
    private List<String> refreshAndValidate() {
        DatasetGraph stored = getWrapped();
        Graph data = GraphFactory.createDefaultGraph();
        List<Node> graphs = new ArrayList<>();
        stored.listGraphNodes().forEachRemaining(graphs::add);
        for (Node g : graphs) {
            if (g.equals(ontologyGraph) || g.equals(inferredGraph)) continue;
            stored.getGraph(g).find().forEachRemaining(data::add);
        }
        replace(stored.getGraph(ontologyGraph), ontology);
        replace(stored.getGraph(inferredGraph), materialiser.inferred(data));
        Graph union = GraphFactory.createDefaultGraph();
        stored.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> union.add(q.asTriple()));
        replace(stored.getDefaultGraph(), union);
        return violations(union);
    }

    /** Makes {@code current} hold exactly the triples of {@code wanted}, touching only the differences. */
    private static void replace(Graph current, Graph wanted) {
        List<Triple> remove = current.find().filterDrop(wanted::contains).toList();
        List<Triple> add = wanted.find().filterDrop(current::contains).toList();
        remove.forEach(current::delete);
        add.forEach(current::add);
    }

    private List<String> violations(Graph union) {
        ValidationReport report = ShaclValidator.get().validate(shapes, union);
        return report.getEntries().stream()
                .filter(e -> e.severity() == Severity.Violation)
                .map(CuratedDataset::line)
                .distinct()
                .sorted()
                .toList();
    }

    /** {@code focus path: message (value v)}, on one line. */
    static String line(ReportEntry entry) {
        StringBuilder line = new StringBuilder(FmtUtils.stringForNode(entry.focusNode()));
        if (entry.resultPath() != null) line.append(' ').append(entry.resultPath());
        line.append(": ").append(entry.message() == null ? "violates a shape" : entry.message().strip());
        if (entry.value() != null) line.append(" (value ").append(FmtUtils.stringForNode(entry.value())).append(')');
        return line.toString().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /** The update would break the shapes; the transaction was aborted. Answered 422 with the report. */
    static final class ShapesViolated extends ActionErrorException {
        static final int STATUS = 422;

        ShapesViolated(List<String> violations) {
            super(STATUS, report(violations), null);
        }

        private static String report(List<String> violations) {
            StringBuilder text = new StringBuilder("the update breaks ").append(violations.size())
                    .append(violations.size() == 1 ? " shape constraint" : " shape constraints")
                    .append("; nothing was changed:");
            violations.stream().limit(MAX_REPORTED).forEach(v -> text.append('\n').append(v));
            if (violations.size() > MAX_REPORTED) {
                text.append('\n').append("... and ").append(violations.size() - MAX_REPORTED).append(" more");
            }
            return text.toString();
        }
    }
}

package org.coopkg.web;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
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
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.Derivation;
import org.coopkg.derive.Violation;
import org.coopkg.store.JournalRecord;
import org.coopkg.store.QuadChange;
import org.coopkg.store.UpdateJournal;

/**
 * The served dataset in update mode: writes have the meaning {@link CuratedWrites} gives the default graph, and every
 * write transaction is checked when it commits. Before the commit, inside the same write transaction, the derived
 * graphs are recomputed from the curated named graphs:
 * <ul>
 * <li>{@code {base}graph/ontology} is reset to the ontology the server was started with;</li>
 * <li>{@code {base}graph/inferred} is replaced by the inferences of the ontology over every other named graph
 * (as the loader computes them);</li>
 * <li>the default graph is replaced by the union of all named graphs (it is a stored copy, not a view).</li>
 * </ul>
 * These are the loader's steps ({@link Derivation}), the union then validated with the SHACL shapes. If a shape is
 * violated the transaction is aborted, so nothing changes, and {@link ShapesViolated} (422, one line per violation)
 * is thrown. Otherwise the changes to the curated graphs are appended to the journal, if there is one, and forced
 * to the disk, and only then is the transaction committed: an update that was answered is in the journal. Only
 * graph differences are written, so an update changes the derived graphs by exactly what it implies.
 */
final class CuratedDataset extends DatasetGraphWrapper {
    /** At most this many violations are listed in a report. */
    private static final int MAX_REPORTED = 50;
    /** Who makes the write of the current thread: the user and the request id, for the journal. */
    private static final ThreadLocal<Author> AUTHOR = new ThreadLocal<>();

    private final CuratedWrites writes;
    private final Graph ontology;
    private final Derivation derivation;
    private final Node ontologyGraph;
    private final Node inferredGraph;
    private final UpdateJournal journal;

    /** {@code journal}: where accepted updates are kept, or null. */
    CuratedDataset(DatasetGraph stored, CoopIris iris, Graph ontology, Shapes shapes, UpdateJournal journal) {
        this(new Graphs(iris), stored, ontology, shapes, journal);
    }

    private CuratedDataset(Graphs graphs, DatasetGraph stored, Graph ontology, Shapes shapes, UpdateJournal journal) {
        super(new CuratedWrites(stored, graphs.edits, Set.of(graphs.ontology, graphs.inferred)));
        this.writes = (CuratedWrites) getWrapped();
        this.ontology = Objects.requireNonNull(ontology, "ontology");
        this.derivation = new Derivation(ontology, Objects.requireNonNull(shapes, "shapes"));
        this.ontologyGraph = graphs.ontology;
        this.inferredGraph = graphs.inferred;
        this.journal = journal;
    }

    private record Graphs(Node ontology, Node inferred, Node edits) {
        Graphs(CoopIris iris) {
            this(NodeFactory.createURI(iris.ontologyGraph()), NodeFactory.createURI(iris.inferredGraph()),
                    NodeFactory.createURI(iris.editsGraph()));
        }
    }

    Node ontologyGraph() {
        return ontologyGraph;
    }

    Node inferredGraph() {
        return inferredGraph;
    }

    /** The user and request of a write, as the journal records them. */
    record Author(String user, String requestId) {}

    /** Runs a write made by the user of {@code request}: the journal records who made it. */
    static void writeAs(HttpServletRequest request, Runnable write) {
        Object id = request.getAttribute(RequestGuard.REQUEST_ID);
        AUTHOR.set(new Author(request.getRemoteUser(), id == null ? null : id.toString()));
        try {
            write.run();
        } finally {
            AUTHOR.remove();
        }
    }

    @Override
    public void commit() {
        if (isInTransaction() && transactionMode() == ReadWrite.WRITE) {
            List<QuadChange> changes = writes.changes();
            if (!changes.isEmpty() || writes.touchedComputed()) {
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
                if (journal != null && !changes.isEmpty()) record(changes);
            }
        }
        super.commit();
    }

    private void record(List<QuadChange> changes) {
        Author author = AUTHOR.get();
        try {
            journal.append(author == null ? null : author.user(), author == null ? null : author.requestId(), Instant.now(),
                    changes);
        } catch (IOException e) {
            abortQuietly();
            throw new ActionErrorException(503, "the update could not be written to the journal (" + e.getMessage()
                    + "); nothing was changed: try again, or tell the server's administrator", e);
        }
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

    /**
     * Applies the records of a journal to the curated graphs, then derives and validates once, in one write
     * transaction: the server starts with the data as it was when it stopped.
     *
     * @throws IllegalStateException naming the journal when the result breaks the shapes (the curated data has
     *         changed under it), and nothing is changed
     */
    void replay(List<JournalRecord> records, String journalName) {
        if (records.isEmpty()) return;
        DatasetGraph stored = writes.getWrapped();
        stored.begin(ReadWrite.WRITE);
        try {
            for (JournalRecord record : records) {
                for (QuadChange change : record.changes()) {
                    Quad q = change.quad();
                    Quad quad = q.isDefaultGraph() ? Quad.create(writes.editsGraph(), q.asTriple()) : q;
                    if (!writes.curated(quad.getGraph())) continue;
                    if (change.added()) stored.add(quad); else stored.delete(quad);
                }
            }
            List<Violation> violations = refreshAndValidate();
            if (!violations.isEmpty()) {
                String example = violations.get(0).describe();
                throw new IllegalStateException("the journal " + journalName + " no longer fits the curated data: replayed on "
                        + "it, its " + records.size() + " updates break " + violations.size() + " shape constraints, e.g. "
                        + example + (example.endsWith(".") ? "" : ".") + " Carry its changes back to the spreadsheets ('coopkg journal "
                        + "export " + journalName + "'), then move the journal aside and start again");
            }
            stored.commit();
        } finally {
            if (stored.isInTransaction()) stored.abort();
            stored.end();
        }
    }

    /** Recomputes the ontology, inferred and default graphs in the current write transaction; the violations. */
    private List<Violation> refreshAndValidate() {
        DatasetGraph stored = writes.getWrapped();
        Graph curated = new GraphMem2Roaring();
        List<Node> graphs = new ArrayList<>();
        stored.listGraphNodes().forEachRemaining(graphs::add);
        for (Node g : graphs) {
            if (g.equals(ontologyGraph) || g.equals(inferredGraph)) continue;
            stored.getGraph(g).find().forEachRemaining(curated::add);
        }
        Derivation.Derived derived = derivation.derive(curated);
        replace(stored.getGraph(ontologyGraph), ontology);
        Graph inferred = GraphFactory.createDefaultGraph();
        derived.inferred().forEach(inferred::add);
        replace(stored.getGraph(inferredGraph), inferred);
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

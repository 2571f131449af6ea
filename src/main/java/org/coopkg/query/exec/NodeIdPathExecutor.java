package org.coopkg.query.exec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.iterator.QueryIterRepeatApply;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.path.PathLib;
import org.apache.jena.tdb2.solver.BindingNodeId;
import org.apache.jena.tdb2.solver.BindingTDB;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;
import org.apache.jena.tdb2.solver.QC2;
import org.apache.jena.tdb2.store.GraphTDB;
import org.apache.jena.tdb2.store.NodeId;

/**
 * TDB2's evaluation with property paths over the default graph walked over node ids ({@link NodeIdPath}). A row
 * comes out as TDB2's own patterns give theirs: its values as node ids, decoded when read, so that the next pattern
 * matches them without encoding them again. The rows are ARQ's ({@code PathLib}), in its order: a path with one
 * end bound lists the other end's nodes; with both bound, the row once for each end node of the same value as the
 * bound one; with neither, each node of the starting set and then its ends. What the ids cannot say is left to ARQ,
 * row by row: a start node the database does not hold (a zero-length path still reaches it), a path from a variable
 * to itself, and a graph with no starting set.
 */
final class NodeIdPathExecutor extends OpExecutorTDB2 {
    static final OpExecutorFactory FACTORY = NodeIdPathExecutor::new;

    private NodeIdPathExecutor(ExecutionContext execCxt) {
        super(execCxt);
    }

    @Override
    protected QueryIterator execute(OpPath opPath, QueryIterator input) {
        NodeIdPath walker = walkerFor(opPath.getTriplePath());
        if (walker == null) return super.execute(opPath, input);
        TriplePath triplePath = opPath.getTriplePath();
        return new QueryIterRepeatApply(input, execCxt) {
            @Override
            protected QueryIterator nextStage(Binding binding) {
                Iterator<Binding> rows = rows(walker, binding, triplePath);
                if (rows == null) return PathLib.execTriplePath(binding, triplePath, getExecContext());
                return QueryIterPlainWrapper.create(rows, getExecContext());
            }
        };
    }

    /**
     * Ids serve the default graph, read from the triple table; a named graph's triples are quads, and a tuple filter
     * (TDB2's per-graph access control) is applied by ARQ's walk through the graph.
     */
    private NodeIdPath walkerFor(TriplePath triplePath) {
        if (!(execCxt.getActiveGraph() instanceof GraphTDB graph)) return null;
        if (graph.getNodeTupleTable().getTupleTable().getTupleLen() != 3 || QC2.getFilter(execCxt.getContext()) != null) return null;
        return NodeIdPath.of(triplePath.getPath(), graph.getNodeTupleTable(), execCxt.getContext());
    }

    /** ARQ's rows of the path for one input row, or null where ARQ must find them. */
    private static Iterator<Binding> rows(NodeIdPath walker, Binding binding, TriplePath triplePath) {
        Node s = Var.lookup(binding, triplePath.getSubject());
        Node o = Var.lookup(binding, triplePath.getObject());
        if (Var.isVar(s) && Var.isVar(o)) {
            return s.equals(o) ? null : fromStartingSet(walker, binding, Var.alloc(s), Var.alloc(o));
        }
        boolean forward = !Var.isVar(s);
        NodeId start = idOf(walker, binding, forward ? triplePath.getSubject() : triplePath.getObject());
        if (NodeId.isDoesNotExist(start)) return null;
        List<NodeId> ends = walker.ends(start, forward);
        List<Binding> rows = new ArrayList<>();
        Node other = forward ? o : s;
        if (Var.isVar(other)) {
            for (NodeId end : ends) rows.add(extend(walker, binding, Var.alloc(other), end, null, null));
        } else {
            // ARQ compares by value here (a literal reached equals the bound one of the same value) and keeps the row
            // once per match.
            for (NodeId end : ends) {
                if (walker.nodeTable().getNodeForNodeId(end).sameValueAs(other)) rows.add(binding);
            }
        }
        return rows.iterator();
    }

    private static Iterator<Binding> fromStartingSet(NodeIdPath walker, Binding binding, Var subject, Var object) {
        Iterator<NodeId> starts = walker.startingSet();
        if (starts == null) return null;
        return Iter.flatMap(starts, start -> Iter.map(walker.ends(start, true).iterator(),
                end -> extend(walker, binding, subject, start, object, end)));
    }

    /** The id of a path end the row or the query gives, or {@link NodeId#NodeDoesNotExist}. */
    private static NodeId idOf(NodeIdPath walker, Binding binding, Node end) {
        if (end instanceof Var var && binding instanceof BindingTDB ids) {
            NodeId id = ids.getNodeId(var);
            if (id != null) return id;
        }
        return walker.nodeTable().getNodeIdForNode(Var.lookup(binding, end));
    }

    private static Binding extend(NodeIdPath walker, Binding binding, Var var1, NodeId id1, Var var2, NodeId id2) {
        BindingNodeId ids = binding instanceof BindingTDB tdb ? new BindingNodeId(tdb.getBindingId()) : idsOf(binding, walker);
        ids.put(var1, id1);
        if (var2 != null) ids.put(var2, id2);
        return new BindingTDB(ids, walker.nodeTable());
    }

    /**
     * A row that is not TDB2's own (made by {@code BIND} or a join outside TDB2) as ids: TDB2's next pattern reads
     * bound variables from the ids only, so every value is copied, as TDB2 converts its own input rows.
     */
    private static BindingNodeId idsOf(Binding binding, NodeIdPath walker) {
        BindingNodeId ids = new BindingNodeId(binding);
        binding.forEach((var, value) -> ids.put(var, walker.nodeTable().getNodeIdForNode(value)));
        return ids;
    }
}

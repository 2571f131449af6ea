package org.coopkg.query.exec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitor;
import org.apache.jena.sparql.algebra.Transform;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpExt;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingComparator;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIter1;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.sparql.util.FmtUtils;

/**
 * {@code ORDER BY} with each row's sort keys computed once. ARQ's sort ({@code QueryIterSort} with a
 * {@link BindingComparator}) evaluates every key expression twice per comparison, n log n times, and on TDB2 decodes
 * the row's nodes from the node table each time; here each row is decoded once (a plain copy of the binding) and its
 * keys evaluated once, before the sort. The order is ARQ's: keys compare with {@link BindingComparator#compareNodesRaw}
 * (an unbound or failing key first), descending keys reversed, and rows equal on every key ordered by
 * {@link BindingComparator#compareBindingsSyntactic}, so that the answer is the same row for row.
 */
final class KeyedOrder extends OpExt {
    private final Op sub;
    private final List<SortCondition> conditions;

    KeyedOrder(Op sub, List<SortCondition> conditions) {
        super("coopkg:order");
        this.sub = sub;
        this.conditions = conditions;
    }

    @Override
    public Op effectiveOp() {
        return new OpOrder(sub, conditions);
    }

    @Override
    public QueryIterator eval(QueryIterator input, ExecutionContext execCxt) {
        return new Sorted(QC.execute(sub, input, execCxt), conditions, execCxt);
    }

    @Override
    public Op apply(Transform transform, OpVisitor before, OpVisitor after) {
        return new KeyedOrder(Transformer.transform(transform, sub, before, after), conditions);
    }

    @Override
    public Op apply(Transform transform) {
        return new KeyedOrder(Transformer.transform(transform, sub), conditions);
    }

    @Override
    public void outputArgs(IndentedWriter out, SerializationContext sCxt) {
        out.print("(");
        for (SortCondition c : conditions) {
            out.print(" ");
            c.output(out, sCxt);
        }
        out.println(" )");
        sub.output(out, sCxt);
    }

    @Override
    public int hashCode() {
        return sub.hashCode() ^ conditions.hashCode() ^ 0x5ea7;
    }

    @Override
    public boolean equalTo(Op other, org.apache.jena.sparql.util.NodeIsomorphismMap labelMap) {
        return other instanceof KeyedOrder o && conditions.equals(o.conditions) && sub.equalTo(o.sub, labelMap);
    }

    /** A row and its sort keys (null where the key is unbound or its expression fails). */
    private record Row(Binding binding, NodeValue[] keys) {}

    /** Reads the whole input on the first request, then gives the rows in order. */
    private static final class Sorted extends QueryIter1 {
        private static final int CHECK_EVERY = 4096;
        private final List<SortCondition> conditions;
        private Iterator<Row> sorted;
        private int comparisons;

        Sorted(QueryIterator input, List<SortCondition> conditions, ExecutionContext execCxt) {
            super(input, execCxt);
            this.conditions = conditions;
        }

        @Override
        protected boolean hasNextBinding() {
            if (sorted == null) sorted = sort();
            return sorted.hasNext();
        }

        @Override
        protected Binding moveToNextBinding() {
            return sorted.next().binding();
        }

        private Iterator<Row> sort() {
            List<Row> rows = new ArrayList<>();
            QueryIterator input = getInput();
            while (input.hasNext()) {
                Binding b = BindingFactory.copy(input.next());
                NodeValue[] keys = new NodeValue[conditions.size()];
                for (int i = 0; i < keys.length; i++) keys[i] = key(conditions.get(i), b);
                rows.add(new Row(b, keys));
            }
            rows.sort(this::compare);
            return rows.iterator();
        }

        private NodeValue key(SortCondition condition, Binding b) {
            try {
                return condition.getExpression().eval(b, getExecContext());
            } catch (ExprEvalException unboundOrError) {
                return null;
            }
        }

        private int compare(Row a, Row b) {
            if (++comparisons % CHECK_EVERY == 0 && getExecContext().getCancelSignal() != null
                    && getExecContext().getCancelSignal().get()) {
                throw new QueryCancelledException();
            }
            for (int i = 0; i < a.keys.length; i++) {
                int x = BindingComparator.compareNodesRaw(a.keys[i], b.keys[i]);
                if (conditions.get(i).getDirection() == Query.ORDER_DESCENDING) x = -x;
                if (x != 0) return x;
            }
            return BindingComparator.compareBindingsSyntactic(a.binding, b.binding);
        }

        @Override
        protected void requestSubCancel() {
            // The input is cancelled by QueryIter1; a sort in progress checks the cancel signal.
        }

        @Override
        protected void closeSubIterator() {
            sorted = null;
        }

        @Override
        protected void details(IndentedWriter out, SerializationContext sCxt) {
            out.print(getClass().getSimpleName() + " " + FmtUtils.stringForObject(conditions));
        }
    }
}

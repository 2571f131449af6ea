package org.coopkg.query.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.atlas.iterator.IteratorDelayedInitialization;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpConditional;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.iterator.QueryIterRoot;
import org.apache.jena.sparql.engine.iterator.QueryIterSingleton;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.engine.main.iterator.QueryIterOptionalIndex;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.sparql.util.FmtUtils;

/**
 * {@code GROUP BY} over an {@code OPTIONAL} whose aggregates depend only on the optional part, for instance each
 * programme's agents with the people holding a post in each agent: {@code GROUP_CONCAT(DISTINCT ?person)} grouped by
 * programme and agent. ARQ joins every row with its optional solutions and feeds each joined row to the group's
 * accumulators, so an agent shared by a thousand programmes has its posts joined and aggregated a thousand times.
 * Here the optional solutions of each value of the shared variables (all of them group keys) are
 * aggregated once, and every group with those values takes the result.
 *
 * <p>The answer is ARQ's, row for row and in ARQ's order ({@link GroupsOverOptionals} says when the rewrite applies):
 * every aggregate gives the same value when a row it has seen is fed again (the {@code DISTINCT} aggregates,
 * {@code MIN}, {@code MAX}, {@code SAMPLE}), and reads only variables of the optional part; so a group's values are
 * those of its first row's optional solutions, which depend only on the shared variables. The groups are kept in a
 * hash map keyed by the same key bindings ARQ builds, entered in the same order, and so are listed in ARQ's order.
 * The optional part is evaluated as ARQ does: once, as the probe table of a hash left join ({@code leftjoin}), or
 * for one row with its values substituted ({@code conditional}).
 */
final class GroupOverOptional extends RowsAndPatternOp {
    private final boolean conditional;
    private final VarExprList groupVars;
    private final List<ExprAggregator> aggregators;

    GroupOverOptional(Op left, Op optional, boolean conditional, VarExprList groupVars, List<ExprAggregator> aggregators) {
        super("coopkg:groupoveroptional", left, optional);
        this.conditional = conditional;
        this.groupVars = groupVars;
        this.aggregators = aggregators;
    }

    @Override
    public Op effectiveOp() {
        Op sub = conditional ? new OpConditional(left, pattern) : OpLeftJoin.create(left, pattern, (ExprList) null);
        return OpGroup.create(sub, groupVars, aggregators);
    }

    @Override
    public QueryIterator eval(QueryIterator input, ExecutionContext execCxt) {
        // Rows from outside (a group evaluated for each row of something else) bind more variables than the rewrite
        // looked at.
        if (!input.isJoinIdentity()) return QC.execute(effectiveOp(), input, execCxt);
        QueryIterator rows = QC.execute(left, input, execCxt);
        // Read from the sides, so that a rewrite inside them cannot leave it stale.
        return new Groups(rows, GroupsOverOptionals.sharedVars(left, pattern, conditional), execCxt);
    }

    @Override
    protected RowsAndPatternOp over(Op left, Op pattern) {
        return new GroupOverOptional(left, pattern, conditional, groupVars, aggregators);
    }

    @Override
    protected boolean sameSettings(RowsAndPatternOp other) {
        GroupOverOptional that = (GroupOverOptional) other;
        return conditional == that.conditional && groupVars.equals(that.groupVars) && aggregators.equals(that.aggregators);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + groupVars.hashCode();
    }

    @Override
    public void outputArgs(IndentedWriter out, SerializationContext sCxt) {
        // As ARQ prints a group: its keys, then each aggregate's variable and aggregate.
        out.print(conditional ? "conditional (" : "leftjoin (");
        out.print(groupVars.getVars().stream().map(v -> FmtUtils.stringForNode(v, sCxt)).collect(Collectors.joining(" ")));
        out.print(") (");
        out.print(aggregators.stream()
                .map(a -> "(" + FmtUtils.stringForNode(a.getVar(), sCxt) + " " + a.getAggregator().toPrefixString() + ")")
                .collect(Collectors.joining(" ")));
        out.print(")");
        super.outputArgs(out, sCxt);
    }

    /** The groups, computed when first asked for, as ARQ's {@code QueryIterGroup} does. */
    private final class Groups extends QueryIterPlainWrapper {
        private final QueryIterator rows;

        Groups(QueryIterator rows, List<Var> joinVars, ExecutionContext execCxt) {
            super(new IteratorDelayedInitialization<>() {
                @Override
                protected Iterator<Binding> initializeIterator() {
                    return groups(rows, joinVars, execCxt);
                }
            }, execCxt);
            this.rows = rows;
        }

        @Override
        protected void requestCancel() {
            rows.cancel();
            super.requestCancel();
        }

        @Override
        protected void closeIterator() {
            rows.close();
            super.closeIterator();
        }
    }

    private Iterator<Binding> groups(QueryIterator rows, List<Var> joinVars, ExecutionContext execCxt) {
        // A HashMap, as ARQ's group keeps (commons-collections' list-valued hash map), so that the groups come out
        // in ARQ's order.
        Map<Binding, Binding> valuesByGroup = new HashMap<>();
        Map<Object, Binding> valuesByJoinValues = new HashMap<>();
        OptionalSolutions solutions = conditional ? new Substituted(execCxt) : new ProbeTable(joinVars, execCxt);
        while (rows.hasNext()) {
            Binding row = rows.nextBinding();
            Binding key = project(groupVars.getVars(), row);
            if (valuesByGroup.containsKey(key)) continue;
            Binding values = valuesByJoinValues.computeIfAbsent(joinValues(joinVars, row),
                    joinValues -> aggregate(solutions.joined(row), execCxt));
            valuesByGroup.put(key, values);
        }
        List<Binding> groups = new ArrayList<>(valuesByGroup.size());
        valuesByGroup.forEach((key, values) -> groups.add(Binding.builder(key).addAll(values).build()));
        return groups.iterator();
    }

    /** The row's values of the join variables: the value itself for one variable, a list for more. */
    private static Object joinValues(List<Var> joinVars, Binding row) {
        if (joinVars.size() == 1) return row.get(joinVars.get(0));
        List<Node> values = new ArrayList<>(joinVars.size());
        for (Var var : joinVars) values.add(row.get(var));
        return values;
    }

    /** The aggregates over one row's joined rows, as a binding of the aggregate variables that have a value. */
    private Binding aggregate(QueryIterator joined, ExecutionContext execCxt) {
        List<Accumulator> accumulators = new ArrayList<>(aggregators.size());
        for (ExprAggregator aggregator : aggregators) accumulators.add(aggregator.getAggregator().createAccumulator());
        try {
            while (joined.hasNext()) {
                Binding row = joined.nextBinding();
                for (Accumulator accumulator : accumulators) accumulator.accumulate(row, execCxt);
            }
        } finally {
            joined.close();
        }
        BindingBuilder values = Binding.builder();
        for (int i = 0; i < aggregators.size(); i++) {
            NodeValue value = accumulators.get(i).getValue();
            if (value != null) values.add(aggregators.get(i).getVar(), value.asNode());
        }
        return values.build();
    }

    /** The row's values of the group keys, as ARQ's group builds them (an unbound variable left out). */
    private static Binding project(List<Var> vars, Binding row) {
        BindingBuilder key = Binding.builder();
        for (Var var : vars) {
            Node node = row.get(var);
            if (node != null) key.add(var, node);
        }
        return key.build();
    }

    /** A row joined with its optional solutions, or the row alone when it has none. */
    private interface OptionalSolutions {
        QueryIterator joined(Binding row);
    }

    /**
     * ARQ's hash left join: the optional part evaluated once, its solutions listed for a row in the order they came,
     * those sharing the row's values of the join variables. The aggregates read only the optional part's variables,
     * so its solution stands for the joined row.
     */
    private final class ProbeTable implements OptionalSolutions {
        private final List<Var> joinVars;
        private final ExecutionContext execCxt;
        private Map<Object, List<Binding>> solutionsByJoinValues;

        ProbeTable(List<Var> joinVars, ExecutionContext execCxt) {
            this.joinVars = joinVars;
            this.execCxt = execCxt;
        }

        @Override
        public QueryIterator joined(Binding row) {
            if (solutionsByJoinValues == null) solutionsByJoinValues = read();
            List<Binding> matches = solutionsByJoinValues.get(joinValues(joinVars, row));
            return QueryIterPlainWrapper.create(matches == null ? List.of(row).iterator() : matches.iterator(), execCxt);
        }

        private Map<Object, List<Binding>> read() {
            Map<Object, List<Binding>> table = new HashMap<>();
            QueryIterator all = QC.execute(pattern, QueryIterRoot.create(execCxt), execCxt);
            try {
                all.forEachRemaining(solution -> table.computeIfAbsent(joinValues(joinVars, solution), k -> new ArrayList<>()).add(solution));
            } finally {
                all.close();
            }
            return table;
        }
    }

    /** ARQ's conditional: the optional part evaluated with the row's values substituted. */
    private final class Substituted implements OptionalSolutions {
        private final ExecutionContext execCxt;

        Substituted(ExecutionContext execCxt) {
            this.execCxt = execCxt;
        }

        @Override
        public QueryIterator joined(Binding row) {
            return new QueryIterOptionalIndex(QueryIterSingleton.create(row, execCxt), pattern, execCxt);
        }
    }
}

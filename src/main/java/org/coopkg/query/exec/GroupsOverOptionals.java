package org.coopkg.query.exec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.op.Op1;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpConditional;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.algebra.op.OpQuad;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpReduced;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.algebra.op.OpSlice;
import org.apache.jena.sparql.algebra.op.OpTable;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.op.OpUnion;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction0;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.expr.Unstable;
import org.apache.jena.sparql.expr.aggregate.AggAvgDistinct;
import org.apache.jena.sparql.expr.aggregate.AggCountVarDistinct;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.AggMax;
import org.apache.jena.sparql.expr.aggregate.AggMaxDistinct;
import org.apache.jena.sparql.expr.aggregate.AggMin;
import org.apache.jena.sparql.expr.aggregate.AggMinDistinct;
import org.apache.jena.sparql.expr.aggregate.AggSample;
import org.apache.jena.sparql.expr.aggregate.AggSampleDistinct;
import org.apache.jena.sparql.expr.aggregate.AggSumDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;

/**
 * Turns {@code GROUP BY} over an {@code OPTIONAL} into a {@link GroupOverOptional} where each group's aggregates are
 * those of the optional solutions of its values of the shared variables:
 * <ul>
 *   <li>the optional part is ARQ's hash left join with no {@code FILTER} of its own, or ARQ's conditional;</li>
 *   <li>the group keys are variables, among them every variable the two sides share ({@code joinVars}), and none
 *       bound by the optional part alone (which would put one row's joined rows in several groups);</li>
 *   <li>the shared variables are bound in every row of the required part (and, for the hash join, in every optional
 *       solution), so that rows with the same keys meet the same optional solutions;</li>
 *   <li>every aggregate gives the same value when a row it has seen is fed again, and reads only variables of the
 *       optional part;</li>
 *   <li>nothing in the optional part or the aggregates is random or new each time ({@code RAND}, {@code UUID},
 *       {@code STRUUID}, {@code BNODE}), which ARQ would evaluate again for each row.</li>
 * </ul>
 */
final class GroupsOverOptionals extends TransformCopy {
    private static final Set<Class<? extends Aggregator>> SAME_WHEN_FED_AGAIN = Set.of(AggCountVarDistinct.class,
            AggSumDistinct.class, AggAvgDistinct.class, AggGroupConcatDistinct.class, AggMin.class, AggMinDistinct.class,
            AggMax.class, AggMaxDistinct.class, AggSample.class, AggSampleDistinct.class);

    @Override
    public Op transform(OpGroup group, Op sub) {
        boolean conditional = sub instanceof OpConditional;
        Op left;
        Op optional;
        if (sub instanceof OpConditional c) {
            left = c.getLeft();
            optional = c.getRight();
        } else if (sub instanceof OpLeftJoin leftJoin && (leftJoin.getExprs() == null || leftJoin.getExprs().isEmpty())) {
            left = leftJoin.getLeft();
            optional = leftJoin.getRight();
        } else {
            return super.transform(group, sub);
        }
        if (!applies(group, left, optional, conditional)) return super.transform(group, sub);
        return new GroupOverOptional(left, optional, conditional, group.getGroupVars(), group.getAggregators());
    }

    /** Whether the rewrite gives ARQ's answer. */
    private static boolean applies(OpGroup group, Op left, Op optional, boolean conditional) {
        List<Var> keys = group.getGroupVars().getVars();
        if (keys.isEmpty() || !group.getGroupVars().getExprs().isEmpty() || group.getAggregators().isEmpty()) return false;
        Set<Var> optionalVars = OpVars.visibleVars(optional);
        List<Var> joinVars = sharedVars(left, optional, conditional);
        Set<Var> shared = new HashSet<>(joinVars);
        if (!keys.containsAll(joinVars)) return false;
        for (Var key : keys) {
            if (optionalVars.contains(key) && !shared.contains(key)) return false;
        }
        if (!alwaysBound(left).containsAll(joinVars)) return false;
        if (!conditional && !alwaysBound(optional).containsAll(joinVars)) return false;
        Set<Var> readable = new HashSet<>(optionalVars);
        readable.addAll(shared);
        for (ExprAggregator aggregator : group.getAggregators()) {
            Aggregator agg = aggregator.getAggregator();
            if (!SAME_WHEN_FED_AGAIN.contains(agg.getClass())) return false;
            for (Expr e : agg.getExprList()) {
                if (!readable.containsAll(e.getVarsMentioned()) || new FreshValues().in(e)) return false;
            }
        }
        return !new FreshValues().in(optional);
    }

    /** The variables the optional part shares with the rows it is joined to, in name order. */
    static List<Var> sharedVars(Op left, Op optional, boolean conditional) {
        // The conditional substitutes the row's values for every variable the optional part mentions.
        Set<Var> shared = new HashSet<>(conditional ? OpVars.mentionedVars(optional) : OpVars.visibleVars(optional));
        shared.retainAll(OpVars.visibleVars(left));
        List<Var> vars = new ArrayList<>(shared);
        vars.sort((a, b) -> a.getVarName().compareTo(b.getVarName()));
        return vars;
    }

    /**
     * The variables bound in every solution of the op: those of its triple and quad patterns and paths, the required part of
     * an optional, both branches of a union. A {@code BIND} variable is not among them (an error leaves it unbound).
     */
    static Set<Var> alwaysBound(Op op) {
        Set<Var> vars = new HashSet<>();
        if (op instanceof OpBGP || op instanceof OpQuadPattern || op instanceof OpTriple || op instanceof OpQuad || op instanceof OpPath) {
            // A path's solutions bind both ends, zero steps included.
            vars.addAll(OpVars.visibleVars(op));
        } else if (op instanceof OpGraph graph) {
            vars.addAll(alwaysBound(graph.getSubOp()));
            if (graph.getNode().isVariable()) vars.add(Var.alloc(graph.getNode()));
        } else if (op instanceof OpSequence sequence) {
            sequence.getElements().forEach(step -> vars.addAll(alwaysBound(step)));
        } else if (op instanceof OpJoin join) {
            vars.addAll(alwaysBound(join.getLeft()));
            vars.addAll(alwaysBound(join.getRight()));
        } else if (op instanceof OpLeftJoin leftJoin) {
            vars.addAll(alwaysBound(leftJoin.getLeft()));
        } else if (op instanceof OpConditional c) {
            vars.addAll(alwaysBound(c.getLeft()));
        } else if (op instanceof OpUnion union) {
            vars.addAll(alwaysBound(union.getLeft()));
            vars.retainAll(alwaysBound(union.getRight()));
        } else if (op instanceof OpTable table) {
            vars.addAll(table.getTable().getVars());
            table.getTable().rows().forEachRemaining((Binding row) -> vars.removeIf(v -> !row.contains(v)));
        } else if (op instanceof OpExtend extend) {
            vars.addAll(alwaysBound(extend.getSubOp()));
        } else if (op instanceof OpFilter || op instanceof OpDistinct || op instanceof OpReduced || op instanceof OpOrder
                || op instanceof OpSlice) {
            vars.addAll(alwaysBound(((Op1) op).getSubOp()));
        } else if (op instanceof OpProject project) {
            vars.addAll(alwaysBound(project.getSubOp()));
            vars.retainAll(project.getVars());
        }
        return vars;
    }

    /** Finds functions ARQ marks as giving a new value at each evaluation ({@link Unstable}). */
    private static final class FreshValues extends ExprVisitorBase {
        private boolean found;

        boolean in(Expr e) {
            Walker.walk(e, this);
            return found;
        }

        boolean in(Op op) {
            Walker.walk(op, new OpVisitorBase(), this);
            return found;
        }

        @Override
        public void visit(ExprFunction0 f) {
            found |= f instanceof Unstable;
        }

        @Override
        public void visit(ExprFunction1 f) {
            found |= f instanceof Unstable;
        }

        @Override
        public void visit(ExprFunctionN f) {
            found |= f instanceof Unstable;
        }
    }
}

package org.coopkg.query.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpQuad;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.algebra.op.OpTable;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.op.OpUnion;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionOp;

/**
 * Turns the steps of a sequence into {@link BuildOnceJoin}s where ARQ's answer, in ARQ's order, can be had by
 * evaluating the step once on its own: steps ARQ evaluates row after row ({@link #rowByRow}) — triple and quad
 * patterns, unions, {@code BIND} and {@code FILTER} over the step's own variables, sequences of those, and
 * {@code VALUES} where it meets one row at a time (inside a union). The join lists each row's solutions in the step's
 * own order when {@link #keepsOrderUnbound} says that leaving the row's variables unbound keeps that order, and
 * otherwise only while no row has two solutions.
 *
 * <p>{@code OPTIONAL}s are left to ARQ: evaluated the same way, queries 07 and 09 ran 1.5 and 1.9 times slower on
 * TDB2 at scale 1000, their optional patterns matching most rows.
 */
final class BuildOnceJoins extends TransformCopy {
    @Override
    public Op transform(OpSequence sequence, List<Op> elements) {
        List<Op> before = new ArrayList<>();
        Op joined = null;
        for (Op step : elements) {
            Op left = sequenceOf(joined, before);
            if (left != null && rowByRow(step, false)) {
                joined = new BuildOnceJoin(left, step);
                before.clear();
            } else {
                before.add(step);
            }
        }
        if (joined == null) return super.transform(sequence, elements);
        return sequenceOf(joined, before);
    }

    /** The steps so far as one op (null if none), after the join built from the earlier ones. */
    private static Op sequenceOf(Op joined, List<Op> steps) {
        List<Op> all = new ArrayList<>();
        if (joined != null) all.add(joined);
        all.addAll(steps);
        if (all.isEmpty()) return null;
        if (all.size() == 1) return all.get(0);
        OpSequence sequence = OpSequence.create();
        all.forEach(sequence::add);
        return sequence;
    }

    /**
     * Whether ARQ, given rows as input, lists the solutions of the first row, then of the second, and so on
     * ({@code oneRow}: when it is given one row at a time, as a union gives its branches).
     */
    static boolean rowByRow(Op op, boolean oneRow) {
        if (op instanceof OpBGP || op instanceof OpQuadPattern || op instanceof OpTriple || op instanceof OpQuad) return true;
        // A table meets a stream of rows in a hash join, table row by table row.
        if (op instanceof OpTable) return oneRow;
        if (op instanceof OpUnion union) return rowByRow(union.getLeft(), true) && rowByRow(union.getRight(), true);
        if (op instanceof OpExtend extend) {
            return ownVariablesOnly(extend.getVarExprList().getExprs().values(), extend.getSubOp())
                    && rowByRow(extend.getSubOp(), oneRow);
        }
        if (op instanceof OpFilter filter) {
            return ownVariablesOnly(filter.getExprs().getList(), filter.getSubOp()) && rowByRow(filter.getSubOp(), oneRow);
        }
        // ARQ's own evaluation, which a join given rows from outside it falls back to.
        if (op instanceof BuildOnceJoin join) return rowByRow(join.left(), oneRow);
        if (op instanceof OpSequence sequence) {
            for (int i = 0; i < sequence.size(); i++) {
                if (!rowByRow(sequence.get(i), oneRow && i == 0)) return false;
            }
            return true;
        }
        return false;
    }

    /**
     * Whether the solutions the pattern has for given values of its variables come in the same order when those
     * variables are left unbound and the solutions with other values left out: true of one triple pattern over the
     * default graph (TDB2 reads each from an index whose order beyond the bound terms is the same whichever terms are
     * bound, and the in-memory graph lists matches in the order it stored them), and of {@code VALUES}, unions,
     * sequences, {@code BIND} and {@code FILTER} of such.
     */
    static boolean keepsOrderUnbound(Op op) {
        if (op instanceof OpBGP bgp) return bgp.getPattern().size() == 1;
        if (op instanceof OpTriple) return true;
        if (op instanceof OpQuadPattern quads) return quads.getPattern().size() == 1 && Quad.isDefaultGraph(quads.getGraphNode());
        if (op instanceof OpQuad quad) return Quad.isDefaultGraph(quad.getQuad().getGraph());
        if (op instanceof OpTable) return true;
        if (op instanceof BuildOnceJoin join) return keepsOrderUnbound(join.effectiveOp());
        if (op instanceof OpUnion union) return keepsOrderUnbound(union.getLeft()) && keepsOrderUnbound(union.getRight());
        if (op instanceof OpExtend extend) return keepsOrderUnbound(extend.getSubOp());
        if (op instanceof OpFilter filter) return keepsOrderUnbound(filter.getSubOp());
        if (op instanceof OpSequence sequence) return sequence.getElements().stream().allMatch(BuildOnceJoins::keepsOrderUnbound);
        return false;
    }

    /** Expressions that mention only variables the op binds, and no pattern of their own ({@code EXISTS}). */
    private static boolean ownVariablesOnly(Iterable<Expr> exprs, Op op) {
        Set<Var> own = OpVars.visibleVars(op);
        for (Expr e : exprs) {
            if (!own.containsAll(e.getVarsMentioned()) || containsPattern(e)) return false;
        }
        return true;
    }

    private static boolean containsPattern(Expr e) {
        if (e instanceof ExprFunctionOp) return true;
        if (e.isFunction()) return e.getFunction().getArgs().stream().anyMatch(BuildOnceJoins::containsPattern);
        return false;
    }
}

package org.coopkg.query.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorByType;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.optimize.TransformPathFlattenAlgebra;
import org.apache.jena.sparql.algebra.op.Op0;
import org.apache.jena.sparql.algebra.op.Op1;
import org.apache.jena.sparql.algebra.op.Op2;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpExt;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpN;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpQuad;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.op.OpUnion;
import org.apache.jena.sparql.expr.E_Exists;
import org.apache.jena.sparql.expr.E_NotExists;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;

/**
 * Rewrites {@code FILTER (NOT) EXISTS { P }} into an {@link ExistenceJoin} where that gives ARQ's answer: the
 * (NOT) EXISTS is a whole conjunct of the filter (not inside {@code ||} or {@code IF}), and {@code P} is made only of
 * operators whose evaluation over many input rows is their evaluation over each row in turn — triple and quad
 * patterns, property paths, {@code GRAPH}, joins and unions. A {@code P} with anything else (a sub-query, a
 * {@code LIMIT}, an aggregate, an inner {@code FILTER} that could see the row's other variables) stays ARQ's.
 * The other conjuncts are applied first (they are cheaper), then each existence test.
 *
 * <p>Inside the pattern, alternatives and sequences of property paths become unions and joins of triple patterns
 * (ARQ's {@link TransformPathFlattenAlgebra}), which TDB2 matches over node ids instead of walking the path through
 * the graph API. Outside an existence test ARQ's path evaluation stays: the order of a path's solutions is part of
 * an answer (it is the order {@code GROUP_CONCAT} sees), and only whether a solution exists matters here.
 */
final class ExistenceJoins extends TransformCopy {
    @Override
    public Op transform(OpFilter filter, Op sub) {
        ExprList others = new ExprList();
        Op result = sub;
        List<Expr> tests = new ArrayList<>();
        for (Expr e : filter.getExprs()) {
            if ((e instanceof E_NotExists || e instanceof E_Exists) && batchable(((ExprFunctionOp) e).getGraphPattern())) {
                tests.add(e);
            } else {
                others.add(e);
            }
        }
        if (tests.isEmpty()) return super.transform(filter, sub);
        if (!others.isEmpty()) result = OpFilter.filterDirect(others, result);
        for (Expr test : tests) {
            Op pattern = Transformer.transform(new TransformPathFlattenAlgebra(), ((ExprFunctionOp) test).getGraphPattern());
            result = new ExistenceJoin(result, pattern, test instanceof E_Exists);
        }
        return result;
    }

    /** Operators whose evaluation over many input rows is their evaluation over each row in turn. */
    private static final Set<Class<? extends Op>> DISTRIBUTIVE = Set.of(OpBGP.class, OpQuadPattern.class, OpTriple.class,
            OpQuad.class, OpPath.class, OpGraph.class, OpJoin.class, OpSequence.class, OpUnion.class);

    /** Whether the pattern is made only of {@link #DISTRIBUTIVE} operators (a whitelist: anything else stays ARQ's). */
    static boolean batchable(Op pattern) {
        boolean[] ok = {true};
        OpWalker.walk(pattern, new OpVisitorByType() {
            private void check(Op op) {
                if (!DISTRIBUTIVE.contains(op.getClass())) ok[0] = false;
            }

            @Override
            protected void visitN(OpN op) {
                check(op);
            }

            @Override
            protected void visit2(Op2 op) {
                check(op);
            }

            @Override
            protected void visit1(Op1 op) {
                check(op);
            }

            @Override
            protected void visit0(Op0 op) {
                check(op);
            }

            @Override
            protected void visitExt(OpExt op) {
                ok[0] = false;
            }

            @Override
            protected void visitFilter(OpFilter op) {
                ok[0] = false;
            }

            @Override
            protected void visitLeftJoin(OpLeftJoin op) {
                ok[0] = false;
            }
        });
        return ok[0];
    }
}

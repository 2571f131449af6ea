package org.coopkg.query.exec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.expr.E_Exists;
import org.apache.jena.sparql.expr.E_NotExists;

/**
 * {@code FILTER NOT EXISTS { P }} (an anti-join) or {@code FILTER EXISTS { P }} (a semi-join) over the rows of
 * {@code left}, evaluated for many rows at once. ARQ evaluates the pattern once per row: it builds a new iterator
 * pipeline for each row (and on TDB2 plans the join order again each time), which costs more than the index lookups
 * themselves. Here the rows come in batches; each batch's distinct values of the pattern's variables are given to
 * one evaluation of {@code P} as its input, the way ARQ itself feeds rows into a pattern, and the values that found a
 * match are remembered.
 *
 * <p>This is ARQ's own semantics, because ARQ evaluates {@code EXISTS} by executing {@code P} with the row as its
 * input binding, and for the patterns {@link ExistenceJoins} lets through (triple and quad patterns, paths, graphs,
 * joins and unions) executing with many inputs is executing with each input in turn: the output for an input is
 * the same, and only the variables of {@code P} reach it. Rows keep their order.
 */
final class ExistenceJoin extends RowsAndPatternOp {
    /** Rows read ahead per evaluation of the pattern: enough to amortise it, few enough to stream. */
    static final int BATCH = 8192;

    private final boolean exists;

    ExistenceJoin(Op left, Op pattern, boolean exists) {
        super(exists ? "coopkg:semijoin" : "coopkg:antijoin", left, pattern);
        this.exists = exists;
    }

    @Override
    public Op effectiveOp() {
        return OpFilter.filter(exists ? new E_Exists(pattern) : new E_NotExists(pattern), left);
    }

    @Override
    public QueryIterator eval(QueryIterator input, ExecutionContext execCxt) {
        List<Var> patternVars = new ArrayList<>(OpVars.mentionedVars(pattern));
        return new Rows(QC.execute(left, input, execCxt), pattern, patternVars, exists, execCxt);
    }

    @Override
    protected RowsAndPatternOp over(Op left, Op pattern) {
        return new ExistenceJoin(left, pattern, exists);
    }

    @Override
    protected boolean sameSettings(RowsAndPatternOp other) {
        return ((ExistenceJoin) other).exists == exists;
    }

    /** The rows of the left side that have (or have not) a match. */
    private static final class Rows extends RowsInChunks {
        private final Op pattern;
        private final List<Var> patternVars;
        private final boolean exists;

        Rows(QueryIterator left, Op pattern, List<Var> patternVars, boolean exists, ExecutionContext execCxt) {
            super(left, execCxt);
            this.pattern = pattern;
            this.patternVars = patternVars;
            this.exists = exists;
        }

        @Override
        protected Iterator<Binding> nextChunk() {
            List<Binding> rows = new ArrayList<>();
            while (rows.size() < BATCH && getInput().hasNext()) rows.add(getInput().next());
            // The pattern's variables that a row binds are its input to the pattern. Rows that bind different sets of
            // them (after an OPTIONAL) are evaluated apart, so that each match is traced back to its input values.
            Map<List<Var>, Set<List<Node>>> inputs = new LinkedHashMap<>();
            List<List<Var>> rowVars = new ArrayList<>(rows.size());
            List<List<Node>> rowKeys = new ArrayList<>(rows.size());
            for (Binding row : rows) {
                List<Var> vars = new ArrayList<>(patternVars.size());
                List<Node> key = new ArrayList<>(patternVars.size());
                for (Var v : patternVars) {
                    Node n = row.get(v);
                    if (n != null) {
                        vars.add(v);
                        key.add(n);
                    }
                }
                rowVars.add(vars);
                rowKeys.add(key);
                inputs.computeIfAbsent(vars, k -> new HashSet<>()).add(key);
            }
            Map<List<Var>, Set<List<Node>>> matched = new LinkedHashMap<>();
            inputs.forEach((vars, keys) -> matched.put(vars, matches(vars, keys)));
            List<Binding> out = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (matched.get(rowVars.get(i)).contains(rowKeys.get(i)) == exists) out.add(rows.get(i));
            }
            return out.iterator();
        }

        /** Which of the input values have at least one solution of the pattern. */
        private Set<List<Node>> matches(List<Var> vars, Set<List<Node>> keys) {
            List<Binding> input = new ArrayList<>(keys.size());
            for (List<Node> key : keys) {
                BindingBuilder b = BindingFactory.builder();
                for (int i = 0; i < vars.size(); i++) b.add(vars.get(i), key.get(i));
                input.add(b.build());
            }
            Set<List<Node>> found = new HashSet<>();
            running = QC.execute(pattern, QueryIterPlainWrapper.create(input.iterator(), getExecContext()), getExecContext());
            try {
                while (running.hasNext() && found.size() < keys.size()) {
                    Binding solution = running.next();
                    List<Node> key = new ArrayList<>(vars.size());
                    for (Var v : vars) key.add(solution.get(v));
                    found.add(key);
                }
            } finally {
                running.close();
                running = null;
            }
            return found;
        }
    }
}

package org.coopkg.query.exec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.iterator.QueryIterRoot;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.tdb2.TDB2;

/**
 * A step of a sequence, which ARQ evaluates once for each row of the steps before it ({@code left}), evaluated
 * instead once on its own when that is small, and joined to the rows by their shared variables. ARQ builds an
 * iterator pipeline and looks the pattern up again for each row: query 11 looks up four link properties for each
 * of 200,000 labelled entities, where the links of the whole data are 86 rows at scale 1000, read in a millisecond.
 *
 * <p>The answer is ARQ's. ARQ makes a sequence of a join only where evaluating the step with a row's values is
 * evaluating it on its own and keeping the solutions compatible with the row. The rows come in ARQ's order too:
 * {@link BuildOnceJoins} lets through only steps whose solutions ARQ lists row after row, and a row's solutions
 * are listed as ARQ lists them, because either the step keeps their order when a variable is left unbound
 * ({@link BuildOnceJoins#keepsOrderUnbound}), or no row has more than one, which the join checks as it builds its
 * table.
 *
 * <p>The choice is made as the query runs, since neither side's size is known before. The join reads ahead up to
 * {@link #LOOKAHEAD} rows of {@code left}, then evaluates the step on its own, giving up once it has more than one
 * solution per {@link #ROWS_PER_SOLUTION} rows read (most rows would then find a solution, and the table would
 * save few of ARQ's lookups while its rows carry decoded values where TDB2's carry node ids). It falls back to ARQ's evaluation, with the rows
 * read ahead first, when the step is that large, when two solutions share their values of the shared variables for
 * a step that could list them in another order, when {@code left} has fewer rows than {@link #MIN_ROWS} (the context
 * can lower it: {@link #MIN_ROWS_SYMBOL}), and when the join is itself evaluated for each row of something outside
 * it (its input is then not the empty row, and the step would be read whole for each).
 */
final class BuildOnceJoin extends RowsAndPatternOp {
    /** Rows of {@code left} read before the choice. */
    static final int LOOKAHEAD = 16_384;
    /** Under this many rows of {@code left}, ARQ's row-by-row evaluation costs less than reading the step whole. */
    static final int MIN_ROWS = 512;
    /** The fewest rows of {@code left} read ahead per solution of the step on its own, for it to be read whole. */
    static final int ROWS_PER_SOLUTION = 4;
    /** Set in a query's context to an {@code Integer} to change {@link #MIN_ROWS} (tests of small data). */
    static final Symbol MIN_ROWS_SYMBOL = Symbol.create("https://w3id.org/coop-kg/ontology#buildOnceJoinMinRows");

    BuildOnceJoin(Op left, Op pattern) {
        super("coopkg:hashjoin", left, pattern);
    }

    @Override
    public Op effectiveOp() {
        return OpSequence.create(left, pattern);
    }

    @Override
    public QueryIterator eval(QueryIterator input, ExecutionContext execCxt) {
        boolean fromTheTop = input.isJoinIdentity();
        QueryIterator rows = QC.execute(left, input, execCxt);
        if (!fromTheTop) return arqs(rows, execCxt);
        List<Var> keyVars = new ArrayList<>(OpVars.visibleVars(left));
        keyVars.retainAll(OpVars.visibleVars(pattern));
        // TDB2's union default graph is read from the named graphs' quads, in another order than a stored graph's.
        boolean keepsOrder = BuildOnceJoins.keepsOrderUnbound(pattern) && !execCxt.getContext().isTrue(TDB2.symUnionDefaultGraph);
        return new Rows(rows, keyVars, keepsOrder, execCxt);
    }

    /** ARQ's evaluation: the step looked up for each row. */
    private QueryIterator arqs(QueryIterator rows, ExecutionContext execCxt) {
        return QC.execute(pattern, rows, execCxt);
    }

    @Override
    protected RowsAndPatternOp over(Op left, Op pattern) {
        return new BuildOnceJoin(left, pattern);
    }

    @Override
    protected boolean sameSettings(RowsAndPatternOp other) {
        // Nothing tells two apart but their sides: whether the step keeps its order is read from it.
        return true;
    }

    /** The joined rows: after the choice, either the table's or ARQ's. */
    private final class Rows extends RowsInChunks {
        private final List<Var> keyVars;
        private final boolean keepsOrder;

        Rows(QueryIterator rows, List<Var> keyVars, boolean keepsOrder, ExecutionContext execCxt) {
            super(rows, execCxt);
            this.keyVars = keyVars;
            this.keepsOrder = keepsOrder;
        }

        /** All the rows, once the choice is made: it reads the input to its end. */
        @Override
        protected Iterator<Binding> nextChunk() {
            List<Binding> readAhead = new ArrayList<>();
            while (readAhead.size() < LOOKAHEAD && getInput().hasNext()) readAhead.add(getInput().next());
            Integer minRows = getExecContext().getContext().get(MIN_ROWS_SYMBOL);
            Table table = readAhead.size() < (minRows == null ? MIN_ROWS : minRows) ? null
                    : Table.build(pattern, keyVars, readAhead.size() / ROWS_PER_SOLUTION, !keepsOrder,
                            getExecContext(), iterator -> running = iterator);
            running = null;
            Iterator<Binding> rows = Iter.concat(readAhead.iterator(), getInput());
            if (table == null) {
                QueryIterator arqs = arqs(QueryIterPlainWrapper.create(rows, getExecContext()), getExecContext());
                running = arqs;
                return arqs;
            }
            return Iter.flatMap(rows, row -> table.join(row, getExecContext()));
        }
    }

    /** The pattern's solutions on their own, by their values of the variables it shares with the rows. */
    private record Table(Op pattern, List<Var> keyVars, Map<Object, List<Binding>> byKey) {
        /**
         * The table, or null when the pattern has more than {@code limit} solutions, a solution leaves a shared
         * variable unbound, or (with {@code onePerKey}) two solutions share their key.
         */
        static Table build(Op pattern, List<Var> keyVars, long limit, boolean onePerKey, ExecutionContext execCxt,
                java.util.function.Consumer<QueryIterator> running) {
            Map<Object, List<Binding>> byKey = new HashMap<>();
            QueryIterator solutions = QC.execute(pattern, QueryIterRoot.create(execCxt), execCxt);
            running.accept(solutions);
            try {
                long count = 0;
                while (solutions.hasNext()) {
                    if (++count > limit) return null;
                    Binding solution = solutions.next();
                    Object key = key(solution, keyVars);
                    if (key == null) return null;
                    List<Binding> same = byKey.computeIfAbsent(key, k -> new ArrayList<>(1));
                    if (onePerKey && !same.isEmpty()) return null;
                    same.add(solution);
                }
                return new Table(pattern, keyVars, byKey);
            } finally {
                solutions.close();
            }
        }

        /** The row's values of the variables: the value itself for one, a list for more; null if one is unbound. */
        private static Object key(Binding row, List<Var> vars) {
            if (vars.size() == 1) return row.get(vars.get(0));
            List<Node> key = new ArrayList<>(vars.size());
            for (Var v : vars) {
                Node n = row.get(v);
                if (n == null) return null;
                key.add(n);
            }
            return key;
        }

        /**
         * The row joined with its solutions. A row that leaves a shared variable unbound is evaluated as ARQ does,
         * the step given the row: its solutions are then not found by one key.
         */
        Iterator<Binding> join(Binding row, ExecutionContext execCxt) {
            Object key = key(row, keyVars);
            if (key == null) return QC.execute(pattern, QueryIterPlainWrapper.create(List.of(row).iterator(), execCxt), execCxt);
            List<Binding> solutions = byKey.getOrDefault(key, List.of());
            if (solutions.isEmpty()) return Collections.emptyIterator();
            List<Binding> joined = new ArrayList<>(solutions.size());
            for (Binding s : solutions) joined.add(Algebra.merge(row, s));
            return joined.iterator();
        }
    }
}

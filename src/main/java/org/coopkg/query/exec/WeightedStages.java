package org.coopkg.query.exec;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.main.StageGeneratorGeneric;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderTransformation;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderWeighted;
import org.coopkg.core.JoinStatistics;

/**
 * Basic graph patterns of an in-memory dataset matched in the order its statistics suggest ({@link JoinStatistics},
 * Jena's {@link ReorderWeighted}), where ARQ's generic stage uses a fixed order that knows nothing of the data.
 * TDB2 needs none of this: it reads the same statistics from {@code stats.opt}.
 */
final class WeightedStages extends StageGeneratorGeneric {
    private final ReorderTransformation reorder;

    private WeightedStages(ReorderTransformation reorder) {
        this.reorder = reorder;
    }

    /** The stages for data whose union (default) graph is {@code graph}. */
    static WeightedStages of(Graph graph) {
        return new WeightedStages(new ReorderWeighted(JoinStatistics.of(graph).matcher()));
    }

    @Override
    public QueryIterator execute(BasicPattern pattern, QueryIterator input, ExecutionContext execCxt) {
        return execute(pattern, reorder, input, execCxt);
    }
}

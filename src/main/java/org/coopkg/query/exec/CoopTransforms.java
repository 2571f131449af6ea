package org.coopkg.query.exec;

import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.util.Context;

/**
 * The rewrites coop-kg applies to ARQ's optimised plan, last: groups over an optional part aggregated once per value
 * of the shared variables ({@link GroupsOverOptionals}, first, as it reads ARQ's own operators), existence tests as batched joins
 * ({@link ExistenceJoins}), sequence steps evaluated once where they are small ({@link BuildOnceJoins}) and {@code ORDER BY} with keys computed once ({@link KeyedOrder}, unless the context asks
 * ARQ to spill large sorts to disk, which only ARQ's sort does).
 */
final class CoopTransforms {
    private CoopTransforms() {}

    static Op apply(Op op, Context context) {
        Op rewritten = Transformer.transform(new GroupsOverOptionals(), op);
        rewritten = Transformer.transform(new ExistenceJoins(), rewritten);
        rewritten = Transformer.transform(new BuildOnceJoins(), rewritten);
        if (context.get(ARQ.spillToDiskThreshold) == null) rewritten = Transformer.transform(new KeyedOrders(), rewritten);
        return rewritten;
    }

    private static final class KeyedOrders extends TransformCopy {
        @Override
        public Op transform(OpOrder order, Op sub) {
            return new KeyedOrder(sub, order.getConditions());
        }
    }
}

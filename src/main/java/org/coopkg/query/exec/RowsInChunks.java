package org.coopkg.query.exec;

import java.util.Collections;
import java.util.Iterator;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIter1;

/**
 * The rows of a {@link RowsAndPatternOp}: produced from its input rows a chunk at a time ({@link #nextChunk}), while
 * an evaluation of the pattern may be {@link #running}, which cancelling or closing the rows cancels or closes too.
 */
abstract class RowsInChunks extends QueryIter1 {
    private Iterator<Binding> chunk = Collections.emptyIterator();
    /** The pattern's evaluation under way, if any. */
    protected QueryIterator running;

    RowsInChunks(QueryIterator input, ExecutionContext execCxt) {
        super(input, execCxt);
    }

    /** The next rows out, read from the input (called while it has rows left). */
    protected abstract Iterator<Binding> nextChunk();

    @Override
    protected final boolean hasNextBinding() {
        while (!chunk.hasNext()) {
            if (!getInput().hasNext()) return false;
            chunk = nextChunk();
        }
        return true;
    }

    @Override
    protected final Binding moveToNextBinding() {
        return chunk.next();
    }

    @Override
    protected final void requestSubCancel() {
        QueryIterator r = running;
        if (r != null) r.cancel();
    }

    @Override
    protected final void closeSubIterator() {
        QueryIterator r = running;
        if (r != null) r.close();
        chunk = Collections.emptyIterator();
    }
}

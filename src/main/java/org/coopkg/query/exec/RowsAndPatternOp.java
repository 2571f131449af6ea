package org.coopkg.query.exec;

import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitor;
import org.apache.jena.sparql.algebra.Transform;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpExt;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.sparql.util.NodeIsomorphismMap;

/**
 * An operator of coop-kg's engine over the rows of {@code left} and a {@code pattern} evaluated for them: what ARQ's
 * algebra asks of such an extension (rewriting both sides, printing them, comparing), in one place. A subclass says
 * how to make itself again over rewritten sides and what else tells two of its kind apart.
 */
abstract class RowsAndPatternOp extends OpExt {
    protected final Op left;
    protected final Op pattern;

    RowsAndPatternOp(String name, Op left, Op pattern) {
        super(name);
        this.left = left;
        this.pattern = pattern;
    }

    /** The rows the pattern is evaluated for. */
    Op left() {
        return left;
    }

    /** The same operator over other sides. */
    protected abstract RowsAndPatternOp over(Op left, Op pattern);

    /** Whether {@code other}, of the same class, is the same operator apart from its sides. */
    protected abstract boolean sameSettings(RowsAndPatternOp other);

    @Override
    public Op apply(Transform transform, OpVisitor before, OpVisitor after) {
        return over(Transformer.transform(transform, left, before, after), Transformer.transform(transform, pattern, before, after));
    }

    @Override
    public Op apply(Transform transform) {
        return over(Transformer.transform(transform, left), Transformer.transform(transform, pattern));
    }

    @Override
    public void outputArgs(IndentedWriter out, SerializationContext sCxt) {
        out.println();
        left.output(out, sCxt);
        pattern.output(out, sCxt);
    }

    @Override
    public int hashCode() {
        return (getName().hashCode() * 31 + left.hashCode()) * 31 + pattern.hashCode();
    }

    @Override
    public boolean equalTo(Op other, NodeIsomorphismMap labelMap) {
        return other != null && other.getClass() == getClass() && sameSettings((RowsAndPatternOp) other)
                && left.equalTo(((RowsAndPatternOp) other).left, labelMap)
                && pattern.equalTo(((RowsAndPatternOp) other).pattern, labelMap);
    }
}

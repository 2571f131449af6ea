package org.coopkg.export;

import java.io.IOException;
import java.io.OutputStream;

import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.rio.trig.TriGWriter;

/** Rio's TriG writer with the literal fix of {@link ExactLiteralTurtleWriter}. */
final class ExactLiteralTriGWriter extends TriGWriter {
    ExactLiteralTriGWriter(OutputStream out) {
        super(out);
    }

    @Override
    protected void writeLiteral(Literal literal) throws IOException {
        if (!ExactLiteralTurtleWriter.writeQuotedIfRioWouldRewrite(literal, writer, this::writeURI)) {
            super.writeLiteral(literal);
        }
    }
}

package org.coopkg.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Set;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.datatypes.XMLDatatypeUtil;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.eclipse.rdf4j.rio.turtle.TurtleUtil;
import org.eclipse.rdf4j.rio.turtle.TurtleWriter;

/**
 * Rio's Turtle writer, except for one thing: pretty printing writes integers, decimals, doubles and
 * booleans as bare tokens in their <em>canonical</em> form, so {@code "042"^^xsd:integer} came back as
 * {@code "42"^^xsd:integer} — another RDF term. Here a literal whose lexical form is not canonical is
 * written quoted with its datatype; canonical ones stay bare ({@code 60}, {@code true}).
 */
final class ExactLiteralTurtleWriter extends TurtleWriter {
    private static final Set<IRI> ABBREVIATED = Set.of(XSD.INTEGER, XSD.DECIMAL, XSD.DOUBLE, XSD.BOOLEAN);

    @FunctionalInterface
    interface IriWriter {
        void write(IRI iri) throws IOException;
    }

    ExactLiteralTurtleWriter(OutputStream out) {
        super(out);
    }

    @Override
    protected void writeLiteral(Literal literal) throws IOException {
        if (!writeQuotedIfRioWouldRewrite(literal, writer, this::writeURI)) super.writeLiteral(literal);
    }

    /**
     * Writes {@code "lexical"^^datatype} and returns true if the pretty writer would have written another
     * lexical form; returns false, writing nothing, otherwise.
     */
    static boolean writeQuotedIfRioWouldRewrite(Literal literal, Writer writer, IriWriter iri) throws IOException {
        IRI datatype = literal.getDatatype();
        if (!ABBREVIATED.contains(datatype)) return false;
        String label = literal.getLabel();
        try {
            if (XMLDatatypeUtil.normalize(label, datatype).equals(label)) return false;
        } catch (IllegalArgumentException invalid) {
            return false; // not a valid number: Rio writes it quoted itself
        }
        writer.write("\"");
        writer.write(TurtleUtil.encodeString(label));
        writer.write("\"^^");
        iri.write(datatype);
        return true;
    }
}

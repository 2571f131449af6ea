package org.coopkg.export;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

/**
 * Turns Jena nodes into RDF4J values: IRIs as IRIs, blank nodes by label (the {@link CanonicalBlankNodes}
 * label, so the same node always gets the same RDF4J blank node), literals with their language tag or
 * datatype. A plain Jena literal is an {@code xsd:string}, which Rio's writers print without a datatype.
 *
 * <p>There is no maintained Jena↔RDF4J bridge for Jena 5 and RDF4J 5, hence this small one.
 */
public final class JenaToRioValues {
    private static final String LANG_STRING = RDF.langString.getURI();

    private final ValueFactory values = SimpleValueFactory.getInstance();
    private final CanonicalBlankNodes blanks;

    public JenaToRioValues(CanonicalBlankNodes blanks) {
        this.blanks = blanks;
    }

    public Value value(Node node) {
        if (node.isURI()) return values.createIRI(node.getURI());
        if (node.isBlank()) return blank(node);
        if (node.isLiteral()) return literal(node);
        throw new IllegalArgumentException("cannot export " + node + ": only IRIs, blank nodes and literals are "
                + "supported (no RDF-star triple terms or variables)");
    }

    public Resource resource(Node node) {
        if (node.isURI()) return values.createIRI(node.getURI());
        if (node.isBlank()) return blank(node);
        throw new IllegalArgumentException("cannot export " + node + " as a subject or graph name");
    }

    public IRI iri(Node node) {
        if (node.isURI()) return values.createIRI(node.getURI());
        throw new IllegalArgumentException("cannot export " + node + " as a predicate: predicates are IRIs");
    }

    /** A statement; {@code graph} null or a default-graph node means the default graph (no context). */
    public Statement statement(Node graph, Node subject, Node predicate, Node object) {
        Resource context = graph == null || org.apache.jena.sparql.core.Quad.isDefaultGraph(graph) ? null : resource(graph);
        return values.createStatement(resource(subject), iri(predicate), value(object), context);
    }

    private BNode blank(Node node) {
        return values.createBNode(blanks.label(node));
    }

    private Value literal(Node node) {
        String lexical = node.getLiteralLexicalForm();
        String language = node.getLiteralLanguage();
        if (node.getLiteralBaseDirection() != null) {
            throw new IllegalArgumentException("cannot export " + node + ": RDF 1.2 base directions are not "
                    + "supported by the RDF4J writers");
        }
        if (language != null && !language.isEmpty()) return values.createLiteral(lexical, language);
        String datatype = node.getLiteralDatatypeURI();
        if (datatype == null || datatype.equals(LANG_STRING)) return values.createLiteral(lexical);
        return values.createLiteral(lexical, values.createIRI(datatype));
    }
}

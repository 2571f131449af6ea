package org.coopkg.export;

import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.eclipse.rdf4j.rio.RDFHandler;

/**
 * A Jena {@link StreamRDF} that feeds an RDF4J Rio {@link RDFHandler} (a Rio writer, or a collector in
 * tests): whatever Jena can stream — a parser, a dataset — can be written by Rio. Triples go to the
 * default graph; quads keep their graph as the statement's context. Prefixes become namespaces; the base
 * is dropped, so every IRI is written absolute.
 */
public final class StreamRdfToRio implements StreamRDF {
    private final RDFHandler handler;
    private final JenaToRioValues values;

    public StreamRdfToRio(RDFHandler handler, JenaToRioValues values) {
        this.handler = handler;
        this.values = values;
    }

    @Override
    public void start() {
        handler.startRDF();
    }

    @Override
    public void triple(Triple triple) {
        handler.handleStatement(values.statement(null, triple.getSubject(), triple.getPredicate(), triple.getObject()));
    }

    @Override
    public void quad(Quad quad) {
        handler.handleStatement(values.statement(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject()));
    }

    @Override
    public void base(String base) {
        // Relative IRIs would tie the dump to one location; Rio writes every IRI in full.
    }

    @Override
    public void prefix(String prefix, String iri) {
        handler.handleNamespace(prefix, iri);
    }

    @Override
    public void version(String version) {
        // RDF 1.2 version announcements have no Rio counterpart.
    }

    @Override
    public void finish() {
        handler.endRDF();
    }
}

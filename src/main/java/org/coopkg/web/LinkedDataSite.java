package org.coopkg.web;

import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.core.CoopIris;
import org.coopkg.core.ExternalDataset;
import org.coopkg.core.Ontology;
import org.coopkg.export.DatasetDescription;

/**
 * The Linked Data side of coop-kg, registered on the Fuseki builder by {@link CoopModule}:
 * <ul>
 * <li>{@code /id/}, {@code /id/{kind}/}, {@code /id/{kind}/{id}[.ext]}: entity pages and RDF ({@link EntityServlet});</li>
 * <li>{@code /ontology[.ext]}: the ontology, documentation and RDF ({@link OntologyServlet});</li>
 * <li>{@code /.well-known/void}: VoID and DCAT ({@link DatasetDescription});</li>
 * <li>{@code GET /coop/sparql} (and {@code /coop/query}) without a query: the service description
 * ({@link ServiceDescriptionFilter}).</li>
 * </ul>
 * The paths are the ones the {@code {base}} IRIs have, so a reverse proxy that forwards {@code {base}…} to
 * the server's root serves the IRIs as they are.
 */
final class LinkedDataSite {
    private LinkedDataSite() {}

    /**
     * Registers the Linked Data servlets and the service description filter; the documents they serve are
     * computed in the background once {@code preparations} begin.
     */
    static void install(FusekiServer.Builder fuseki, Preparations preparations, DatasetGraph dataset, CoopIris iris) {
        Graph ontology = Ontology.graph();
        TermLabels terms = new TermLabels(ontology);
        KnowledgeGraphView view = new KnowledgeGraphView(dataset, iris);
        PrefixMapping prefixes = prefixes(dataset, ontology, iris);

        // Made in order of preparation cost (each prepares in the background, one after the other): the
        // ontology documents, then the service description and VoID, then the catalogue of every entity.
        OntologyServlet ontologyServlet = new OntologyServlet(preparations, ontology, terms);
        OntologyServlet.paths().forEach(path -> fuseki.addServlet(path, ontologyServlet));
        String endpoint = iris.sparqlEndpoint();
        GraphServlet serviceDescription = new GraphServlet(preparations, "the SPARQL service description",
                new ServiceDescription(dataset, iris)::graph, ServiceDescription.prefixes(),
                List.of(uri(endpoint + "#service"), uri(iris.voidDocument() + "#dataset"), uri(endpoint + "#default-graph")));
        ServiceDescriptionFilter describer = new ServiceDescriptionFilter(serviceDescription);
        fuseki.addServlet(CoopIris.VOID_PATH, new GraphServlet(preparations, "the dataset description (VoID)",
                new DatasetDescription(dataset, iris)::graph, DatasetDescription.prefixes(),
                List.of(uri(iris.voidDocument()), uri(iris.voidDocument() + "#dataset"))));
        fuseki.addFilter(CoopIris.SPARQL_PATH, describer);
        fuseki.addFilter(CoopIris.QUERY_PATH, describer);
        fuseki.addServlet(CoopIris.HOME_PATH + "*", new EntityServlet(view, terms, new EntityCatalog(preparations, view), prefixes));
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    /** The data's prefixes (the ontology's, {@code id:}) for readable Turtle, plus the ones links use. */
    private static PrefixMapping prefixes(DatasetGraph dataset, Graph ontology, CoopIris iris) {
        PrefixMapping p = PrefixMapping.Factory.create();
        p.setNsPrefixes(ontology.getPrefixMapping());
        dataset.prefixes().forEach(p::setNsPrefix);
        p.setNsPrefix(CoopIris.ENTITY_PREFIX, iris.entitySpace());
        p.setNsPrefix("wd", ExternalDataset.WIKIDATA.uriSpace());
        p.setNsPrefix("ror", ExternalDataset.ROR.uriSpace());
        p.setNsPrefix("assertion", iris.assertion(""));
        return p;
    }
}

package org.coopkg.web;

import org.coopkg.core.BaseIris;
import org.coopkg.export.DatasetDescription;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The SPARQL 1.1 Service Description of the endpoint, returned for {@code GET /coop/sparql} without a
 * query: SPARQL 1.1 Query only (there is no update), the result formats Fuseki negotiates, the union default
 * graph and federated {@code SERVICE}, and the default dataset, whose graphs are listed with their sizes and
 * which is the data set the VoID document describes ({@code rdfs:seeAlso} leads there).
 */
public final class ServiceDescription {
    /** Above this many per-row graphs, the description states their number instead of listing each. */
    static final long MAX_LISTED_ROW_GRAPHS = 1_000;
    public static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static final String FORMATS = "http://www.w3.org/ns/formats/";

    private final DatasetGraph dataset;
    private final BaseIris iris;
    private final String sparqlPath;

    public ServiceDescription(DatasetGraph dataset, String base, String sparqlPath) {
        this.dataset = dataset;
        this.iris = new BaseIris(base);
        this.sparqlPath = sparqlPath;
    }

    public Graph graph() {
        return dataset.supportsTransactions() && !dataset.isInTransaction() ? Txn.calculateRead(dataset, this::build) : build();
    }

    private Graph build() {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefixes(DatasetDescription.prefixes()).setNsPrefix("formats", FORMATS);
        String endpointIri = iris.sparqlEndpoint(sparqlPath);
        Node service = uri(endpointIri + "#service");
        Node ds = uri(iris.voidDocument() + "#dataset");
        add(g, service, RDF.type.asNode(), uri(SD + "Service"));
        add(g, service, uri(SD + "endpoint"), uri(endpointIri));
        add(g, service, uri(SD + "supportedLanguage"), uri(SD + "SPARQL11Query"));
        for (String f : List.of("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG", "N-Quads")) {
            add(g, service, uri(SD + "resultFormat"), uri(FORMATS + f));
        }
        add(g, service, uri(SD + "feature"), uri(SD + "UnionDefaultGraph"));
        add(g, service, uri(SD + "feature"), uri(SD + "BasicFederatedQuery"));
        add(g, service, uri(SD + "defaultDataset"), ds);
        add(g, service, RDFS.comment.asNode(), NodeFactory.createLiteralLang("Read-only: SPARQL 1.1 Query over GET or POST; "
                + "no update. The default graph is the union of all named graphs.", "en"));

        add(g, ds, RDF.type.asNode(), uri(SD + "Dataset"));
        add(g, ds, RDFS.seeAlso.asNode(), uri(iris.voidDocument()));
        Node defaultGraph = uri(endpointIri + "#default-graph");
        add(g, ds, uri(SD + "defaultGraph"), defaultGraph);
        add(g, defaultGraph, RDF.type.asNode(), uri(SD + "Graph"));
        add(g, defaultGraph, uri(DatasetDescription.VOID + "triples"), integer(dataset.getDefaultGraph().size()));
        String assertionSpace = iris.graphNames().assertion("");
        long rowGraphs = 0;
        for (var it = dataset.listGraphNodes(); it.hasNext(); ) {
            Node name = it.next();
            if (name.isURI() && name.getURI().startsWith(assertionSpace)) rowGraphs++;
        }
        // One description per graph is what a client browsing a small data set wants; a million of them (one
        // per curated row at scale) would make the description larger than the answers it is meant to guide.
        boolean listRowGraphs = rowGraphs <= MAX_LISTED_ROW_GRAPHS;
        if (!listRowGraphs) {
            add(g, ds, RDFS.comment.asNode(), NodeFactory.createLiteralLang("Besides the graphs listed, " + rowGraphs
                    + " named graphs, one per curated row (" + assertionSpace + "…), not listed one by one here: the "
                    + "dataset description (VoID) describes them together.", "en"));
        }
        for (var it = dataset.listGraphNodes(); it.hasNext(); ) {
            Node name = it.next();
            if (!name.isURI()) continue;
            String iri = name.getURI();
            if (!listRowGraphs && iri.startsWith(assertionSpace)) continue;
            String fragment = iri.startsWith(assertionSpace) ? "assertion-" + iri.substring(assertionSpace.length())
                    : iri.substring(iri.lastIndexOf('/') + 1);
            Node named = uri(endpointIri + "#graph-" + fragment);
            Node graph = uri(endpointIri + "#graph-" + fragment + "-content");
            add(g, ds, uri(SD + "namedGraph"), named);
            add(g, named, RDF.type.asNode(), uri(SD + "NamedGraph"));
            add(g, named, uri(SD + "name"), name);
            add(g, named, uri(SD + "graph"), graph);
            add(g, graph, RDF.type.asNode(), uri(SD + "Graph"));
            add(g, graph, uri(DatasetDescription.VOID + "triples"), integer(dataset.getGraph(name).size()));
        }
        return g;
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(Triple.create(s, p, o));
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }
}

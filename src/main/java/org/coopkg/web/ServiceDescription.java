package org.coopkg.web;


import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.coopkg.core.CoopIris;
import org.coopkg.core.Format;
import org.coopkg.core.vocab.Formats;
import org.coopkg.core.vocab.SD;
import org.coopkg.export.DatasetDescription;

/**
 * The SPARQL 1.1 Service Description of the endpoint, returned for {@code GET /coop/sparql} without a
 * query: SPARQL 1.1 Query only (there is no update), the result formats Fuseki negotiates, the union default
 * graph and federated {@code SERVICE}, and the default dataset, whose graphs are listed with their sizes and
 * which is the data set the VoID document describes ({@code rdfs:seeAlso} leads there).
 */
public final class ServiceDescription {
    /** Above this many per-row graphs, the description states their number instead of listing each. */
    static final long MAX_LISTED_ROW_GRAPHS = 1_000;

    private final DatasetGraph dataset;
    private final CoopIris iris;

    public ServiceDescription(DatasetGraph dataset, CoopIris iris) {
        this.dataset = dataset;
        this.iris = iris;
    }

    /** The prefixes of the description: those of VoID and DCAT, and the W3C format IRIs. */
    public static PrefixMapping prefixes() {
        return PrefixMapping.Factory.create().setNsPrefixes(DatasetDescription.prefixes()).setNsPrefix("formats", Formats.NS);
    }

    public Graph graph() {
        return dataset.supportsTransactions() && !dataset.isInTransaction() ? Txn.calculateRead(dataset, this::build) : build();
    }

    private Graph build() {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefixes(prefixes());
        String endpointIri = iris.sparqlEndpoint();
        Node service = uri(endpointIri + "#service");
        Node ds = uri(iris.voidDocument() + "#dataset");
        add(g, service, RDF.type.asNode(), SD.Service.asNode());
        add(g, service, SD.endpoint.asNode(), uri(endpointIri));
        add(g, service, SD.supportedLanguage.asNode(), SD.SPARQL11Query.asNode());
        // Every format with a W3C format IRI: the result formats and RDF syntaxes Fuseki negotiates.
        for (Format f : Format.values()) f.w3cIri().ifPresent(iri -> add(g, service, SD.resultFormat.asNode(), uri(iri)));
        add(g, service, SD.feature.asNode(), SD.UnionDefaultGraph.asNode());
        add(g, service, SD.feature.asNode(), SD.BasicFederatedQuery.asNode());
        add(g, service, SD.defaultDataset.asNode(), ds);
        add(g, service, RDFS.comment.asNode(), NodeFactory.createLiteralLang("Read-only: SPARQL 1.1 Query over GET or POST; "
                + "no update. The default graph is the union of all named graphs.", "en"));

        add(g, ds, RDF.type.asNode(), SD.Dataset.asNode());
        add(g, ds, RDFS.seeAlso.asNode(), uri(iris.voidDocument()));
        Node defaultGraph = uri(endpointIri + "#default-graph");
        add(g, ds, SD.defaultGraph.asNode(), defaultGraph);
        add(g, defaultGraph, RDF.type.asNode(), SD.Graph.asNode());
        add(g, defaultGraph, VOID.triples.asNode(), integer(dataset.getDefaultGraph().size()));
        String assertionSpace = iris.assertionSpace();
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
            add(g, ds, SD.namedGraph.asNode(), named);
            add(g, named, RDF.type.asNode(), SD.NamedGraph.asNode());
            add(g, named, SD.name.asNode(), name);
            add(g, named, SD.graph.asNode(), graph);
            add(g, graph, RDF.type.asNode(), SD.Graph.asNode());
            add(g, graph, VOID.triples.asNode(), integer(dataset.getGraph(name).size()));
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

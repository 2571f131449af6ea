package org.coopkg.export;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VOID;
import org.coopkg.core.CoopIris;
import org.coopkg.core.ExternalDataset;
import org.coopkg.core.Format;
import org.coopkg.core.LinkPredicate;
import org.coopkg.core.Sha256;
import org.coopkg.core.vocab.Coop;
import org.coopkg.core.vocab.SD;

/**
 * The VoID and DCAT description of the loaded data set, as a Jena graph, usable without the server (a dump
 * can include it). Everything that can be counted is counted from the data when the graph is made, by
 * reading the union default graph directly: triples, entities, distinct subjects and objects, classes and
 * properties, a {@code void:classPartition} per class (with {@code void:entities}) and a
 * {@code void:propertyPartition} per property (with {@code void:triples}), the named graphs as subsets,
 * and one {@code void:Linkset} per outside data set and link property (owl:sameAs, skos:exactMatch,
 * skos:closeMatch) with its link count.
 *
 * <p>Licence, creator and creation date are the ontology header's ({@code dcterms:license},
 * {@code dcterms:creator}, {@code dcterms:created}): data and ontology are published together. There is
 * no modification date: the RDF records no date of its last edit, and a guessed date would be a claim
 * the data cannot back.
 *
 * <p>IRIs are fragments of the VoID document ({@code {base}.well-known/void#dataset},
 * {@code …#class-coop-University}), not blank nodes, so that every serialisation is stable.
 */
public final class DatasetDescription {
    private static final Node ONTOLOGY = Coop.ONTOLOGY.asNode();
    /** The syntaxes the entity IRIs answer in that VoID names as features. */
    private static final List<Format> FEATURES = List.of(Format.TURTLE, Format.JSONLD, Format.RDFXML, Format.NTRIPLES);

    private final DatasetGraph dataset;
    private final CoopIris iris;

    /**
     * @param dataset the loaded dataset (default graph = union of the named graphs)
     * @param iris    the IRIs of the base the data was loaded with
     */
    public DatasetDescription(DatasetGraph dataset, CoopIris iris) {
        this.dataset = dataset;
        this.iris = iris;
    }

    public String documentIri() {
        return iris.voidDocument();
    }

    public String datasetIri() {
        return iris.voidDocument() + "#dataset";
    }

    public static PrefixMapping prefixes() {
        return PrefixMapping.Factory.create()
                .setNsPrefix("void", VOID.NS).setNsPrefix("dcat", DCAT.NS).setNsPrefix("dcterms", DCTerms.NS)
                .setNsPrefix("foaf", FOAF.NS).setNsPrefix("xsd", XSDDatatype.XSD + "#").setNsPrefix("rdfs", RDFS.uri)
                .setNsPrefix("owl", OWL.NS).setNsPrefix("skos", SKOS.uri).setNsPrefix("coop", Coop.NS)
                .setNsPrefix("sd", SD.NS);
    }

    /** The description, computed now from the data. */
    public Graph graph() {
        return dataset.supportsTransactions() && !dataset.isInTransaction() ? Txn.calculateRead(dataset, this::build) : build();
    }

    private Graph build() {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefixes(prefixes());
        UnionCounts counts = UnionCounts.of(dataset.getDefaultGraph(), iris);
        Node doc = uri(documentIri());
        Node ds = uri(datasetIri());
        Node publisher = uri(documentIri() + "#publisher");
        Node service = uri(documentIri() + "#sparql-service");
        Node endpoint = uri(iris.sparqlEndpoint());

        add(g, doc, RDF.type.asNode(), VOID.DatasetDescription.asNode());
        add(g, doc, DCTerms.title.asNode(), en("Description of the coop-kg data set"));
        add(g, doc, FOAF.primaryTopic.asNode(), ds);

        add(g, ds, RDF.type.asNode(), VOID.Dataset.asNode());
        add(g, ds, RDF.type.asNode(), DCAT.Dataset.asNode());
        add(g, ds, DCTerms.title.asNode(), en("coop-kg: international science and technology cooperation"));
        add(g, ds, DCTerms.description.asNode(), en("A knowledge graph of international science and technology "
                + "cooperation: institutions, people and their posts, facilities and instruments, programmes and "
                + "projects, agreements and their parties, joint laboratories, events, places and headline figures. "
                + "Every curated statement is in the named graph of its row, which records the source document and "
                + "the quote that states it; inferences from the ontology are in a graph of their own."));
        literal(ONTOLOGY, DCTerms.license.asNode()).ifPresent(l -> add(g, ds, DCTerms.license.asNode(), l));
        literal(ONTOLOGY, DCTerms.creator.asNode()).ifPresent(c -> {
            add(g, ds, DCTerms.publisher.asNode(), publisher);
            add(g, ds, DCTerms.creator.asNode(), publisher);
            add(g, publisher, RDF.type.asNode(), FOAF.Organization.asNode());
            add(g, publisher, FOAF.name.asNode(), c);
        });
        literal(ONTOLOGY, DCTerms.created.asNode()).ifPresent(c -> add(g, ds, DCTerms.created.asNode(), c));
        add(g, ds, DCTerms.language.asNode(), uri("http://id.loc.gov/vocabulary/iso639-1/en"));
        for (String keyword : List.of("science and technology cooperation", "international cooperation",
                "big science", "research infrastructure", "provenance")) {
            add(g, ds, DCAT.keyword.asNode(), en(keyword));
        }
        add(g, ds, DCAT.landingPage.asNode(), uri(iris.entitySpace()));
        add(g, ds, FOAF.homepage.asNode(), uri(iris.entitySpace()));
        add(g, ds, VOID.sparqlEndpoint.asNode(), endpoint);
        add(g, ds, VOID.uriSpace.asNode(), NodeFactory.createLiteralString(iris.entitySpace()));
        FEATURES.forEach(f -> add(g, ds, VOID.feature.asNode(), uri(f.w3cIri().orElseThrow())));
        add(g, ds, VOID.rootResource.asNode(), uri(iris.entitySpace()));
        add(g, ds, VOID.vocabulary.asNode(), Coop.NAMESPACE.asNode());
        add(g, ds, DCTerms.conformsTo.asNode(), ONTOLOGY);
        sources().forEach(s -> add(g, ds, DCTerms.source.asNode(), s));
        examples().forEach(e -> add(g, ds, VOID.exampleResource.asNode(), e));

        add(g, ds, VOID.triples.asNode(), integer(counts.triples()));
        add(g, ds, VOID.entities.asNode(), integer(counts.entities()));
        add(g, ds, VOID.distinctSubjects.asNode(), integer(counts.subjects()));
        add(g, ds, VOID.distinctObjects.asNode(), integer(counts.objects()));
        add(g, ds, VOID.properties.asNode(), integer(counts.byProperty().size()));
        add(g, ds, VOID.classes.asNode(), integer(counts.instances().size()));

        Set<String> vocabularies = new java.util.TreeSet<>();
        new TreeMap<>(counts.instances().entrySet().stream().filter(e -> e.getKey().isURI())
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().getURI(), e -> e.getValue().size())))
                .forEach((cls, n) -> {
                    Node part = uri(documentIri() + "#class-" + fragment(cls));
                    add(g, ds, VOID.classPartition.asNode(), part);
                    add(g, part, VOID._class.asNode(), uri(cls));
                    add(g, part, VOID.entities.asNode(), integer(n));
                });
        new TreeMap<>(counts.byProperty().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().getURI(), Map.Entry::getValue)))
                .forEach((p, n) -> {
                    Node part = uri(documentIri() + "#property-" + fragment(p));
                    add(g, ds, VOID.propertyPartition.asNode(), part);
                    add(g, part, VOID.property.asNode(), uri(p));
                    add(g, part, VOID.triples.asNode(), integer(n));
                    vocabularies.add(namespace(p));
                });
        vocabularies.forEach(v -> add(g, ds, VOID.vocabulary.asNode(), uri(v)));

        subsets(g, ds);
        linksets(g, ds, counts);

        add(g, service, RDF.type.asNode(), DCAT.DataService.asNode());
        add(g, service, DCTerms.title.asNode(), en("coop-kg SPARQL endpoint"));
        add(g, service, DCAT.endpointURL.asNode(), endpoint);
        add(g, service, DCAT.endpointDescription.asNode(), endpoint);
        add(g, service, DCAT.servesDataset.asNode(), ds);
        add(g, service, DCTerms.conformsTo.asNode(), uri("https://www.w3.org/TR/sparql11-protocol/"));
        add(g, ds, DCAT.distribution.asNode(), uri(documentIri() + "#sparql-distribution"));
        Node distribution = uri(documentIri() + "#sparql-distribution");
        add(g, distribution, RDF.type.asNode(), DCAT.Distribution.asNode());
        add(g, distribution, DCTerms.title.asNode(), en("SPARQL 1.1 query endpoint"));
        add(g, distribution, DCAT.accessURL.asNode(), endpoint);
        add(g, distribution, DCAT.accessService.asNode(), service);
        literal(ONTOLOGY, DCTerms.license.asNode()).ifPresent(l -> add(g, distribution, DCTerms.license.asNode(), l));
        return g;
    }

    /** The named graphs other than the per-row ones, and all per-row graphs together, each with its size. */
    private void subsets(Graph g, Node ds) {
        for (String name : List.of("metadata", "ontology", "inferred")) {
            String graphIri = iris.graph(name);
            Node subset = uri(documentIri() + "#graph-" + name);
            add(g, ds, VOID.subset.asNode(), subset);
            add(g, subset, RDF.type.asNode(), VOID.Dataset.asNode());
            add(g, subset, SD.name.asNode(), uri(graphIri));
            add(g, subset, VOID.triples.asNode(), integer(dataset.getGraph(uri(graphIri)).size()));
        }
        Node rows = uri(documentIri() + "#graph-assertions");
        Set<Node> implied = new HashSet<>();
        dataset.find(uri(iris.metadataGraph()), Node.ANY, Coop.support.asNode(), Coop.Implied.asNode())
                .forEachRemaining(q -> implied.add(q.getSubject()));
        long[] graphs = new long[2];
        long[] triples = new long[2];
        String assertionSpace = iris.assertionSpace();
        for (var it = dataset.listGraphNodes(); it.hasNext(); ) {
            Node graph = it.next();
            if (graph.isURI() && graph.getURI().startsWith(assertionSpace)) {
                int level = implied.contains(graph) ? 1 : 0;
                graphs[level]++;
                triples[level] += dataset.getGraph(graph).size();
            }
        }
        add(g, ds, VOID.subset.asNode(), rows);
        add(g, rows, RDF.type.asNode(), VOID.Dataset.asNode());
        add(g, rows, DCTerms.description.asNode(), en("The curated statements: " + (graphs[0] + graphs[1]) + " named graphs, one per "
                + "curated row, IRIs " + assertionSpace + "{kind}-{id}"));
        add(g, rows, VOID.triples.asNode(), integer(triples[0] + triples[1]));
        supportSubset(g, rows, Coop.Stated, graphs[0], triples[0], "whose evidence quotes state them");
        supportSubset(g, rows, Coop.Implied, graphs[1], triples[1],
                "that the curator reads from their quotes in context (each with a curator note saying why)");
    }

    /** The curated statements of one support level: the rows marked so ({@code coop:support}) and their triples. */
    private void supportSubset(Graph g, Node rows, Resource level, long graphs, long triples, String what) {
        Node subset = uri(documentIri() + "#graph-assertions-" + level.getLocalName().toLowerCase(Locale.ROOT));
        add(g, rows, VOID.subset.asNode(), subset);
        add(g, subset, RDF.type.asNode(), VOID.Dataset.asNode());
        add(g, subset, DCTerms.subject.asNode(), level.asNode());
        add(g, subset, DCTerms.description.asNode(), en("The curated statements " + what + ": " + graphs
                + " rows (named graphs whose coop:support is coop:" + level.getLocalName() + ")"));
        add(g, subset, VOID.triples.asNode(), integer(triples));
    }

    private void linksets(Graph g, Node ds, UnionCounts counts) {
        for (ExternalDataset target : ExternalDataset.values()) {
            Node targetNode = uri(documentIri() + "#" + target.id());
            boolean any = false;
            for (LinkPredicate link : LinkPredicate.values()) {
                Node predicate = link.node();
                Long n = counts.links().get(target.id() + " " + predicate.getURI());
                if (n == null) continue;
                any = true;
                Node linkset = uri(documentIri() + "#links-" + target.id() + "-" + link.match());
                add(g, ds, VOID.subset.asNode(), linkset);
                add(g, linkset, RDF.type.asNode(), VOID.Linkset.asNode());
                add(g, linkset, DCTerms.title.asNode(), en("Links to " + target.title() + " ("
                        + g.getPrefixMapping().shortForm(predicate.getURI()) + ")"));
                add(g, linkset, VOID.subjectsTarget.asNode(), ds);
                add(g, linkset, VOID.objectsTarget.asNode(), targetNode);
                add(g, linkset, VOID.linkPredicate.asNode(), predicate);
                add(g, linkset, VOID.triples.asNode(), integer(n));
            }
            if (!any) continue;
            add(g, targetNode, RDF.type.asNode(), VOID.Dataset.asNode());
            add(g, targetNode, DCTerms.title.asNode(), en(target.title()));
            add(g, targetNode, FOAF.homepage.asNode(), uri(target.homepage()));
            add(g, targetNode, VOID.uriSpace.asNode(), NodeFactory.createLiteralString(target.uriSpace()));
        }
    }

    /** Documents the curated statements come from (articles and their sections), not verification pages. */
    private List<Node> sources() {
        Set<Node> sources = new java.util.TreeSet<>(java.util.Comparator.comparing(Node::getURI));
        dataset.getDefaultGraph().find(Node.ANY, RDF.type.asNode(), Coop.Article.asNode()).forEachRemaining(t -> sources.add(t.getSubject()));
        return List.copyOf(sources);
    }

    /**
     * Example resources, chosen by rule rather than by hand: for the organisation, person and project kinds,
     * the entity with the most curated statements about it (ties to the first IRI).
     */
    private List<Node> examples() {
        Map<String, Node> best = new TreeMap<>();
        Map<Node, Long> statements = new HashMap<>();
        String assertionSpace = iris.assertionSpace();
        dataset.find().forEachRemaining(q -> {
            if (q.getGraph().isURI() && q.getGraph().getURI().startsWith(assertionSpace)) {
                statements.merge(q.getSubject(), 1L, Long::sum);
            }
        });
        for (String kind : List.of("organisation", "person", "project")) {
            statements.entrySet().stream()
                    .filter(e -> e.getKey().isURI() && iris.kindOf(e.getKey().getURI()).filter(kind::equals).isPresent())
                    .sorted(Map.Entry.<Node, Long>comparingByValue().reversed().thenComparing(e -> e.getKey().getURI()))
                    .findFirst().ifPresent(e -> best.put(kind, e.getKey()));
        }
        return List.copyOf(best.values());
    }

    private Optional<Node> literal(Node s, Node p) {
        var it = dataset.getDefaultGraph().find(s, p, Node.ANY);
        try {
            return it.hasNext() ? Optional.of(it.next().getObject()) : Optional.empty();
        } finally {
            it.close();
        }
    }

    /** {@code coop-University} from the dataset's prefixes; a hash where no prefix fits. */
    private String fragment(String iri) {
        PrefixMap map = dataset.prefixes();
        var abbrev = map.abbrev(iri);
        if (abbrev != null && abbrev.getRight().matches("[A-Za-z0-9_-]+") && abbrev.getLeft().matches("[A-Za-z0-9_-]*")) {
            return (abbrev.getLeft().isEmpty() ? "base" : abbrev.getLeft()) + "-" + abbrev.getRight();
        }
        return "h" + Sha256.hex(iri, 6);
    }

    private static String namespace(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return iri.substring(0, cut + 1);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(Triple.create(s, p, o));
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node en(String text) {
        return NodeFactory.createLiteralLang(text, "en");
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }
}

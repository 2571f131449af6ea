package org.coopkg.export;

import org.coopkg.core.BaseIris;
import org.coopkg.core.ExternalDataset;
import org.coopkg.web.ServiceDescription;
import org.coopkg.web.TermLabels;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.coopkg.core.GraphNames;
import org.coopkg.core.Sha256;
import org.coopkg.core.vocab.Coop;

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
    public static final String VOID = "http://rdfs.org/ns/void#";
    public static final String DCAT = "http://www.w3.org/ns/dcat#";
    public static final String FOAF = "http://xmlns.com/foaf/0.1/";
    private static final Node ONTOLOGY = NodeFactory.createURI(Coop.ONTOLOGY_IRI);
    private static final List<Node> LINK_PREDICATES = List.of(OWL.sameAs.asNode(), SKOS.exactMatch.asNode(), SKOS.closeMatch.asNode());

    private final DatasetGraph dataset;
    private final BaseIris iris;
    private final String sparqlPath;

    /**
     * @param dataset    the loaded dataset (default graph = union of the named graphs)
     * @param base       the base IRI the data was loaded with
     * @param sparqlPath the endpoint's path under the base, e.g. {@code /coop/sparql}
     */
    public DatasetDescription(DatasetGraph dataset, String base, String sparqlPath) {
        this.dataset = dataset;
        this.iris = new BaseIris(base);
        this.sparqlPath = sparqlPath;
    }

    public String documentIri() {
        return iris.voidDocument();
    }

    public String datasetIri() {
        return iris.voidDocument() + "#dataset";
    }

    public static PrefixMapping prefixes() {
        return PrefixMapping.Factory.create()
                .setNsPrefix("void", VOID).setNsPrefix("dcat", DCAT).setNsPrefix("dcterms", DCTerms.NS)
                .setNsPrefix("foaf", FOAF).setNsPrefix("xsd", XSDDatatype.XSD + "#").setNsPrefix("rdfs", RDFS.uri)
                .setNsPrefix("owl", OWL.NS).setNsPrefix("skos", SKOS.uri).setNsPrefix("coop", Coop.NS)
                .setNsPrefix("sd", ServiceDescription.SD);
    }

    /** The description, computed now from the data. */
    public Graph graph() {
        return dataset.supportsTransactions() && !dataset.isInTransaction() ? Txn.calculateRead(dataset, this::build) : build();
    }

    /** The counts taken from the union default graph in one pass. */
    private record Counts(long triples, long entities, long subjects, long objects,
                          Map<Node, Long> byProperty, Map<Node, Set<Node>> instances, Map<String, Long> links) {}

    private Counts count() {
        Graph union = dataset.getDefaultGraph();
        Set<Node> subjects = new HashSet<>();
        Set<Node> objects = new HashSet<>();
        Set<Node> entities = new HashSet<>();
        Map<Node, Long> byProperty = new HashMap<>();
        Map<Node, Set<Node>> instances = new HashMap<>();
        Map<String, Long> links = new TreeMap<>();
        long[] triples = {0};
        union.find().forEachRemaining(t -> {
            triples[0]++;
            subjects.add(t.getSubject());
            objects.add(t.getObject());
            byProperty.merge(t.getPredicate(), 1L, Long::sum);
            if (iris.isEntity(t.getSubject())) entities.add(t.getSubject());
            if (t.getPredicate().equals(RDF.type.asNode())) {
                instances.computeIfAbsent(t.getObject(), k -> new HashSet<>()).add(t.getSubject());
            }
            if (LINK_PREDICATES.contains(t.getPredicate()) && t.getObject().isURI()) {
                ExternalDataset.of(t.getObject().getURI()).ifPresent(d ->
                        links.merge(d.id() + " " + t.getPredicate().getURI(), 1L, Long::sum));
            }
        });
        return new Counts(triples[0], entities.size(), subjects.size(), objects.size(), byProperty, instances, links);
    }

    private Graph build() {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefixes(prefixes());
        Counts counts = count();
        Node doc = uri(documentIri());
        Node ds = uri(datasetIri());
        Node publisher = uri(documentIri() + "#publisher");
        Node service = uri(documentIri() + "#sparql-service");
        Node endpoint = uri(iris.sparqlEndpoint(sparqlPath));

        add(g, doc, RDF.type.asNode(), uri(VOID + "DatasetDescription"));
        add(g, doc, DCTerms.title.asNode(), en("Description of the coop-kg data set"));
        add(g, doc, uri(FOAF + "primaryTopic"), ds);

        add(g, ds, RDF.type.asNode(), uri(VOID + "Dataset"));
        add(g, ds, RDF.type.asNode(), uri(DCAT + "Dataset"));
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
            add(g, publisher, RDF.type.asNode(), uri(FOAF + "Organization"));
            add(g, publisher, uri(FOAF + "name"), c);
        });
        literal(ONTOLOGY, DCTerms.created.asNode()).ifPresent(c -> add(g, ds, DCTerms.created.asNode(), c));
        add(g, ds, DCTerms.language.asNode(), uri("http://id.loc.gov/vocabulary/iso639-1/en"));
        for (String keyword : List.of("science and technology cooperation", "international cooperation",
                "big science", "research infrastructure", "provenance")) {
            add(g, ds, uri(DCAT + "keyword"), en(keyword));
        }
        add(g, ds, uri(DCAT + "landingPage"), uri(iris.entitySpace()));
        add(g, ds, uri(FOAF + "homepage"), uri(iris.entitySpace()));
        add(g, ds, uri(VOID + "sparqlEndpoint"), endpoint);
        add(g, ds, uri(VOID + "uriSpace"), NodeFactory.createLiteralString(iris.entitySpace()));
        add(g, ds, uri(VOID + "feature"), uri("http://www.w3.org/ns/formats/Turtle"));
        add(g, ds, uri(VOID + "feature"), uri("http://www.w3.org/ns/formats/JSON-LD"));
        add(g, ds, uri(VOID + "feature"), uri("http://www.w3.org/ns/formats/RDF_XML"));
        add(g, ds, uri(VOID + "feature"), uri("http://www.w3.org/ns/formats/N-Triples"));
        add(g, ds, uri(VOID + "rootResource"), uri(iris.entitySpace()));
        add(g, ds, uri(VOID + "vocabulary"), uri(Coop.NS));
        add(g, ds, DCTerms.conformsTo.asNode(), ONTOLOGY);
        sources().forEach(s -> add(g, ds, DCTerms.source.asNode(), s));
        examples().forEach(e -> add(g, ds, uri(VOID + "exampleResource"), e));

        add(g, ds, uri(VOID + "triples"), integer(counts.triples()));
        add(g, ds, uri(VOID + "entities"), integer(counts.entities()));
        add(g, ds, uri(VOID + "distinctSubjects"), integer(counts.subjects()));
        add(g, ds, uri(VOID + "distinctObjects"), integer(counts.objects()));
        add(g, ds, uri(VOID + "properties"), integer(counts.byProperty().size()));
        add(g, ds, uri(VOID + "classes"), integer(counts.instances().size()));

        Set<String> vocabularies = new java.util.TreeSet<>();
        new TreeMap<>(counts.instances().entrySet().stream().filter(e -> e.getKey().isURI())
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().getURI(), e -> e.getValue().size())))
                .forEach((cls, n) -> {
                    Node part = uri(documentIri() + "#class-" + fragment(cls));
                    add(g, ds, uri(VOID + "classPartition"), part);
                    add(g, part, uri(VOID + "class"), uri(cls));
                    add(g, part, uri(VOID + "entities"), integer(n));
                });
        new TreeMap<>(counts.byProperty().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().getURI(), Map.Entry::getValue)))
                .forEach((p, n) -> {
                    Node part = uri(documentIri() + "#property-" + fragment(p));
                    add(g, ds, uri(VOID + "propertyPartition"), part);
                    add(g, part, uri(VOID + "property"), uri(p));
                    add(g, part, uri(VOID + "triples"), integer(n));
                    vocabularies.add(namespace(p));
                });
        vocabularies.forEach(v -> add(g, ds, uri(VOID + "vocabulary"), uri(v)));

        subsets(g, ds);
        linksets(g, ds, counts);

        add(g, service, RDF.type.asNode(), uri(DCAT + "DataService"));
        add(g, service, DCTerms.title.asNode(), en("coop-kg SPARQL endpoint"));
        add(g, service, uri(DCAT + "endpointURL"), endpoint);
        add(g, service, uri(DCAT + "endpointDescription"), endpoint);
        add(g, service, uri(DCAT + "servesDataset"), ds);
        add(g, service, DCTerms.conformsTo.asNode(), uri("https://www.w3.org/TR/sparql11-protocol/"));
        add(g, ds, uri(DCAT + "distribution"), uri(documentIri() + "#sparql-distribution"));
        Node distribution = uri(documentIri() + "#sparql-distribution");
        add(g, distribution, RDF.type.asNode(), uri(DCAT + "Distribution"));
        add(g, distribution, DCTerms.title.asNode(), en("SPARQL 1.1 query endpoint"));
        add(g, distribution, uri(DCAT + "accessURL"), endpoint);
        add(g, distribution, uri(DCAT + "accessService"), service);
        literal(ONTOLOGY, DCTerms.license.asNode()).ifPresent(l -> add(g, distribution, DCTerms.license.asNode(), l));
        return g;
    }

    /** The named graphs other than the per-row ones, and all per-row graphs together, each with its size. */
    private void subsets(Graph g, Node ds) {
        GraphNames names = iris.graphNames();
        Map<String, String> special = new java.util.LinkedHashMap<>();
        special.put("metadata", names.metadataGraph());
        special.put("ontology", names.ontologyGraph());
        special.put("inferred", names.inferredGraph());
        special.forEach((name, graphIri) -> {
            Node subset = uri(documentIri() + "#graph-" + name);
            add(g, ds, uri(VOID + "subset"), subset);
            add(g, subset, RDF.type.asNode(), uri(VOID + "Dataset"));
            add(g, subset, uri(ServiceDescription.SD + "name"), uri(graphIri));
            add(g, subset, uri(VOID + "triples"), integer(dataset.getGraph(uri(graphIri)).size()));
        });
        Node rows = uri(documentIri() + "#graph-assertions");
        long rowGraphs = 0;
        long rowTriples = 0;
        String assertionSpace = names.assertion("");
        for (var it = dataset.listGraphNodes(); it.hasNext(); ) {
            Node graph = it.next();
            if (graph.isURI() && graph.getURI().startsWith(assertionSpace)) {
                rowGraphs++;
                rowTriples += dataset.getGraph(graph).size();
            }
        }
        add(g, ds, uri(VOID + "subset"), rows);
        add(g, rows, RDF.type.asNode(), uri(VOID + "Dataset"));
        add(g, rows, DCTerms.description.asNode(), en("The curated statements: " + rowGraphs + " named graphs, one per "
                + "curated row, IRIs " + assertionSpace + "{kind}-{id}"));
        add(g, rows, uri(VOID + "triples"), integer(rowTriples));
    }

    private void linksets(Graph g, Node ds, Counts counts) {
        for (ExternalDataset target : ExternalDataset.values()) {
            Node targetNode = uri(documentIri() + "#" + target.id());
            boolean any = false;
            for (Node predicate : LINK_PREDICATES) {
                Long n = counts.links().get(target.id() + " " + predicate.getURI());
                if (n == null) continue;
                any = true;
                Node linkset = uri(documentIri() + "#links-" + target.id() + "-" + TermLabels.localName(predicate.getURI()));
                add(g, ds, uri(VOID + "subset"), linkset);
                add(g, linkset, RDF.type.asNode(), uri(VOID + "Linkset"));
                add(g, linkset, DCTerms.title.asNode(), en("Links to " + target.title() + " ("
                        + g.getPrefixMapping().shortForm(predicate.getURI()) + ")"));
                add(g, linkset, uri(VOID + "subjectsTarget"), ds);
                add(g, linkset, uri(VOID + "objectsTarget"), targetNode);
                add(g, linkset, uri(VOID + "linkPredicate"), predicate);
                add(g, linkset, uri(VOID + "triples"), integer(n));
            }
            if (!any) continue;
            add(g, targetNode, RDF.type.asNode(), uri(VOID + "Dataset"));
            add(g, targetNode, DCTerms.title.asNode(), en(target.title()));
            add(g, targetNode, uri(FOAF + "homepage"), uri(target.homepage()));
            add(g, targetNode, uri(VOID + "uriSpace"), NodeFactory.createLiteralString(target.uriSpace()));
        }
    }

    /** Documents the curated statements come from (articles and their sections), not verification pages. */
    private List<Node> sources() {
        Set<Node> sources = new java.util.TreeSet<>(java.util.Comparator.comparing(Node::getURI));
        dataset.getDefaultGraph().find(Node.ANY, RDF.type.asNode(), uri(Coop.NS + "Article")).forEachRemaining(t -> sources.add(t.getSubject()));
        return List.copyOf(sources);
    }

    /**
     * Example resources, chosen by rule rather than by hand: for the organisation, person and project kinds,
     * the entity with the most curated statements about it (ties to the first IRI).
     */
    private List<Node> examples() {
        Map<String, Node> best = new TreeMap<>();
        Map<Node, Long> statements = new HashMap<>();
        GraphNames names = iris.graphNames();
        String assertionSpace = names.assertion("");
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

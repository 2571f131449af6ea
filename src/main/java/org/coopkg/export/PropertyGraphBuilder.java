package org.coopkg.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.coopkg.core.CoopIris;
import org.coopkg.core.LabelOrder;
import org.coopkg.core.vocab.Coop;
import org.coopkg.export.PropertyGraph.AttributeKey;
import org.coopkg.export.PropertyGraph.Edge;
import org.coopkg.export.PropertyGraph.Entity;
import org.coopkg.export.PropertyGraph.ValueType;
import org.coopkg.load.CuratedSchema;

/**
 * Derives the {@link PropertyGraph} that network tools (Gephi, yEd, Cytoscape, NetworkX, Neo4j) want from
 * the RDF dataset. The decisions, and why:
 *
 * <ul>
 * <li><b>Nodes</b> are the curated entities, the IRIs {@code {base}id/{kind}/{slug}} of the kinds of
 * {@link CuratedSchema#kinds()} (place, organisation, person, post, facility, project, agreement, party,
 * lab, event, figure, concept, source). {@code kind} is the IRI's kind segment; {@code type} the most
 * specific coop class asserted for the entity (e.g. {@code University}).</li>
 * <li><b>Asserted statements only</b>: the per-row graphs and the metadata graph, not the inferred graph,
 * so that each curated fact is one edge and tools do not count inverse, super-property and transitive
 * copies of it. The exception is the two shortcuts below.</li>
 * <li><b>N-ary nodes are kept as nodes.</b> A {@code coop:Post} (person → post → organisation, with role,
 * title and dates) and a {@code coop:AgreementParty} (agreement → party → organisation, with the party's
 * role) stay nodes of kind {@code post} and {@code party}: folding them into one edge would lose posts held
 * at a facility or without an organisation, and the one-row-one-node correspondence with the curated CSV.
 * So that degree and path measures still see who works where and who signed what, the ontology's own
 * property chains over them are added as direct edges with {@code inferred = true}: {@code coop:affiliatedWith}
 * (person → organisation, = holds/postIn) and {@code coop:agreementParty} (agreement → party entity, =
 * hasParty/party), taken from the inferred graph. Filter on {@code inferred} to drop them.</li>
 * <li><b>Edges</b> are statements whose object is another node; name = the property's local name, label =
 * its rdfs:label in the ontology; support = {@code stated} where a curated row whose quote states it says so,
 * {@code implied} where only rows the curator reads from their quotes do (an inferred shortcut takes the weaker
 * of its two steps), so that a network analysis can be run on stated facts alone.</li>
 * <li><b>Attributes</b>: literal values, typed (integers → long, booleans, decimals/doubles → double,
 * everything else, dates included, → string: dates are as precise as the source, often without a year).
 * Language tags are dropped (the data is English). An IRI object that is not a node becomes an attribute
 * too: the label of a concept scheme or ontology individual (skos:inScheme, coop:qualifier), or the IRI
 * itself for external identifiers (owl:sameAs to Wikidata/GeoNames/ROR, foaf:page). Several values of one
 * property are kept in sorted order; each format says how it writes them.</li>
 * <li><b>Left out</b>: ontology terms (classes become {@code type}, properties edge names and labels);
 * the assertion graphs' provenance (source, evidence quote, CSV line: it is in the RDF dumps, one named
 * graph per row); concept schemes and reference-record pages (they become attribute values); and the
 * OWL-Time nodes {@code {entity}#time|#start|#end} (the same dates are attributes of the entity).</li>
 * </ul>
 */
public final class PropertyGraphBuilder {
    /** Property chains over n-ary nodes whose inferred results are added as direct edges (see above). */
    static final List<String> N_ARY_SHORTCUTS = List.of(Coop.affiliatedWith.getURI(), Coop.agreementParty.getURI());
    /** The kinds of the n-ary nodes those chains pass through. */
    private static final Set<String> N_ARY_KINDS = Set.of("post", "party");
    /** The values of an edge's {@code support}: how the curated rows that state it are supported by their sources. */
    static final String STATED = "stated";
    static final String IMPLIED = "implied";
    /** Attribute names the formats use for the node itself. */
    static final Set<String> RESERVED = Set.of("id", "iri", "label", "kind", "type");

    private static final Node LABEL = RDFS.label.asNode();
    private static final Node PREF_LABEL = SKOS.prefLabel.asNode();
    private static final Node TITLE = DCTerms.title.asNode();

    private final DatasetGraph dataset;
    private final CoopIris names;
    private final CoopIris iris;
    private final Graph ontology;
    private final Set<String> kinds = new HashSet<>(CuratedSchema.kinds());

    public PropertyGraphBuilder(DatasetGraph dataset, CoopIris names) {
        this.dataset = dataset;
        this.names = names;
        this.iris = new CoopIris(names.base());
        Node ontologyName = NodeFactory.createURI(names.ontologyGraph());
        this.ontology = dataset.containsGraph(ontologyName) ? dataset.getGraph(ontologyName) : Graph.emptyGraph;
    }

    public PropertyGraph build() {
        Map<Triple, Boolean> statedSomewhere = assertedTriples();
        Set<Triple> asserted = statedSomewhere.keySet();
        Map<String, Node> entityNodes = new TreeMap<>();
        for (Triple t : asserted) {
            if (isEntity(t.getSubject())) entityNodes.put(t.getSubject().getURI(), t.getSubject());
        }

        Map<Node, Set<Node>> types = new HashMap<>();
        Map<Node, Map<String, Set<Node>>> literals = new HashMap<>();
        Set<Triple> edgeTriples = new HashSet<>();
        Set<String> propertyIris = new TreeSet<>();
        for (Triple t : asserted) {
            Node s = t.getSubject();
            Node p = t.getPredicate();
            Node o = t.getObject();
            if (!entityNodes.containsKey(s.isURI() ? s.getURI() : "")) continue;
            if (p.equals(RDF.type.asNode())) {
                if (o.isURI() && o.getURI().startsWith(Coop.NS)) types.computeIfAbsent(s, k -> new HashSet<>()).add(o);
            } else if (o.isURI() && entityNodes.containsKey(o.getURI())) {
                edgeTriples.add(t);
                propertyIris.add(p.getURI());
            } else if (o.isLiteral() && !p.equals(LABEL)) {
                literals.computeIfAbsent(s, k -> new HashMap<>()).computeIfAbsent(p.getURI(), k -> new HashSet<>()).add(o);
                propertyIris.add(p.getURI());
            } else if (o.isURI() && !isOwnTimeNode(s, o)) {
                Node label = labelOf(o);
                literals.computeIfAbsent(s, k -> new HashMap<>()).computeIfAbsent(p.getURI(), k -> new HashSet<>())
                        .add(label != null ? NodeFactory.createLiteralString(label.getLiteralLexicalForm())
                                : NodeFactory.createLiteralString(o.getURI()));
                propertyIris.add(p.getURI());
            }
        }
        Map<Triple, Boolean> edges = new HashMap<>();
        edgeTriples.forEach(t -> edges.put(t, false));
        Map<Triple, String> support = new HashMap<>();
        Map<Node, Set<Node>> statedNeighbours = new HashMap<>();
        edgeTriples.forEach(t -> {
            support.put(t, statedSomewhere.get(t) ? STATED : IMPLIED);
            if (statedSomewhere.get(t)) {
                statedNeighbours.computeIfAbsent(t.getSubject(), k -> new HashSet<>()).add(t.getObject());
                statedNeighbours.computeIfAbsent(t.getObject(), k -> new HashSet<>()).add(t.getSubject());
            }
        });
        Node inferredName = NodeFactory.createURI(names.inferredGraph());
        if (dataset.containsGraph(inferredName)) {
            for (String shortcut : N_ARY_SHORTCUTS) {
                dataset.getGraph(inferredName).find(Node.ANY, NodeFactory.createURI(shortcut), Node.ANY).forEachRemaining(t -> {
                    if (isEntity(t.getSubject()) && t.getObject().isURI() && entityNodes.containsKey(t.getSubject().getURI())
                            && entityNodes.containsKey(t.getObject().getURI())) {
                        if (edges.putIfAbsent(t, true) == null) support.put(t, chainSupport(t, statedNeighbours));
                        propertyIris.add(shortcut);
                    }
                });
            }
        }

        Map<String, String> shortNames = shortNames(propertyIris);
        Map<String, Entity> entities = new TreeMap<>();
        Map<String, List<List<Node>>> valuesByKey = new TreeMap<>();
        for (Map.Entry<String, Node> e : entityNodes.entrySet()) {
            Node node = e.getValue();
            SortedMap<String, List<String>> attributes = new TreeMap<>();
            literals.getOrDefault(node, Map.of()).forEach((property, objects) -> {
                List<Node> sorted = new ArrayList<>(objects);
                sorted.sort(Comparator.comparing(Node::getLiteralLexicalForm).thenComparing(n -> n.getLiteralLanguage())
                        .thenComparing(Node::getLiteralDatatypeURI));
                valuesByKey.computeIfAbsent(property, k -> new ArrayList<>()).add(sorted);
                attributes.put(shortNames.get(property), sorted.stream().map(Node::getLiteralLexicalForm).toList());
            });
            String slugPath = e.getKey().substring(iris.entitySpace().length());
            String kind = slugPath.substring(0, slugPath.indexOf('/'));
            String slug = slugPath.substring(slugPath.indexOf('/') + 1);
            entities.put(e.getKey(), new Entity(e.getKey(), kind + ":" + slug, kind,
                    mostSpecific(types.getOrDefault(node, Set.of())), label(node, slug), attributes));
        }

        List<AttributeKey> keys = new ArrayList<>();
        valuesByKey.forEach((property, perNode) -> {
            ValueType type = AttributeTypes.narrowest(perNode);
            boolean multi = perNode.stream().anyMatch(v -> v.size() > 1);
            keys.add(new AttributeKey(shortNames.get(property), property, type, multi));
        });
        keys.sort(Comparator.comparing(AttributeKey::name));
        // Typed values in a normal form (e.g. "060" → 60), so every tool reads them alike.
        List<Entity> nodes = new ArrayList<>();
        for (Entity entity : entities.values()) {
            SortedMap<String, List<String>> normal = new TreeMap<>();
            entity.attributes().forEach((name, values) -> {
                ValueType type = keys.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow().type();
                normal.put(name, values.stream().map(v -> AttributeTypes.normalise(v, type)).toList());
            });
            nodes.add(new Entity(entity.iri(), entity.id(), entity.kind(), entity.types(), entity.label(), normal));
        }
        Map<String, Entity> byIri = new HashMap<>();
        nodes.forEach(n -> byIri.put(n.iri(), n));

        List<Edge> edgeList = new ArrayList<>();
        edges.forEach((t, inferred) -> {
            String property = t.getPredicate().getURI();
            edgeList.add(new Edge(byIri.get(t.getSubject().getURI()), byIri.get(t.getObject().getURI()),
                    shortNames.get(property), property, propertyLabel(property), inferred, support.get(t)));
        });
        edgeList.sort(Comparator.comparing((Edge x) -> x.source().iri()).thenComparing(x -> x.target().iri())
                .thenComparing(Edge::property));
        return new PropertyGraph(List.copyOf(nodes), List.copyOf(edgeList), List.copyOf(keys));
    }

    /**
     * Distinct triples of every named graph but the ontology and the inferred graph, each with whether some graph
     * that holds it is stated by its source (every row not marked {@code coop:Implied}, and the metadata graph).
     */
    private Map<Triple, Boolean> assertedTriples() {
        Node metadata = NodeFactory.createURI(names.metadataGraph());
        Set<Node> skip = Set.of(NodeFactory.createURI(names.ontologyGraph()), NodeFactory.createURI(names.inferredGraph()));
        Set<Node> implied = new HashSet<>();
        dataset.find(metadata, Node.ANY, Coop.support.asNode(), Coop.Implied.asNode()).forEachRemaining(q -> implied.add(q.getSubject()));
        Map<Triple, Boolean> triples = new LinkedHashMap<>();
        dataset.listGraphNodes().forEachRemaining(g -> {
            if (skip.contains(g)) return;
            boolean stated = !implied.contains(g);
            dataset.getGraph(g).find().forEachRemaining(t -> triples.merge(t, stated, Boolean::logicalOr));
        });
        return triples;
    }

    /**
     * The support of an inferred shortcut over an n-ary node ({@code person ← post → organisation}): stated where
     * both of its edges through some post or party are stated ({@code statedNeighbours}: node → the nodes a stated
     * edge joins it to, either way), else implied.
     */
    private String chainSupport(Triple shortcut, Map<Node, Set<Node>> statedNeighbours) {
        boolean stated = statedNeighbours.getOrDefault(shortcut.getSubject(), Set.of()).stream()
                .filter(middle -> iris.kindOf(middle.getURI()).filter(N_ARY_KINDS::contains).isPresent())
                .anyMatch(middle -> statedNeighbours.getOrDefault(middle, Set.of()).contains(shortcut.getObject()));
        return stated ? STATED : IMPLIED;
    }

    /** An entity IRI ({@link CoopIris#kindOf}) of a curated kind. */
    boolean isEntity(Node node) {
        return node.isURI() && iris.kindOf(node.getURI()).filter(kinds::contains).isPresent();
    }

    /** The OWL-Time nodes minted as fragments of the entity's IRI (and their descriptions). */
    private static boolean isOwnTimeNode(Node subject, Node object) {
        return object.getURI().startsWith(subject.getURI() + "#");
    }

    /** rdfs:label, else skos:prefLabel, else dcterms:title, anywhere in the dataset (ontology included). */
    private Node labelOf(Node node) {
        for (Node property : List.of(LABEL, PREF_LABEL, TITLE)) {
            Node best = null;
            for (var it = dataset.find(Node.ANY, node, property, Node.ANY); it.hasNext(); ) {
                Node o = it.next().getObject();
                if (!o.isLiteral()) continue;
                if (best == null || LabelOrder.ENGLISH_FIRST.compare(o, best) < 0) best = o;
            }
            if (best != null) return best;
        }
        return null;
    }

    private String label(Node node, String slug) {
        Node label = labelOf(node);
        return label != null ? label.getLiteralLexicalForm() : slug;
    }

    private String propertyLabel(String property) {
        Node best = null;
        for (var it = ontology.find(NodeFactory.createURI(property), LABEL, Node.ANY); it.hasNext(); ) {
            Node o = it.next().getObject();
            if (o.isLiteral() && (best == null || LabelOrder.ENGLISH_FIRST.compare(o, best) < 0)) best = o;
        }
        return best != null ? best.getLiteralLexicalForm() : localName(property);
    }

    /** The asserted coop classes that are not a superclass of another asserted one, as local names. */
    private List<String> mostSpecific(Set<Node> asserted) {
        Set<Node> result = new HashSet<>(asserted);
        for (Node type : asserted) result.removeAll(superClasses(type));
        return result.stream().map(n -> localName(n.getURI())).sorted().toList();
    }

    private Set<Node> superClasses(Node type) {
        Set<Node> seen = new HashSet<>();
        Deque<Node> work = new ArrayDeque<>(List.of(type));
        while (!work.isEmpty()) {
            ontology.find(work.pop(), RDFS.subClassOf.asNode(), Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isURI() && seen.add(t.getObject())) work.push(t.getObject());
            });
        }
        seen.remove(type);
        return seen;
    }

    /** Local names, made unique with the namespace prefix where two properties share one. */
    private Map<String, String> shortNames(Set<String> properties) {
        Map<String, List<String>> byLocal = new TreeMap<>();
        properties.forEach(p -> byLocal.computeIfAbsent(localName(p), k -> new ArrayList<>()).add(p));
        Map<String, String> result = new HashMap<>();
        byLocal.forEach((local, iris) -> {
            boolean clash = iris.size() > 1 || RESERVED.contains(local);
            for (String iri : iris) {
                String name = local;
                if (clash) {
                    String abbreviated = dataset.prefixes().abbreviate(iri);
                    name = abbreviated != null ? abbreviated.replace(':', '_') : iri.replaceAll("[^A-Za-z0-9]+", "_");
                }
                result.put(iri, name.replaceAll("[^A-Za-z0-9_.-]", "_"));
            }
        });
        return result;
    }

    static String localName(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        String local = cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
        return local.isEmpty() ? "property" : local;
    }
}

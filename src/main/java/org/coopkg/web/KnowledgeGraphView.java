package org.coopkg.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.coopkg.core.CoopIris;
import org.coopkg.core.LabelOrder;
import org.coopkg.core.vocab.Coop;
import org.coopkg.core.vocab.Prov;

/**
 * Read access to the loaded dataset in the terms the Linked Data pages need: what was asserted (the
 * per-row named graphs and the metadata graph) as against what the loader inferred, which assertion a
 * statement came from, and names for nodes. Reads go straight to the graphs (no SPARQL parsing per
 * request) and run in a read transaction, since the dataset is transactional.
 */
public final class KnowledgeGraphView {
    private final DatasetGraph dataset;
    private final CoopIris iris;
    private final Node inferredGraph;
    private final Node ontologyGraph;
    private final Node metadataGraph;
    private final String assertionSpace;

    public KnowledgeGraphView(DatasetGraph dataset, CoopIris iris) {
        this.dataset = dataset;
        this.iris = iris;
        this.inferredGraph = NodeFactory.createURI(iris.inferredGraph());
        this.ontologyGraph = NodeFactory.createURI(iris.ontologyGraph());
        this.metadataGraph = NodeFactory.createURI(iris.metadataGraph());
        this.assertionSpace = iris.assertion("");
    }

    public DatasetGraph dataset() {
        return dataset;
    }

    public CoopIris iris() {
        return iris;
    }

    public Node inferredGraph() {
        return inferredGraph;
    }

    public Node metadataGraph() {
        return metadataGraph;
    }

    public <T> T read(Supplier<T> action) {
        return dataset.supportsTransactions() && !dataset.isInTransaction() ? Txn.calculateRead(dataset, action) : action.get();
    }

    /** Whether the IRI names a graph of one curated row. */
    public boolean isAssertion(Node graph) {
        return graph.isURI() && graph.getURI().startsWith(assertionSpace);
    }

    /** Whether a named graph holds curated statements (a row's graph or the metadata graph), not inferences or the ontology. */
    public boolean isAsserted(Node graph) {
        return !graph.equals(inferredGraph) && !graph.equals(ontologyGraph) && !Quad.isDefaultGraph(graph);
    }

    /** Whether the resource is described at all (is the subject of a statement outside the ontology). */
    public boolean exists(Node resource) {
        return read(() -> {
            var it = dataset.findNG(Node.ANY, resource, Node.ANY, Node.ANY);
            while (it.hasNext()) {
                if (!it.next().getGraph().equals(ontologyGraph)) return true;
            }
            return false;
        });
    }

    /** The curated statements matching a pattern, each with the graph it is in, sorted for stable output. */
    public List<Quad> asserted(Node s, Node p, Node o) {
        return read(() -> {
            List<Quad> quads = new ArrayList<>();
            dataset.findNG(Node.ANY, s, p, o).forEachRemaining(q -> {
                if (isAsserted(q.getGraph())) quads.add(q);
            });
            quads.sort(QUAD_ORDER);
            return quads;
        });
    }

    /**
     * The inferred statements matching a pattern that no curated graph states: the inferred graph's, since the
     * materialiser writes there only what no other graph holds (at load and after every update). Asking each
     * curated graph instead cost a scan of every row's graph per inferred statement.
     */
    public List<Quad> inferredOnly(Node s, Node p, Node o) {
        return read(() -> {
            List<Quad> quads = new ArrayList<>();
            dataset.find(inferredGraph, s, p, o).forEachRemaining(quads::add);
            quads.sort(QUAD_ORDER);
            return quads;
        });
    }

    /** Every statement of the union default graph matching a pattern (curated and inferred). */
    public List<Quad> all(Node s, Node p, Node o) {
        return read(() -> {
            List<Quad> quads = new ArrayList<>();
            dataset.find(Quad.defaultGraphIRI, s, p, o).forEachRemaining(quads::add);
            quads.sort(QUAD_ORDER);
            return quads;
        });
    }

    /** The statements of one named graph. */
    public List<Quad> graph(Node graph) {
        return read(() -> {
            List<Quad> quads = new ArrayList<>();
            dataset.find(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(quads::add);
            quads.sort(QUAD_ORDER);
            return quads;
        });
    }

    /** The assertions ({@code coop:describes} the resource) that curated rows made about it. */
    public List<Node> assertionsDescribing(Node resource) {
        return asserted(Node.ANY, Coop.describes.asNode(), resource).stream().map(Quad::getSubject).distinct().toList();
    }

    /** The value of a single-valued property of a node (first in sort order), from the union graph. */
    public Optional<Node> value(Node s, Node p) {
        return all(s, p, Node.ANY).stream().map(Quad::getObject).findFirst();
    }

    public List<Node> values(Node s, Node p) {
        return all(s, p, Node.ANY).stream().map(Quad::getObject).distinct().toList();
    }

    /** The classes a curated row gave the node (not the inferred superclasses). */
    public List<Node> assertedTypes(Node node) {
        return asserted(node, RDF.type.asNode(), Node.ANY).stream().map(Quad::getObject).distinct().toList();
    }

    /**
     * The quote and source of an assertion graph, whether the quote states its statements or the curator reads
     * them from it ({@code implied}, with the curator's note saying why).
     */
    public record Provenance(Node assertion, Optional<String> evidence, Optional<Node> source, Optional<String> file,
                             Optional<Integer> line, Optional<String> note, boolean implied,
                             Optional<String> curatorNote) {}

    public Provenance provenance(Node assertion) {
        return read(() -> new Provenance(assertion,
                literal(assertion, Coop.evidence.asNode()),
                first(dataset.find(metadataGraph, assertion, Prov.wasDerivedFrom.asNode(), Node.ANY)).map(Quad::getObject),
                literal(assertion, Coop.sourceFile.asNode()),
                literal(assertion, Coop.sourceLine.asNode()).map(Integer::valueOf),
                literal(assertion, RDFS.comment.asNode()),
                isImplied(assertion),
                literal(assertion, Coop.curatorNote.asNode())));
    }

    /** Whether the assertion's statements are the curator's reading of its quote rather than what the quote says. */
    public boolean isImplied(Node assertion) {
        return read(() -> dataset.contains(metadataGraph, assertion, Coop.support.asNode(), Coop.Implied.asNode()));
    }

    private Optional<String> literal(Node s, Node p) {
        return first(dataset.find(metadataGraph, s, p, Node.ANY))
                .map(Quad::getObject).filter(Node::isLiteral).map(Node::getLiteralLexicalForm);
    }

    private static Optional<Quad> first(java.util.Iterator<Quad> it) {
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }

    /** A human name: rdfs:label (English first), skos:prefLabel, dcterms:title, else the IRI's last segment. */
    public String label(Node node) {
        return read(() -> {
            for (Node p : List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode(), DCTerms.title.asNode())) {
                Optional<String> name = bestLiteral(node, p);
                if (name.isPresent()) return name.get();
            }
            return fallbackName(node);
        });
    }

    /** Whether the node has a name of its own in the data (else {@link #label} is made up from its IRI). */
    public boolean hasLabel(Node node) {
        return read(() -> bestLiteral(node, RDFS.label.asNode()).isPresent());
    }

    private Optional<String> bestLiteral(Node node, Node property) {
        Set<Node> values = new LinkedHashSet<>();
        dataset.find(Quad.defaultGraphIRI, node, property, Node.ANY).forEachRemaining(q -> values.add(q.getObject()));
        return values.stream().filter(Node::isLiteral).min(LabelOrder.ENGLISH_FIRST).map(Node::getLiteralLexicalForm);
    }

    private static String fallbackName(Node node) {
        if (!node.isURI()) return node.isBlank() ? "(unnamed node)" : node.toString();
        String iri = node.getURI();
        String tail = iri.replaceAll("[/#]+$", "");
        int cut = Math.max(tail.lastIndexOf('/'), tail.lastIndexOf('#'));
        return cut >= 0 && cut < tail.length() - 1 ? tail.substring(cut + 1) : iri;
    }

    /** Sorts quads by their N-Triples/N-Quads form, the one order every run agrees on. */
    public static final Comparator<Quad> QUAD_ORDER = Comparator
            .comparing((Quad q) -> NodeFmtLib.strNT(q.getSubject()))
            .thenComparing(q -> NodeFmtLib.strNT(q.getPredicate()))
            .thenComparing(q -> NodeFmtLib.strNT(q.getObject()))
            .thenComparing(q -> NodeFmtLib.strNT(q.getGraph()));
}

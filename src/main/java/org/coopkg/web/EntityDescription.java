package org.coopkg.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.coopkg.core.vocab.Coop;
import org.coopkg.core.vocab.Prov;

/**
 * The RDF description served for an entity IRI, as a dataset whose named graphs keep the provenance of each
 * statement (TriG and N-Quads show it; the triple syntaxes get the union):
 * <ul>
 * <li>the entity's own statements, curated and inferred, and those of its fragment nodes ({@code #time},
 * {@code #time-description}), which have no page of their own;</li>
 * <li>the curated statements of other rows that point at it (a post naming the person, a relation);</li>
 * <li>labels and classes of every entity linked either way, so a client can show the links without
 * fetching each one;</li>
 * <li>the description of every assertion behind those statements: source document (with its title),
 * evidence quote, CSV file and line.</li>
 * </ul>
 * Assertions citing a source document are not listed on the document's description: a source backs
 * hundreds of rows, and they are one SPARQL query away.
 */
public final class EntityDescription {
    /** Pointers from other rows that are provenance, not statements about the entity. */
    private static final Set<Node> NOT_INCOMING = Set.of(Coop.describes.asNode(), Prov.wasDerivedFrom.asNode());
    private static final List<Node> NAMING = List.of(RDFS.label.asNode(), RDF.type.asNode(), SKOS.prefLabel.asNode(),
            DCTerms.title.asNode());

    private final KnowledgeGraphView view;

    public EntityDescription(KnowledgeGraphView view) {
        this.view = view;
    }

    public DatasetGraph describe(Node entity) {
        return view.read(() -> build(entity));
    }

    private DatasetGraph build(Node entity) {
        DatasetGraph out = DatasetGraphFactory.create();
        Set<Node> own = ownNodes(entity);
        Set<Node> linked = new TreeSet<>(java.util.Comparator.comparing(Node::toString));
        Set<Node> assertions = new LinkedHashSet<>();

        for (Node s : own) {
            for (Quad q : collect(s)) {
                out.add(q);
                if (view.isAssertion(q.getGraph())) assertions.add(q.getGraph());
                if (q.getObject().isURI() && !own.contains(q.getObject())) linked.add(q.getObject());
            }
        }
        for (Quad q : view.asserted(Node.ANY, Node.ANY, entity)) {
            if (NOT_INCOMING.contains(q.getPredicate()) || own.contains(q.getSubject())) continue;
            out.add(q);
            if (view.isAssertion(q.getGraph())) assertions.add(q.getGraph());
            linked.add(q.getSubject());
        }
        assertions.addAll(view.assertionsDescribing(entity));
        for (Node assertion : assertions) {
            var it = view.dataset().find(view.metadataGraph(), assertion, Node.ANY, Node.ANY);
            while (it.hasNext()) {
                Quad q = it.next();
                out.add(q);
                if (q.getPredicate().equals(Prov.wasDerivedFrom.asNode())) linked.add(q.getObject());
            }
        }
        linked.removeAll(own);
        for (Node node : linked) {
            for (Node p : NAMING) {
                for (Quad q : view.asserted(node, p, Node.ANY)) out.add(q);
            }
        }
        return out;
    }

    /** Every named-graph statement about one subject, except the ontology's. */
    private List<Quad> collect(Node subject) {
        List<Quad> quads = new java.util.ArrayList<>(view.asserted(subject, Node.ANY, Node.ANY));
        view.dataset().find(view.inferredGraph(), subject, Node.ANY, Node.ANY).forEachRemaining(quads::add);
        return quads;
    }

    /** The entity and the fragment nodes hanging from it ({@code {iri}#…}), found by following its links. */
    private Set<Node> ownNodes(Node entity) {
        Set<Node> own = new LinkedHashSet<>();
        Deque<Node> todo = new ArrayDeque<>(List.of(entity));
        String prefix = entity.getURI() + "#";
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!own.add(n)) continue;
            view.dataset().find(Quad.defaultGraphIRI, n, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (q.getObject().isURI() && q.getObject().getURI().startsWith(prefix)) todo.push(q.getObject());
            });
        }
        return own;
    }
}

package org.coopkg.derive;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Computes, once at load time, the entailments the ontology declares, so that queries such as "all
 * organisations", "everything located in China" or "all agents" need no reasoner:
 * the rdf:type closure over rdfs:subClassOf and owl:equivalentClass, the closure over
 * rdfs:subPropertyOf and owl:equivalentProperty, owl:inverseOf, owl:SymmetricProperty,
 * owl:TransitiveProperty and two-step owl:propertyChainAxiom.
 *
 * <p>Domains and ranges are deliberately not used to infer types: a loose range on an aligned external
 * property would type entities in surprising ways, and SHACL checks that values have the right class.
 */
public final class Materialiser {
    private final Map<Node, Set<Node>> superClasses = new HashMap<>();
    private final Map<Node, Set<Node>> superProperties = new HashMap<>();
    private final Map<Node, Set<Node>> inverses = new HashMap<>();
    private final Set<Node> symmetric = new HashSet<>();
    private final Set<Node> transitive = new HashSet<>();
    /** first property → chains starting with it; second property → chains ending with it. */
    private final Map<Node, List<Chain>> chainsByFirst = new HashMap<>();
    private final Map<Node, List<Chain>> chainsBySecond = new HashMap<>();

    private record Chain(Node first, Node second, Node result) {}

    public Materialiser(Graph ontology) {
        collect(ontology, RDFS.subClassOf.asNode(), superClasses, false);
        collect(ontology, OWL2.equivalentClass.asNode(), superClasses, true);
        collect(ontology, RDFS.subPropertyOf.asNode(), superProperties, false);
        collect(ontology, OWL2.equivalentProperty.asNode(), superProperties, true);
        collect(ontology, OWL2.inverseOf.asNode(), inverses, true);
        close(superClasses);
        close(superProperties);
        ontology.find(Node.ANY, RDF.type.asNode(), OWL2.SymmetricProperty.asNode())
                .forEachRemaining(t -> symmetric.add(t.getSubject()));
        ontology.find(Node.ANY, RDF.type.asNode(), OWL2.TransitiveProperty.asNode())
                .forEachRemaining(t -> transitive.add(t.getSubject()));
        ontology.find(Node.ANY, OWL2.propertyChainAxiom.asNode(), Node.ANY).forEachRemaining(t -> {
            List<Node> steps = list(ontology, t.getObject());
            if (steps.size() == 2) {
                Chain chain = new Chain(steps.get(0), steps.get(1), t.getSubject());
                chainsByFirst.computeIfAbsent(chain.first(), k -> new ArrayList<>()).add(chain);
                chainsBySecond.computeIfAbsent(chain.second(), k -> new ArrayList<>()).add(chain);
            }
        });
    }

    /**
     * Adds to {@code graph} the triples the ontology entails from it that it does not hold, and returns them in the
     * order they were added.
     *
     * <p>Only the triples a rule applies to are visited, found through the index of their predicate (and class): at
     * scale most triples are labels and provenance that no rule touches. The inferences go straight into the graph
     * the rules look up, which at load time is the union queries see, so nothing is copied or indexed twice.
     */
    public List<Triple> addEntailments(Graph graph) {
        List<Triple> added = new ArrayList<>();
        List<Triple> starts = new ArrayList<>();
        startingPatterns().forEach(pattern -> graph.find(pattern).forEachRemaining(starts::add));
        Deque<Triple> work = new ArrayDeque<>();
        for (Triple start : starts) {
            work.add(start);
            while (!work.isEmpty()) {
                for (Triple entailed : entailedBy(work.poll(), graph)) {
                    if (!graph.contains(entailed)) {
                        graph.add(entailed);
                        added.add(entailed);
                        work.add(entailed);
                    }
                }
            }
        }
        return added;
    }

    /** Patterns of the triples some rule applies to: typed with a class that has super-classes, or with a property a rule names. */
    private List<Triple> startingPatterns() {
        List<Triple> patterns = new ArrayList<>();
        Node type = RDF.type.asNode();
        superClasses.keySet().forEach(c -> patterns.add(Triple.create(Node.ANY, type, c)));
        Set<Node> properties = new LinkedHashSet<>();
        properties.addAll(superProperties.keySet());
        properties.addAll(inverses.keySet());
        properties.addAll(symmetric);
        properties.addAll(transitive);
        properties.addAll(chainsByFirst.keySet());
        properties.addAll(chainsBySecond.keySet());
        properties.remove(type);
        properties.forEach(p -> patterns.add(Triple.create(Node.ANY, p, Node.ANY)));
        return patterns;
    }

    /** What one triple entails with what {@code graph} holds; collected before any is added, which a graph's iterators do not allow. */
    private List<Triple> entailedBy(Triple t, Graph graph) {
        Node s = t.getSubject();
        Node p = t.getPredicate();
        Node o = t.getObject();
        List<Triple> out = new ArrayList<>();
        if (p.equals(RDF.type.asNode())) {
            superClasses.getOrDefault(o, Set.of()).forEach(c -> out.add(Triple.create(s, p, c)));
            return out;
        }
        superProperties.getOrDefault(p, Set.of()).forEach(q -> out.add(Triple.create(s, q, o)));
        boolean resourceObject = o.isURI() || o.isBlank();
        if (resourceObject) {
            inverses.getOrDefault(p, Set.of()).forEach(q -> out.add(Triple.create(o, q, s)));
            if (symmetric.contains(p)) out.add(Triple.create(o, p, s));
            if (transitive.contains(p)) {
                graph.find(Node.ANY, p, s).forEachRemaining(x -> out.add(Triple.create(x.getSubject(), p, o)));
                graph.find(o, p, Node.ANY).forEachRemaining(y -> out.add(Triple.create(s, p, y.getObject())));
            }
            for (Chain chain : chainsByFirst.getOrDefault(p, List.of())) {
                graph.find(o, chain.second(), Node.ANY)
                        .forEachRemaining(y -> out.add(Triple.create(s, chain.result(), y.getObject())));
            }
        }
        for (Chain chain : chainsBySecond.getOrDefault(p, List.of())) {
            graph.find(Node.ANY, chain.first(), s)
                    .forEachRemaining(x -> out.add(Triple.create(x.getSubject(), chain.result(), o)));
        }
        return out;
    }

    private static void collect(Graph ontology, Node predicate, Map<Node, Set<Node>> map, boolean bothWays) {
        ontology.find(Node.ANY, predicate, Node.ANY).forEachRemaining(t -> {
            if (!t.getObject().isURI() || !t.getSubject().isURI()) return;
            map.computeIfAbsent(t.getSubject(), k -> new LinkedHashSet<>()).add(t.getObject());
            if (bothWays) map.computeIfAbsent(t.getObject(), k -> new LinkedHashSet<>()).add(t.getSubject());
        });
    }

    /** Transitive closure of a "direct super" map, excluding each key itself. */
    private static void close(Map<Node, Set<Node>> map) {
        for (Node key : new ArrayList<>(map.keySet())) {
            Set<Node> closed = new LinkedHashSet<>();
            Deque<Node> todo = new ArrayDeque<>(map.get(key));
            while (!todo.isEmpty()) {
                Node next = todo.poll();
                if (!next.equals(key) && closed.add(next)) todo.addAll(map.getOrDefault(next, Set.of()));
            }
            map.put(key, closed);
        }
    }

    private static List<Node> list(Graph graph, Node head) {
        List<Node> items = new ArrayList<>();
        Node node = head;
        while (node != null && !node.equals(RDF.nil.asNode())) {
            Node current = node;
            graph.find(current, RDF.first.asNode(), Node.ANY).forEachRemaining(t -> items.add(t.getObject()));
            node = graph.find(current, RDF.rest.asNode(), Node.ANY).nextOptional().map(Triple::getObject).orElse(null);
        }
        return items;
    }
}

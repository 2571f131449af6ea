package org.coopkg.reconcile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.coopkg.core.CoopIris;
import org.coopkg.core.LabelOrder;
import org.coopkg.core.vocab.Coop;

/**
 * The types of reconciliation: the classes of the coop-kg ontology, identified by their local names
 * ({@code University}; the schema space is the ontology namespace, so that schema space + id is the class IRI),
 * named by their labels, with their direct superclasses as {@code broader}. A query's type matches an entity of
 * that class or of any subclass (the loader materialises the superclasses of every entity).
 */
public final class Types {
    /** The kinds of entity people reconcile most, in the order the manifest lists them. */
    private static final List<Node> DEFAULTS = List.of(Coop.Organisation.asNode(), Coop.Person.asNode(),
            Coop.Facility.asNode(), Coop.Project.asNode(), Coop.Agreement.asNode(), Coop.Event.asNode(),
            Coop.Place.asNode());

    /** One class: {@code id} its local name, {@code name} its label, {@code broader} the ids of its direct superclasses. */
    public record Type(Node iri, String id, String name, List<String> broader) {}

    private final Map<String, Type> byId = new LinkedHashMap<>();
    private final Map<Node, Type> byIri = new HashMap<>();
    private final Map<Node, Set<Node>> superclasses = new HashMap<>();

    private Types(Graph ontology) {
        List<Node> classes = new ArrayList<>();
        ontology.find(Node.ANY, RDF.type.asNode(), OWL.Class.asNode()).forEachRemaining(t -> {
            Node c = t.getSubject();
            if (c.isURI() && c.getURI().startsWith(Coop.NS)) classes.add(c);
        });
        classes.sort(Comparator.comparing(Node::getURI));
        Map<Node, List<Node>> direct = new HashMap<>();
        for (Node c : classes) {
            List<Node> parents = new ArrayList<>();
            ontology.find(c, RDFS.subClassOf.asNode(), Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isURI() && t.getObject().getURI().startsWith(Coop.NS)) parents.add(t.getObject());
            });
            direct.put(c, parents);
        }
        for (Node c : classes) {
            String id = c.getURI().substring(Coop.NS.length());
            Optional<String> label = labels(ontology, c);
            Type type = new Type(c, id, label.map(Types::capitalised).orElse(id),
                    direct.get(c).stream().map(p -> p.getURI().substring(Coop.NS.length())).sorted().toList());
            byId.put(id, type);
            byIri.put(c, type);
            superclasses.put(c, closure(c, direct));
        }
    }

    public static Types of(Graph ontology) {
        return new Types(ontology);
    }

    private static Optional<String> labels(Graph ontology, Node c) {
        List<Node> labels = new ArrayList<>();
        ontology.find(c, RDFS.label.asNode(), Node.ANY).forEachRemaining(t -> labels.add(t.getObject()));
        return labels.stream().filter(Node::isLiteral).min(LabelOrder.ENGLISH_FIRST).map(Node::getLiteralLexicalForm);
    }

    private static String capitalised(String label) {
        return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    private static Set<Node> closure(Node c, Map<Node, List<Node>> direct) {
        Set<Node> all = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>(direct.getOrDefault(c, List.of()));
        while (!todo.isEmpty()) {
            Node next = todo.pop();
            if (all.add(next)) todo.addAll(direct.getOrDefault(next, List.of()));
        }
        return all;
    }

    public List<Type> defaults() {
        return DEFAULTS.stream().map(byIri::get).toList();
    }

    public List<Type> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Type> type(Node iri) {
        return Optional.ofNullable(byIri.get(iri));
    }

    /**
     * The type a client names: its id ({@code University}, any case), {@code coop:University}, or the class IRI.
     * An unknown name is a {@link ReconcileException} that lists the default types.
     */
    public Type resolve(String name) {
        String text = name == null ? "" : name.strip();
        String local = text.startsWith(Coop.NS) ? text.substring(Coop.NS.length())
                : text.startsWith("coop:") ? text.substring("coop:".length()) : text;
        Type exact = byId.get(local);
        if (exact != null) return exact;
        return byId.values().stream().filter(t -> t.id().equalsIgnoreCase(local)).findFirst().orElseThrow(() ->
                new ReconcileException("unknown type '" + text + "'; use a class of the coop-kg ontology such as "
                        + String.join(", ", defaults().stream().map(Type::id).toList())
                        + " (GET " + CoopIris.RECONCILE_SUGGEST_TYPE_PATH + "?prefix=… lists them)"));
    }

    /** Whether {@code sub} is {@code sup} or one of its subclasses. */
    public boolean isA(Node sub, Node sup) {
        return sub.equals(sup) || superclasses.getOrDefault(sub, Set.of()).contains(sup);
    }

    /** The most specific coop classes among {@code types}: those that no other of them specialises. */
    public List<Type> mostSpecific(Set<Node> types) {
        List<Type> coop = types.stream().map(byIri::get).filter(t -> t != null).toList();
        return coop.stream().filter(t -> coop.stream().noneMatch(u -> u != t && isA(u.iri(), t.iri())))
                .sorted(Comparator.comparing(Type::id)).toList();
    }

    /** Types whose id or name has a word starting with {@code prefix} (any case), defaults first. */
    public List<Type> suggest(String prefix) {
        String p = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
        List<Type> found = new ArrayList<>();
        for (Type t : byId.values()) {
            String words = (t.id() + " " + t.name()).toLowerCase(Locale.ROOT);
            if (p.isEmpty() || words.startsWith(p) || words.contains(" " + p)) found.add(t);
        }
        found.sort(Comparator.comparingInt((Type t) -> DEFAULTS.contains(t.iri()) ? DEFAULTS.indexOf(t.iri()) : 99)
                .thenComparing(Type::id));
        return found;
    }
}

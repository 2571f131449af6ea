package org.coopkg.reconcile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.coopkg.core.CoopIris;
import org.coopkg.core.ExternalDataset;
import org.coopkg.core.LabelOrder;
import org.coopkg.core.LinkPredicate;
import org.coopkg.core.vocab.Coop;

/**
 * Reads one {@link Entry} from the union graph (the metadata graph included, for its location), or only the names and
 * description of an entity for the entity lookup.
 */
final class EntryReader {
    private static final List<Node> COUNTRY = List.of(Coop.country.asNode(), Coop.hostCountry.asNode(),
            Coop.nationality.asNode());
    private static final List<Node> PLACE = List.of(Coop.locatedIn.asNode(), Coop.heldIn.asNode(), Coop.within.asNode());

    private final Graph union;
    private final CoopIris iris;

    EntryReader(DatasetGraph dataset, CoopIris iris) {
        this.union = dataset.getDefaultGraph();
        this.iris = iris;
    }

    Entry entry(Node subject, String kind) {
        String id = iris.localPath(subject.getURI()).orElseThrow();
        Set<Node> places = new LinkedHashSet<>();
        for (Node p : PLACE) places.addAll(objects(subject, p));
        for (Node place : List.copyOf(places)) for (Node p : PLACE) places.addAll(objects(place, p));
        Set<Node> countries = new LinkedHashSet<>();
        for (Node p : COUNTRY) countries.addAll(objects(subject, p));
        for (Node place : places) if (union.contains(place, RDF.type.asNode(), Coop.Country.asNode())) countries.add(place);
        places.addAll(countries);
        return new Entry(subject, id, kind, best(subject, RDFS.label.asNode()).orElse(id),
                objects(subject, SKOS.altLabel.asNode()).stream().filter(Node::isLiteral).map(Node::getLiteralLexicalForm)
                        .sorted().toList(),
                best(subject, DCTerms.description.asNode()).orElse(""),
                Set.copyOf(objects(subject, RDF.type.asNode())), Set.copyOf(countries), Set.copyOf(places),
                links(subject), location(subject, kind, id));
    }

    /** Every label and alternative label of the entity, in every language. */
    List<String> names(Node subject) {
        List<String> names = new ArrayList<>();
        for (Node property : List.of(RDFS.label.asNode(), SKOS.altLabel.asNode())) {
            objects(subject, property).stream().filter(Node::isLiteral).forEach(n -> names.add(n.getLiteralLexicalForm()));
        }
        return names;
    }

    /** The one value of {@code property} to show: English first ({@link LabelOrder}). */
    Optional<String> best(Node subject, Node property) {
        return objects(subject, property).stream().filter(Node::isLiteral).min(LabelOrder.ENGLISH_FIRST)
                .map(Node::getLiteralLexicalForm);
    }

    private List<Node> objects(Node subject, Node property) {
        List<Node> values = new ArrayList<>();
        union.find(subject, property, Node.ANY).forEachRemaining(t -> values.add(t.getObject()));
        return values;
    }

    private Map<ExternalDataset, Map<String, LinkPredicate>> links(Node subject) {
        Map<ExternalDataset, Map<String, LinkPredicate>> links = new EnumMap<>(ExternalDataset.class);
        for (LinkPredicate predicate : LinkPredicate.values()) {
            for (Node target : objects(subject, predicate.node())) {
                if (!target.isURI()) continue;
                ExternalDataset.of(target.getURI()).ifPresent(d -> links.computeIfAbsent(d, k -> new TreeMap<>())
                        .putIfAbsent(d.identifier(target.getURI()), predicate));
            }
        }
        return links;
    }

    /**
     * {@code organisations.csv:24}: the file and line of the row that made the entity, which the metadata (part of the
     * union) records for the row's assertion graph {@link CoopIris#rowAssertion}.
     */
    private Optional<Entry.Location> location(Node subject, String kind, String id) {
        Node assertion = NodeFactory.createURI(iris.rowAssertion(kind, id.substring(id.indexOf('/') + 1)));
        Optional<Node> file = objects(assertion, Coop.sourceFile.asNode()).stream().filter(Node::isLiteral).findFirst();
        Optional<Node> line = objects(assertion, Coop.sourceLine.asNode()).stream().filter(Node::isLiteral).findFirst();
        if (file.isEmpty() || line.isEmpty()) return Optional.empty();
        try {
            return Optional.of(new Entry.Location(file.get().getLiteralLexicalForm(),
                    Integer.parseInt(line.get().getLiteralLexicalForm())));
        } catch (NumberFormatException notALine) {
            return Optional.empty();
        }
    }
}

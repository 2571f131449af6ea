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
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.coopkg.core.CoopIris;
import org.coopkg.core.ExternalDataset;
import org.coopkg.core.LabelOrder;
import org.coopkg.core.LinkPredicate;
import org.coopkg.core.vocab.Coop;

/** Reads one {@link Entry} from the union graph and, for its location, the named graphs and their metadata. */
final class EntryReader {
    private static final List<Node> COUNTRY = List.of(Coop.country.asNode(), Coop.hostCountry.asNode(),
            Coop.nationality.asNode());
    private static final List<Node> PLACE = List.of(Coop.locatedIn.asNode(), Coop.heldIn.asNode(), Coop.within.asNode());

    private final DatasetGraph dataset;
    private final Graph union;
    private final CoopIris iris;
    private final Node inferred;

    EntryReader(DatasetGraph dataset, CoopIris iris) {
        this.dataset = dataset;
        this.union = dataset.getDefaultGraph();
        this.iris = iris;
        this.inferred = NodeFactory.createURI(iris.inferredGraph());
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
                links(subject), location(subject));
    }

    private List<Node> objects(Node subject, Node property) {
        List<Node> values = new ArrayList<>();
        union.find(subject, property, Node.ANY).forEachRemaining(t -> values.add(t.getObject()));
        return values;
    }

    private Optional<String> best(Node subject, Node property) {
        return objects(subject, property).stream().filter(Node::isLiteral).min(LabelOrder.ENGLISH_FIRST)
                .map(Node::getLiteralLexicalForm);
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

    /** {@code organisations.csv:24}: the file and line the row's graph that states the label was read from. */
    private Optional<String> location(Node subject) {
        var quads = dataset.findNG(Node.ANY, subject, RDFS.label.asNode(), Node.ANY);
        while (quads.hasNext()) {
            Quad quad = quads.next();
            if (quad.getGraph().equals(inferred)) continue;
            Optional<Node> file = objects(quad.getGraph(), Coop.sourceFile.asNode()).stream().findFirst();
            Optional<Node> line = objects(quad.getGraph(), Coop.sourceLine.asNode()).stream().findFirst();
            if (file.isPresent() && line.isPresent()) {
                return Optional.of(file.get().getLiteralLexicalForm() + ":" + line.get().getLiteralLexicalForm());
            }
        }
        return Optional.empty();
    }
}

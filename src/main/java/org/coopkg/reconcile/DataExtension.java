package org.coopkg.reconcile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.coopkg.core.CoopIris;
import org.coopkg.core.ExternalDataset;
import org.coopkg.core.LabelOrder;
import org.coopkg.core.vocab.Coop;

/**
 * Data extension: the facts of reconciled entities, fetched back into a spreadsheet. Each {@link Property} applies to
 * the entities of some classes (for property proposals per type) and reads its values from the served data's union
 * graph (so inferred facts count: the places containing a place, the people holding posts in an organisation). An
 * entity value carries the entity's id in the service's identifier space; everything else is a string.
 */
public final class DataExtension {
    /** A value: an entity ({@code id} and {@code name}) or a string ({@code id} null). */
    public record Value(String id, String name) {
        static Value string(String text) {
            return new Value(null, text);
        }
    }

    /** A property of data extension: its values for one entity, read from the union graph. */
    public enum Property {
        COUNTRY("country", "Country", "Country", List.of(), (x, e) -> x.entities(e.countries())),
        CITY("city", "City", "City", List.of(), (x, e) -> x.entities(e.places().stream()
                .filter(p -> x.union.contains(p, RDF.type.asNode(), Coop.City.asNode())).toList())),
        LOCATED_IN("locatedIn", "Located in", "Place", List.of(), (x, e) -> x.entities(e.places())),
        PARENT_ORGANISATION("parentOrganisation", "Parent organisation", "Organisation", List.of(Coop.Organisation.asNode()),
                (x, e) -> x.entities(x.objects(e.iri(), Coop.subOrganisationOf.asNode(), Coop.partOf.asNode()))),
        PEOPLE("people", "People holding posts", "Person", List.of(Coop.Organisation.asNode(), Coop.Facility.asNode()),
                (x, e) -> x.entities(x.objects(x.subjects(Coop.postIn.asNode(), e.iri(), Coop.postAtFacility.asNode()),
                        Coop.holder.asNode()))),
        POSTS("posts", "Posts", null, List.of(Coop.Person.asNode()), DataExtension::posts),
        AFFILIATION("affiliation", "Affiliation", "Organisation", List.of(Coop.Person.asNode()),
                (x, e) -> x.entities(x.objects(e.iri(), Coop.affiliatedWith.asNode()))),
        LEAD("lead", "Lead", null, List.of(Coop.Project.asNode()), (x, e) -> x.entities(x.objects(e.iri(), Coop.lead.asNode()))),
        FRAMEWORK("framework", "Under framework", "Project", List.of(Coop.Project.asNode(), Coop.JointLaboratory.asNode()),
                (x, e) -> x.entities(x.objects(e.iri(), Coop.underFramework.asNode()))),
        OPERATOR("operator", "Operator", "Organisation", List.of(Coop.Facility.asNode()),
                (x, e) -> x.entities(x.objects(e.iri(), Coop.operator.asNode()))),
        PARTIES("parties", "Parties", null, List.of(Coop.Agreement.asNode()),
                (x, e) -> x.entities(x.objects(e.iri(), Coop.agreementParty.asNode()))),
        WIKIDATA("wikidata", "Wikidata ID", null, List.of(), (x, e) -> identifiers(e, ExternalDataset.WIKIDATA)),
        ROR("ror", "ROR ID", null, List.of(Coop.Organisation.asNode()), (x, e) -> identifiers(e, ExternalDataset.ROR)),
        GEONAMES("geonames", "GeoNames ID", null, List.of(Coop.Place.asNode()), (x, e) -> identifiers(e, ExternalDataset.GEONAMES)),
        TYPE("type", "Type", null, List.of(), (x, e) -> x.types.mostSpecific(e.types()).stream()
                .map(t -> Value.string(t.name())).toList()),
        ALT_LABEL("altLabel", "Other names", null, List.of(), (x, e) -> e.altLabels().stream().map(Value::string).toList()),
        DESCRIPTION("description", "Description", null, List.of(), (x, e) -> e.description().isEmpty() ? List.of()
                : List.of(Value.string(e.description())));

        private final String id;
        private final String label;
        private final String valueType;
        private final List<Node> appliesTo;
        private final BiFunction<DataExtension, Entry, List<Value>> values;

        Property(String id, String label, String valueType, List<Node> appliesTo,
                 BiFunction<DataExtension, Entry, List<Value>> values) {
            this.id = id;
            this.label = label;
            this.valueType = valueType;
            this.appliesTo = appliesTo;
            this.values = values;
        }

        public String id() {
            return id;
        }

        public String label() {
            return label;
        }

        /** The type id of its entity values, where they are all of one class. */
        public Optional<String> valueType() {
            return Optional.ofNullable(valueType);
        }

        /** The property a client names; unknown is a {@link ReconcileException}. */
        public static Property resolve(String id) {
            String p = id == null ? "" : id.strip();
            return Arrays.stream(values()).filter(x -> x.id.equalsIgnoreCase(p)).findFirst().orElseThrow(() ->
                    new ReconcileException("unknown property '" + p + "' to extend with; use one of "
                            + String.join(", ", Arrays.stream(values()).map(Property::id).toList()) + " (GET "
                            + CoopIris.RECONCILE_PROPOSE_PROPERTIES_PATH + "?type=… proposes them per type)"));
        }
    }

    private final DatasetGraph dataset;
    private final Catalogue catalogue;
    private final Types types;
    private Graph union;

    public DataExtension(DatasetGraph dataset, Catalogue catalogue, Types types) {
        this.dataset = dataset;
        this.catalogue = catalogue;
        this.types = types;
    }

    /** The properties worth fetching for entities of a type: those of the type, its superclasses and every entity. */
    public List<Property> proposals(Types.Type type) {
        return Arrays.stream(Property.values()).filter(p -> p.appliesTo.isEmpty()
                || p.appliesTo.stream().anyMatch(c -> types.isA(type.iri(), c))).toList();
    }

    /** For each id (of the service's identifier space, or an IRI), each property's values; an unknown id has none. */
    public Map<String, Map<Property, List<Value>>> extend(List<String> ids, List<Property> properties) {
        return dataset.supportsTransactions() && !dataset.isInTransaction()
                ? Txn.calculateRead(dataset, () -> read(ids, properties)) : read(ids, properties);
    }

    private synchronized Map<String, Map<Property, List<Value>>> read(List<String> ids, List<Property> properties) {
        union = dataset.getDefaultGraph();
        Map<String, Map<Property, List<Value>>> rows = new LinkedHashMap<>();
        for (String id : ids) {
            Map<Property, List<Value>> row = new LinkedHashMap<>();
            Optional<Entry> entry = catalogue.entry(id);
            for (Property p : properties) row.put(p, entry.map(e -> p.values.apply(this, e)).orElse(List.of()));
            rows.put(id, row);
        }
        return rows;
    }

    private List<Node> objects(Node subject, Node... properties) {
        return objects(List.of(subject), properties);
    }

    private List<Node> objects(List<Node> subjects, Node... properties) {
        Set<Node> values = new LinkedHashSet<>();
        for (Node s : subjects) for (Node p : properties) union.find(s, p, Node.ANY).forEachRemaining(t -> values.add(t.getObject()));
        return List.copyOf(values);
    }

    private List<Node> subjects(Node property, Node object, Node alsoProperty) {
        Set<Node> values = new LinkedHashSet<>();
        for (Node p : List.of(property, alsoProperty)) union.find(Node.ANY, p, object).forEachRemaining(t -> values.add(t.getSubject()));
        return List.copyOf(values);
    }

    /** Entity values, by id where the node is an entity of the data (a name otherwise), in name order. */
    private List<Value> entities(java.util.Collection<Node> nodes) {
        List<Value> values = new ArrayList<>();
        for (Node node : nodes) {
            Optional<String> id = catalogue.idOf(node);
            String name = catalogue.entry(node).map(Entry::label).orElseGet(() -> label(node).orElse(id.orElse(node.toString())));
            values.add(id.isPresent() ? new Value(id.get(), name) : Value.string(name));
        }
        values.sort(Comparator.comparing(Value::name));
        return values;
    }

    private Optional<String> label(Node node) {
        List<Node> labels = new ArrayList<>();
        union.find(node, RDFS.label.asNode(), Node.ANY).forEachRemaining(t -> labels.add(t.getObject()));
        return labels.stream().filter(Node::isLiteral).min(LabelOrder.ENGLISH_FIRST).map(Node::getLiteralLexicalForm);
    }

    /** {@code director general (SKA Observatory)}: each post's title (else its role) and where it is held. */
    private static List<Value> posts(DataExtension x, Entry person) {
        List<Value> values = new ArrayList<>();
        for (Node post : x.objects(person.iri(), Coop.holds.asNode())) {
            String title = x.objects(post, Coop.postTitle.asNode()).stream().filter(Node::isLiteral)
                    .map(Node::getLiteralLexicalForm).findFirst()
                    .orElseGet(() -> x.objects(post, Coop.role.asNode()).stream().map(x::label).flatMap(Optional::stream)
                            .findFirst().orElse("post"));
            List<String> where = x.objects(post, Coop.postIn.asNode(), Coop.postAtFacility.asNode()).stream()
                    .map(n -> x.label(n).orElse("")).filter(s -> !s.isEmpty()).toList();
            values.add(Value.string(where.isEmpty() ? title : title + " (" + String.join(", ", where) + ")"));
        }
        values.sort(Comparator.comparing(Value::name));
        return values;
    }

    private static List<Value> identifiers(Entry entry, ExternalDataset dataset) {
        return entry.links().getOrDefault(dataset, Map.of()).keySet().stream().map(Value::string).toList();
    }
}

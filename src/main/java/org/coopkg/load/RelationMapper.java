package org.coopkg.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.coopkg.core.Sha256;
import org.coopkg.core.vocab.Coop;

/**
 * Maps relations.csv: each row is one triple between two entities, by an object property of the ontology, or one
 * date of an entity ({@link CuratedSchema#dateProperties()}, with its OWL-Time description), in an assertion
 * graph of its own. The graph is named by a digest of the triple, since a relation has no id.
 */
final class RelationMapper {
    private static final String EXAMPLE_PROPERTIES =
            "participant, participantCountry, contributor, supporter, organiser, topic, usesInstrument, lead";

    private static final Set<String> DATE_PROPERTIES = CuratedSchema.dateProperties();

    private final Graph ontology;
    private final MappingContext context;

    RelationMapper(Graph ontology, MappingContext context) {
        this.ontology = ontology;
        this.context = context;
    }

    void map(CsvTable table) {
        Map<String, Integer> seen = new HashMap<>();
        for (CsvRow row : table.rows()) {
            int problemsBefore = context.problemCount();
            Optional<String> subject = context.index().resolveQualified(row, "subject");
            Cell property = row.cell("property");
            Node predicate = NodeFactory.createURI(Coop.NS + property.value());
            boolean dated = DATE_PROPERTIES.contains(property.value());
            Optional<Node> object = dated ? date(row) : context.index().resolveQualified(row, "object").map(NodeFactory::createURI);
            if (property.isEmpty() || !dated && !ontology.contains(predicate, RDF.type.asNode(), OWL.ObjectProperty.asNode())) {
                context.report(row.error(property, property.isEmpty() ? "required.empty" : "relation.property",
                        "'" + CsvReader.shorten(property.value()) + "' is not an object property of the coop "
                                + "ontology; use the local name of one, e.g. " + EXAMPLE_PROPERTIES
                                + ", or a date property with a date as object: " + String.join(", ", DATE_PROPERTIES)));
            }
            String key = row.value("subject") + " " + property.value() + " " + row.value("object");
            Integer previous = seen.putIfAbsent(key, row.line());
            if (previous != null) {
                context.report(row.error(row.cell("subject"), "relation.duplicate", "the same relation is already on "
                        + "line " + previous + "; keep one row (cite a second source in a second file row only "
                        + "after the first is removed)"));
            }
            context.graphs().check(row, TableSpec.Provenance.REQUIRED);
            if (context.problemCount() > problemsBefore) continue;
            Node s = NodeFactory.createURI(subject.orElseThrow());
            String name = "relation-" + Sha256.hex(key, 6);
            Node graph = context.graphs().graphOf(row, context.names().assertion(name), s, TableSpec.Provenance.REQUIRED);
            List<Node[]> triples = new ArrayList<>();
            triples.add(new Node[] {s, predicate, object.orElseThrow()});
            if (dated) new TemporalMapper(s).map(triples);
            triples.forEach(t -> context.emit(graph, t[0], t[1], t[2]));
        }
    }

    /** The object of a date relation, as precise as written (see {@link DateValue}). */
    private Optional<Node> date(CsvRow row) {
        Cell cell = row.cell("object");
        try {
            DateValue date = DateValue.parse(cell.value());
            return Optional.of(NodeFactory.createLiteralDT(date.lexical(), date.datatype()));
        } catch (IllegalArgumentException e) {
            context.report(row.error(cell, "date.invalid", "column 'object': " + e.getMessage()));
            return Optional.empty();
        }
    }
}

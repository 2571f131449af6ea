package org.coopkg.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.coopkg.core.DataError;
import org.coopkg.core.Sha256;
import org.coopkg.core.vocab.Coop;

/**
 * Maps relations.csv: each row is one triple between two entities, by an object property of the ontology,
 * in an assertion graph of its own. The graph is named by a digest of the triple, since a relation has no id.
 */
final class RelationMapper {
    private static final String EXAMPLE_PROPERTIES =
            "participant, participantCountry, contributor, supporter, organiser, topic, usesInstrument, lead";

    private final Graph ontology;
    private final ReferenceIndex index;
    private final AssertionGraphs graphs;
    private final QuadSink sink;
    private final List<DataError> errors;

    RelationMapper(Graph ontology, ReferenceIndex index, AssertionGraphs graphs, QuadSink sink,
                   List<DataError> errors) {
        this.ontology = ontology;
        this.index = index;
        this.graphs = graphs;
        this.sink = sink;
        this.errors = errors;
    }

    void map(CsvTable table) {
        Map<String, Integer> seen = new HashMap<>();
        for (CsvRow row : table.rows()) {
            int errorsBefore = errors.size();
            Optional<String> subject = index.resolveQualified(row, "subject");
            Optional<String> object = index.resolveQualified(row, "object");
            Cell property = row.cell("property");
            Node predicate = NodeFactory.createURI(Coop.NS + property.value());
            if (property.isEmpty() || !ontology.contains(predicate, RDF.type.asNode(), OWL.ObjectProperty.asNode())) {
                errors.add(row.error(property, property.isEmpty() ? "required.empty" : "relation.property",
                        "'" + CsvReader.shorten(property.value()) + "' is not an object property of the coop "
                                + "ontology; use the local name of one, e.g. " + EXAMPLE_PROPERTIES));
            }
            String key = row.value("subject") + " " + property.value() + " " + row.value("object");
            Integer previous = seen.putIfAbsent(key, row.line());
            if (previous != null) {
                errors.add(row.error(row.cell("subject"), "relation.duplicate", "the same relation is already on "
                        + "line " + previous + "; keep one row (cite a second source in a second file row only "
                        + "after the first is removed)"));
            }
            graphs.check(row, TableSpec.Provenance.REQUIRED);
            if (errors.size() > errorsBefore) continue;
            Node s = NodeFactory.createURI(subject.orElseThrow());
            Node graph = graphs.graphOf(row, "relation-" + Sha256.hex(key, 6), s, TableSpec.Provenance.REQUIRED);
            sink.emit(graph, s, predicate, NodeFactory.createURI(object.orElseThrow()));
        }
    }
}

package org.coopkg.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Maps a row of an entity file to the statements about its entity: its class, its cells, a label made from
 * what it links where the table has no label column, and OWL-Time beside its dates. A row with any problem
 * states nothing, so that a half-checked entity never reaches the data.
 */
final class EntityRowMapper {
    private final MappingContext context;
    private final CellMapper cells;

    EntityRowMapper(MappingContext context) {
        this.context = context;
        this.cells = new CellMapper(context.index(), context.errors());
    }

    /** Declares the concept schemes that the rows of concepts.csv are in. */
    void writeConceptSchemes() {
        for (CuratedSchema.ConceptScheme scheme : CuratedSchema.CONCEPT_SCHEMES) {
            Node node = NodeFactory.createURI(context.names().conceptScheme(scheme.id()));
            Node metadata = context.graphs().metadataGraph();
            context.emit(metadata, node, RDF.type.asNode(), SKOS.ConceptScheme.asNode());
            context.emit(metadata, node, RDFS.label.asNode(),
                    NodeFactory.createLiteralLang(scheme.label(), "en"));
        }
    }

    void map(CsvRow row, TableSpec spec) {
        if (!context.index().defines(spec.kind(), row)) return;
        String id = row.value(TableSpec.ID);
        Node subject = NodeFactory.createURI(context.names().entity(spec.kind(), id));
        List<Node[]> triples = new ArrayList<>();
        int problemsBefore = context.problemCount();

        spec.fixedClass().ifPresent(c -> triples.add(new Node[] {subject, RDF.type.asNode(), c.asNode()}));
        if (spec.kind().equals("concept")) mapScheme(row, subject, triples);
        for (Column column : spec.columns()) {
            Cell cell = row.cell(column.name());
            if (!cell.isEmpty()) {
                cells.map(row, cell, column, subject, triples);
            } else if (column.required()) {
                context.report(row.error(cell, "required.empty", "the column '" + column.name()
                        + "' is empty; it is required in " + row.file() + ", so fill it in"));
            }
        }
        spec.labelTemplate().ifPresent(template -> triples.add(new Node[] {subject, RDFS.label.asNode(),
                NodeFactory.createLiteralLang(label(row, spec, template), "en")}));
        new TemporalMapper(subject).map(triples);

        // Checked even when a cell is in error, so that a curator sees every problem of the row at once.
        context.graphs().check(row, spec.provenance());
        if (context.problemCount() > problemsBefore) return;
        Node graph = context.graphs().graphOf(row, context.names().rowAssertion(spec.kind(), id), subject,
                spec.provenance());
        triples.forEach(t -> context.emit(graph, t[0], t[1], t[2]));
    }

    private void mapScheme(CsvRow row, Node subject, List<Node[]> triples) {
        Cell cell = row.cell("scheme");
        if (cell.isEmpty()) return;
        Optional<CuratedSchema.ConceptScheme> scheme = CuratedSchema.conceptScheme(cell.value());
        if (scheme.isEmpty()) {
            context.report(row.error(cell, "scheme.unknown", "the scheme '" + cell.value() + "' is not one of: "
                    + CuratedSchema.CONCEPT_SCHEMES.stream().map(CuratedSchema.ConceptScheme::id)
                            .collect(Collectors.joining(", "))));
            return;
        }
        triples.add(new Node[] {subject, RDF.type.asNode(), scheme.get().conceptClass().asNode()});
        triples.add(new Node[] {subject, SKOS.inScheme.asNode(),
                NodeFactory.createURI(context.names().conceptScheme(scheme.get().id()))});
    }

    /** The label of an n-ary node: the labels of what its row links, or the ids where they have none. */
    private String label(CsvRow row, TableSpec spec, TableSpec.LabelTemplate template) {
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < template.columns().size(); i++) {
            String column = template.columns().get(i);
            String value = row.value(column);
            if (value.isEmpty()) continue;
            Column.Ref ref = (Column.Ref) spec.column(column).orElseThrow();
            if (label.length() > 0) label.append(template.prefixes().get(i));
            ReferenceIndex index = context.index();
            label.append(index.resolve(value, ref.kinds()).map(target -> index.label(target, value)).orElse(value));
        }
        return label.toString();
    }
}

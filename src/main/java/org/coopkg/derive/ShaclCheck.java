package org.coopkg.derive;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.util.FmtUtils;
import org.coopkg.core.DataError;
import org.coopkg.core.DataException;
import org.coopkg.core.vocab.Coop;
import org.coopkg.load.CsvRow;

/**
 * Validates the loaded graph against {@code ontology/shapes.ttl} and reports each result where the curator
 * can fix it: the CSV file and line of the row that made the offending entity.
 */
public final class ShaclCheck {
    private final Shapes shapes;
    private final Map<String, CsvRow> rowsByEntity;

    public ShaclCheck(Shapes shapes, Map<String, CsvRow> rowsByEntity) {
        this.shapes = shapes;
        this.rowsByEntity = rowsByEntity;
    }

    /** Every result of validation, violations and warnings, located. */
    public List<DataError> findings(Graph graph) {
        List<DataError> findings = new ArrayList<>();
        for (ReportEntry entry : validate(graph)) {
            findings.add(locate(entry, graph));
        }
        return findings;
    }

    /** Throws when the graph violates a shape (warnings and infos do not stop a load). */
    public void check(Graph graph) throws DataException {
        List<DataError> violations = validate(graph).stream()
                .filter(e -> e.severity() == Severity.Violation)
                .map(e -> locate(e, graph))
                .toList();
        if (!violations.isEmpty()) throw new DataException(violations);
    }

    /**
     * What {@code ShaclValidator.validate(shapes, graph)} reports, with the target shapes validated in
     * parallel, each on its own context. The graph is only read, so the threads may share it; with two cores
     * this nearly halves validation, the longest step of a large load.
     */
    List<ReportEntry> validate(Graph graph) {
        List<Shape> targets = List.copyOf(shapes.getTargetShapes());
        return targets.parallelStream().map(shape -> {
            ValidationContext context = ValidationContext.create(shapes, graph);
            for (Node focus : VLib.focusNodes(graph, shape)) VLib.validateShape(context, graph, shape, focus);
            return context.generateReport().getEntries();
        }).flatMap(Collection::stream).toList();
    }

    private DataError locate(ReportEntry entry, Graph graph) {
        Node focus = entry.focusNode();
        String rule = "shacl." + component(entry);
        StringBuilder message = new StringBuilder(entry.message() == null ? "violates a shape" : entry.message());
        message.append(" (entity ").append(FmtUtils.stringForNode(focus));
        Path path = entry.resultPath();
        if (path != null) message.append(", property ").append(path);
        if (entry.value() != null) message.append(", value ").append(FmtUtils.stringForNode(entry.value()));
        message.append(')');
        if (entry.severity() != Severity.Violation) message.append(" [").append(entry.severity().level().getLocalName()).append(']');

        if (focus.isURI()) {
            String iri = focus.getURI();
            int hash = iri.indexOf('#');
            CsvRow row = rowsByEntity.get(hash > 0 ? iri.substring(0, hash) : iri);
            if (row != null) return new DataError(row.file(), row.line(), 0, rule, message.toString());
        }
        Node file = object(graph, focus, Coop.sourceFile.asNode());
        Node line = object(graph, focus, Coop.sourceLine.asNode());
        if (file != null && line != null) {
            return new DataError(file.getLiteralLexicalForm(), Integer.parseInt(line.getLiteralLexicalForm()), 0,
                    rule, message.toString());
        }
        return DataError.ofFile("(graph)", rule, message.toString());
    }

    private static Node object(Graph graph, Node subject, Node property) {
        if (subject.isLiteral()) return null;
        var it = graph.find(subject, property, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    private static String component(ReportEntry entry) {
        Node component = entry.sourceConstraintComponent();
        if (component == null || !component.isURI()) return "shape";
        String name = component.getLocalName().replace("ConstraintComponent", "");
        return name.isEmpty() ? "shape" : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}

package org.coopkg.derive;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shacl.validation.VLib;

/**
 * Validates a graph against the SHACL shapes: what {@code ShaclValidator} reports, found in parallel and with
 * {@link ShapeShortcuts}' faster constraints.
 */
final class ShaclCheck {
    private final Shapes shapes;

    ShaclCheck(Shapes shapes) {
        this.shapes = ShapeShortcuts.of(shapes);
    }

    /**
     * The violations (warnings and infos do not stop a load or an update), in the order of their descriptions and
     * each description once: several shapes may find the same fault.
     */
    List<Violation> violations(Graph graph) {
        Map<String, Violation> byDescription = new TreeMap<>();
        for (ReportEntry entry : validate(graph)) {
            if (entry.severity() != Severity.Violation) continue;
            Violation violation = Violation.of(entry);
            byDescription.putIfAbsent(violation.describe(), violation);
        }
        return List.copyOf(byDescription.values());
    }

    /**
     * What {@code ShaclValidator.validate(shapes, graph)} reports, with the target shapes validated in parallel, each
     * on its own context. The graph is only read, so the threads may share it; on two cores this nearly halves
     * validation, the longest step of a large load.
     */
    List<ReportEntry> validate(Graph graph) {
        List<Shape> targets = List.copyOf(shapes.getTargetShapes());
        return targets.parallelStream().map(shape -> {
            ValidationContext context = ValidationContext.create(shapes, graph);
            for (Node focus : VLib.focusNodes(graph, shape)) VLib.validateShape(context, graph, shape, focus);
            return context.generateReport().getEntries();
        }).flatMap(Collection::stream).toList();
    }
}

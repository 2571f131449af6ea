package org.coopkg.derive;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.engine.constraint.ClassConstraint;
import org.apache.jena.shacl.engine.constraint.ConstraintOp1;
import org.apache.jena.shacl.engine.constraint.ConstraintOpN;
import org.apache.jena.shacl.engine.constraint.QualifiedValueShape;
import org.apache.jena.shacl.engine.constraint.ReportConstraint;
import org.apache.jena.shacl.engine.constraint.ShNot;
import org.apache.jena.shacl.engine.constraint.ShOr;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.parser.Constraint;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportItem;
import org.apache.jena.shacl.validation.ValidationProc;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.vocabulary.RDF;

/**
 * The shapes with four of Jena's constraints replaced by ones that decide the same, faster: at scale half of
 * validating went into them. Jena 5.6's {@code sh:or}, {@code sh:not} and {@code sh:qualifiedValueShape} decide
 * whether a value conforms to a nested shape by building the nested validation's report as an RDF model and asking
 * it; the replacements ask the nested context whether it saw a result, which is what the report's {@code conforms()}
 * tells.
 * Jena's {@code sh:class} gathers every type of a value through {@code rdfs:subClassOf} before looking for the
 * class; the replacement first looks for the type statement itself, which the materialised union almost always
 * has, and asks Jena's when it is missing. Reports are unchanged: same entries, same messages.
 */
final class ShapeShortcuts {
    private ShapeShortcuts() {}

    /** A new parse of {@code shapes}' graph, with the replacements in place (the shapes given are not changed). */
    static Shapes of(Shapes shapes) {
        Shapes parsed = Shapes.parse(shapes.getGraph());
        Set<Shape> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Shape> pending = new ArrayDeque<>(parsed.getShapeMap().values());
        pending.addAll(parsed.getTargetShapes());
        while (!pending.isEmpty()) {
            Shape shape = pending.pop();
            if (!seen.add(shape)) continue;
            pending.addAll(shape.getPropertyShapes());
            // The parser keeps each shape's constraints in a list of its own, so they can be replaced in place.
            ListIterator<Constraint> constraints = ((List<Constraint>) shape.getConstraints()).listIterator();
            while (constraints.hasNext()) {
                Constraint constraint = constraints.next();
                pending.addAll(nestedShapes(constraint));
                Constraint replacement = replacement(constraint);
                if (replacement != constraint) constraints.set(replacement);
            }
        }
        return parsed;
    }

    private static List<Shape> nestedShapes(Constraint constraint) {
        if (constraint instanceof ConstraintOpN n) return n.getOthers();
        if (constraint instanceof ConstraintOp1 one) return List.of(one.getOther());
        if (constraint instanceof QualifiedValueShape q) return List.of(q.getSub());
        return List.of();
    }

    private static Constraint replacement(Constraint constraint) {
        if (constraint.getClass() == ShOr.class) return new QuickOr(((ShOr) constraint).getOthers());
        if (constraint.getClass() == ShNot.class) return new QuickNot(((ShNot) constraint).getOther());
        if (constraint.getClass() == ClassConstraint.class) {
            return new QuickClass(((ClassConstraint) constraint).getExpectedClass());
        }
        if (constraint.getClass() == QualifiedValueShape.class) {
            QualifiedValueShape q = (QualifiedValueShape) constraint;
            // Disjoint qualified shapes compare siblings: left to Jena.
            if (!q.qDisjoint()) return new QuickQualifiedValueShape(q.getSub(), q.qMin(), q.qMax());
        }
        return constraint;
    }

    /** Whether {@code value} conforms to {@code shape}: the nested validation saw no result. */
    private static boolean conforms(ValidationContext context, Graph data, Shape shape, Node value) {
        ValidationContext nested = ValidationContext.create(context);
        ValidationProc.execValidateShape(nested, data, shape, value);
        return !nested.hasViolation();
    }

    static final class QuickOr extends ShOr {
        QuickOr(List<Shape> others) {
            super(others);
        }

        @Override
        public ReportItem validate(ValidationContext context, Graph data, Node node) {
            for (Shape shape : others) {
                if (conforms(context, data, shape, node)) return null;
            }
            return new ReportItem(this + " at focusNode " + ShLib.displayStr(node), node);
        }
    }

    static final class QuickNot extends ShNot {
        QuickNot(Shape other) {
            super(other);
        }

        @Override
        public ReportItem validate(ValidationContext context, Graph data, Node node) {
            if (!conforms(context, data, other, node)) return null;
            return new ReportItem("Not[" + other + "] at focusNode " + ShLib.displayStr(node), node);
        }
    }

    static final class QuickClass extends ClassConstraint {
        QuickClass(Node expectedClass) {
            super(expectedClass);
        }

        @Override
        public ReportItem validate(ValidationContext context, Graph data, Node focusNode) {
            if (!focusNode.isLiteral() && data.contains(focusNode, RDF.Nodes.type, getExpectedClass())) return null;
            return super.validate(context, data, focusNode);
        }
    }

    static final class QuickQualifiedValueShape extends QualifiedValueShape {
        QuickQualifiedValueShape(Shape sub, int qMin, int qMax) {
            super(sub, qMin, qMax, false);
        }

        @Override
        public void validatePropertyShape(ValidationContext context, Graph data, Shape shape, Node focusNode, Path path,
                                          Set<Node> valueNodes) {
            int conforming = 0;
            for (Node value : valueNodes) {
                if (conforms(context, context.getDataGraph(), getSub(), value)) conforming++;
            }
            int count = conforming;
            boolean minMet = qMin() < 0 || qMin() <= count;
            if (!minMet) {
                context.reportEntry(this + ": Min = " + qMin() + " but got " + count + " validations", shape, focusNode,
                        path, null, new ReportConstraint(SHACL.QualifiedMinCountConstraintComponent));
            }
            if (qMin() > 0) {
                context.notifyValidationListener(() -> new QualifiedMinCountConstraintEvaluatedEvent(context, shape,
                        focusNode, this, path, valueNodes, valueNodes, qMin(), count, minMet));
            }
            boolean maxMet = qMax() < 0 || qMax() >= count;
            if (!maxMet) {
                context.reportEntry(this + ": Max = " + qMax() + " but got " + count + " validations", shape, focusNode,
                        path, null, new ReportConstraint(SHACL.QualifiedMaxCountConstraintComponent));
            }
            if (qMax() > 0) {
                context.notifyValidationListener(() -> new QualifiedMaxCountConstraintEvaluatedEvent(context, shape,
                        focusNode, this, path, valueNodes, valueNodes, qMax(), count, maxMet));
            }
        }
    }
}

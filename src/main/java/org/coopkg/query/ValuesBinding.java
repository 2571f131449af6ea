package org.coopkg.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformer;

/** Replaces the rows of a query's one-variable {@code VALUES} blocks: how a gallery query's parameters are bound. */
final class ValuesBinding {
    private ValuesBinding() {}

    static Query bind(Query query, Map<String, List<Node>> values) {
        if (values.isEmpty()) return query;
        Element pattern = ElementTransformer.transform(query.getQueryPattern(), new ElementTransformCopyBase() {
            @Override
            public Element transform(ElementData data) {
                if (data.getVars().size() != 1) return data;
                Var var = data.getVars().get(0);
                List<Node> given = values.get(var.getVarName());
                if (given == null) return data;
                ElementData replaced = new ElementData();
                replaced.add(var);
                for (Node n : given) {
                    Binding row = BindingFactory.binding(var, n);
                    replaced.add(row);
                }
                return replaced;
            }
        }, new ExprTransformCopy());
        Query bound = query.cloneQuery();
        bound.setQueryPattern(pattern);
        return bound;
    }

    /** The values a query's own one-variable {@code VALUES} block for {@code variable} holds, as SPARQL terms. */
    static List<Node> defaults(Query query, String variable) {
        List<Node> found = new ArrayList<>();
        ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
            @Override
            public void visit(ElementData data) {
                if (data.getVars().size() == 1 && data.getVars().get(0).getVarName().equals(variable)) {
                    data.getRows().forEach(row -> found.add(row.get(data.getVars().get(0))));
                }
            }
        });
        return found;
    }
}

package org.coopkg.web;

import java.util.List;
import java.util.Set;

import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateBinaryOp;
import org.apache.jena.sparql.modify.request.UpdateCreate;
import org.apache.jena.sparql.modify.request.UpdateData;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDropClear;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.modify.request.UpdateMove;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;

/**
 * Which graphs an update may write. The default graph is a stored copy of the union of the named graphs,
 * rebuilt after every update, so a write to it would be lost: every write must name a graph
 * ({@code INSERT DATA { GRAPH <g> { … } }}, {@code WITH <g>}, {@code GRAPH <g>} in templates, {@code ?graph=}
 * in the Graph Store Protocol). The ontology and inferred graphs are computed, not curated, and cannot be
 * named as a target. Breaking a rule is answered 400 before anything is executed.
 */
final class UpdatePolicy {
    private final Set<Node> reserved;

    UpdatePolicy(Node ontologyGraph, Node inferredGraph) {
        this.reserved = Set.of(ontologyGraph, inferredGraph);
    }

    void check(UpdateRequest request) {
        for (Update update : request.getOperations()) check(update);
    }

    private void check(Update update) {
        if (update instanceof UpdateData data) {
            quads(data.getQuads(), null);
        } else if (update instanceof UpdateDeleteWhere deleteWhere) {
            quads(deleteWhere.getQuads(), null);
        } else if (update instanceof UpdateModify modify) {
            Node with = modify.getWithIRI();
            if (with != null) target(with);
            quads(modify.getDeleteQuads(), with);
            quads(modify.getInsertQuads(), with);
        } else if (update instanceof UpdateDropClear dropClear) {
            target(dropClear.getTarget());
        } else if (update instanceof UpdateLoad load) {
            if (load.getDest() == null) defaultGraph();
            target(load.getDest());
        } else if (update instanceof UpdateBinaryOp binary) {
            target(binary.getDest());
            if (update instanceof UpdateMove) target(binary.getSrc());
        } else if (!(update instanceof UpdateCreate)) {
            ServletOps.errorBadRequest("this kind of update is not supported here: " + update.getClass().getSimpleName());
        }
    }

    private void quads(List<Quad> quads, Node with) {
        for (Quad quad : quads) {
            Node graph = quad.getGraph();
            if (graph == null || quad.isDefaultGraph()) {
                if (with == null) defaultGraph();
            } else if (graph.isConcrete()) {
                target(graph);
            }
        }
    }

    private void target(Target target) {
        if (target.isDefault()) defaultGraph();
        if (target.isAll() || target.isAllNamed()) {
            ServletOps.errorBadRequest("the update targets " + (target.isAll() ? "ALL" : "NAMED")
                    + " graphs; name the one graph to change (GRAPH <iri>)");
        }
        if (target.isOneNamedGraph()) target(target.getGraph());
    }

    /** A named graph given as a write target. */
    void target(Node graph) {
        if (reserved.contains(graph)) {
            ServletOps.errorBadRequest("the graph <" + graph.getURI() + "> is computed by the server (ontology and "
                    + "inferences) and cannot be written; write the curated statements to another named graph");
        }
    }

    static void defaultGraph() {
        ServletOps.errorBadRequest("the update writes to the default graph, which is the union of the named graphs "
                + "and rebuilt after every update; name a graph instead, e.g. INSERT DATA { GRAPH <iri> { ... } }, "
                + "WITH <iri>, or ?graph=<iri> for the Graph Store");
    }
}

package org.coopkg.web;

import java.util.List;
import java.util.Locale;
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
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;

/**
 * Which graphs an update may name. Any SPARQL 1.1 Update is accepted, the default graph and {@code ALL} / {@code NAMED}
 * included ({@link CuratedWrites} says what they mean); but the ontology and inferred graphs are computed by the
 * server at every commit, so naming one of them as the target of a write ({@code GRAPH <…/graph/inferred>},
 * {@code WITH}, {@code CLEAR GRAPH}, {@code ?graph=}) is answered 400 rather than accepted and silently undone.
 * {@code LOAD} reads {@code http:} and {@code https:} IRIs only: a {@code file:} IRI would publish the server's
 * files. Breaking a rule is answered 400 before anything is executed.
 */
final class UpdatePolicy {
    private static final Set<String> LOADABLE = Set.of("http", "https");

    private final Set<Node> computed;

    UpdatePolicy(Node ontologyGraph, Node inferredGraph) {
        this.computed = Set.of(ontologyGraph, inferredGraph);
    }

    void check(UpdateRequest request) {
        for (Update update : request.getOperations()) check(update);
    }

    private void check(Update update) {
        if (update instanceof UpdateData data) {
            quads(data.getQuads());
        } else if (update instanceof UpdateDeleteWhere deleteWhere) {
            quads(deleteWhere.getQuads());
        } else if (update instanceof UpdateModify modify) {
            if (modify.getWithIRI() != null) target(modify.getWithIRI());
            quads(modify.getDeleteQuads());
            quads(modify.getInsertQuads());
        } else if (update instanceof UpdateDropClear dropClear) {
            target(dropClear.getTarget());
        } else if (update instanceof UpdateLoad load) {
            loadable(load.getSource());
            if (load.getDest() != null) target(load.getDest());
        } else if (update instanceof UpdateBinaryOp binary) {
            target(binary.getDest());
            target(binary.getSrc());
        } else if (update instanceof UpdateCreate create) {
            if (create.getGraph() != null) target(create.getGraph());
        }
    }

    private void quads(List<Quad> quads) {
        for (Quad quad : quads) {
            Node graph = quad.getGraph();
            if (graph != null && graph.isURI()) target(graph);
        }
    }

    private void target(Target target) {
        if (target.isOneNamedGraph()) target(target.getGraph());
    }

    /** A named graph given as a write target. */
    void target(Node graph) {
        if (computed.contains(graph)) {
            ServletOps.errorBadRequest("the graph <" + graph.getURI() + "> is computed by the server (ontology and "
                    + "inferences) at every update and cannot be written; write the curated statements to another named "
                    + "graph, or to the default graph");
        }
    }

    private static void loadable(String source) {
        int colon = source.indexOf(':');
        String scheme = colon < 0 ? "" : source.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!LOADABLE.contains(scheme)) {
            ServletOps.errorBadRequest("LOAD <" + source + ">: only http: and https: IRIs can be loaded; send the data "
                    + "itself with INSERT DATA or a Graph Store PUT/POST instead");
        }
    }
}

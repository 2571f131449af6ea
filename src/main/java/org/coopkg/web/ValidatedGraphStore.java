package org.coopkg.web;

import org.apache.jena.fuseki.servlets.GSP_RW;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIx;

/**
 * The writable Graph Store at {@code /coop/data} (update mode only; writes behind {@link UpdateAuth}). Reads
 * are Fuseki's. A write must name one graph with {@code ?graph=IRI} that is not computed by the server
 * ({@link UpdatePolicy}); whole-dataset writes (quads, no {@code ?graph}) and {@code ?default} are refused
 * with 400. The {@link CuratedDataset} validates at commit: a write that breaks the shapes is answered 422
 * with the report and changes nothing.
 */
final class ValidatedGraphStore extends GSP_RW {
    private final UpdatePolicy policy;

    ValidatedGraphStore(UpdatePolicy policy) {
        this.policy = policy;
    }

    @Override
    public void execute(HttpAction action) {
        OneLineErrors.reportingShapeViolations(action.getRequest(), () -> super.execute(action));
    }

    @Override
    protected void doPut(HttpAction action) {
        checkTarget(action);
        super.doPut(action);
    }

    @Override
    protected void doPost(HttpAction action) {
        checkTarget(action);
        super.doPost(action);
    }

    @Override
    protected void doDelete(HttpAction action) {
        checkTarget(action);
        super.doDelete(action);
    }

    @Override
    protected void doPatch(HttpAction action) {
        ServletOps.errorMethodNotAllowed("PATCH");
    }

    private void checkTarget(HttpAction action) {
        if (action.getRequest().getParameter("default") != null) UpdatePolicy.defaultGraph();
        String graph = action.getRequest().getParameter("graph");
        if (graph == null) {
            ServletOps.errorBadRequest("name the graph to write with ?graph=IRI; writing the whole dataset is not allowed");
        }
        boolean absolute;
        try {
            absolute = IRIx.create(graph).isAbsolute();
        } catch (RuntimeException e) {
            absolute = false;
        }
        if (!absolute) ServletOps.errorBadRequest("?graph= must be an absolute IRI, not " + graph);
        policy.target(NodeFactory.createURI(graph));
    }
}

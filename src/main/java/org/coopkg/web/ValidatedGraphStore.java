package org.coopkg.web;

import org.apache.jena.fuseki.servlets.GSP_RW;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIx;

/**
 * The writable Graph Store at {@code /coop/data} (update mode only; writes behind {@link UpdateAuth}). Reads are
 * Fuseki's. Writes follow the SPARQL 1.1 Graph Store Protocol: {@code ?graph=IRI} names a graph (an absolute IRI, not
 * one the server computes: {@link UpdatePolicy}), {@code ?default} the default graph, whose writes go to the edits
 * graph ({@link CuratedWrites}); Fuseki's extension without either, quads to the whole dataset, is accepted too (a
 * PUT then replaces every curated graph). The {@link CuratedDataset} validates at commit: a write that breaks the
 * shapes is answered 422 with the report and changes nothing.
 */
final class ValidatedGraphStore extends GSP_RW {
    private final UpdatePolicy policy;

    ValidatedGraphStore(UpdatePolicy policy) {
        this.policy = policy;
    }

    @Override
    public void execute(HttpAction action) {
        OneLineErrors.reportingShapeViolations(action.getRequest(),
                () -> CuratedDataset.writeAs(action.getRequest(), () -> super.execute(action)));
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
        String graph = action.getRequest().getParameter("graph");
        if (graph == null) return;
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

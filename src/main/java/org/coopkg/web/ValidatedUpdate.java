package org.coopkg.web;

import java.io.InputStream;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.modify.UsingList;
import org.apache.jena.update.UpdateAction;
import org.apache.jena.update.UpdateException;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * SPARQL Update at {@code /coop/update} (update mode only, behind {@link UpdateAuth}). The whole request is
 * parsed and checked against the {@link UpdatePolicy} before anything runs, then executed in one write
 * transaction; the {@link CuratedDataset} recomputes the derived graphs and validates at commit, so an update
 * that breaks the shapes is answered 422 with the report and changes nothing. (Fuseki's own update operation
 * would answer 204 even when the commit fails.) Relative IRIs resolve against the data's base IRI.
 */
final class ValidatedUpdate extends SPARQL_Update {
    private final UpdatePolicy policy;
    private final String base;

    ValidatedUpdate(UpdatePolicy policy, String base) {
        this.policy = policy;
        this.base = base;
    }

    @Override
    public void execute(HttpAction action) {
        OneLineErrors.reportingShapeViolations(action.getRequest(), () -> super.execute(action));
    }

    @Override
    protected void execute(HttpAction action, InputStream input) {
        UpdateRequest request;
        try {
            request = UpdateFactory.read(usingList(action), input, base, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            ServletOps.errorBadRequest(SPARQLProtocol.messageForParseException(e));
            return;
        } catch (UpdateException | QueryException e) {
            ServletOps.errorBadRequest(e.getMessage());
            return;
        }
        policy.check(request);
        action.beginWrite();
        try {
            UpdateAction.execute(request, action.getActiveDSG());
            action.commit();
        } catch (ActionErrorException e) {
            action.abortSilent();
            throw e;
        } catch (UpdateException | QueryException e) {
            action.abortSilent();
            ServletOps.errorBadRequest(e.getMessage());
        } catch (RuntimeException e) {
            action.abortSilent();
            throw e;
        } finally {
            action.endWrite();
        }
    }

    /** The protocol's {@code using-graph-uri} and {@code using-named-graph-uri} parameters. */
    private UsingList usingList(HttpAction action) {
        UsingList using = new UsingList();
        String[] graphs = action.getRequest().getParameterValues("using-graph-uri");
        String[] named = action.getRequest().getParameterValues("using-named-graph-uri");
        if (graphs != null) for (String g : graphs) using.addUsing(NodeFactory.createURI(iri(g)));
        if (named != null) for (String g : named) using.addUsingNamed(NodeFactory.createURI(iri(g)));
        return using;
    }

    private String iri(String given) {
        try {
            return IRIs.resolve(base, given);
        } catch (RuntimeException e) {
            ServletOps.errorBadRequest("not an IRI: " + given);
            return null;
        }
    }
}

package org.coopkg.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.modify.request.UpdateWithUsing;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateAction;
import org.apache.jena.update.UpdateException;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * SPARQL Update at {@code /coop/update} (update mode only, behind {@link UpdateAuth}). The whole request is
 * checked ({@link QueryLimits}), parsed and checked against the {@link UpdatePolicy} before anything runs, then
 * executed in one write transaction; the {@link CuratedDataset} recomputes the derived graphs and validates at
 * commit, so an update that breaks the shapes is answered 422 with the report and changes nothing. (Fuseki's own
 * update operation would answer 204 even when the commit fails.) Relative IRIs resolve against the data's base IRI.
 *
 * <p>The protocol's {@code using-graph-uri} and {@code using-named-graph-uri} parameters set the dataset of every
 * operation with a WHERE clause; combined with an operation that has its own {@code USING}, {@code USING NAMED} or
 * {@code WITH} they are a 400, as the SPARQL 1.1 Protocol requires (stock Fuseki answers 500).
 */
final class ValidatedUpdate extends SPARQL_Update {
    private static final String USING = "using-graph-uri";
    private static final String USING_NAMED = "using-named-graph-uri";

    private final UpdatePolicy policy;
    private final QueryLimits limits;
    private final String base;

    ValidatedUpdate(UpdatePolicy policy, QueryLimits limits, String base) {
        this.policy = policy;
        this.limits = limits;
        this.base = base;
    }

    @Override
    public void execute(HttpAction action) {
        OneLineErrors.reportingShapeViolations(action.getRequest(),
                () -> CuratedDataset.writeAs(action.getRequest(), () -> super.execute(action)));
    }

    @Override
    protected void execute(HttpAction action, InputStream input) {
        String text;
        try {
            text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            ServletOps.errorBadRequest("the update could not be read: " + e.getMessage());
            return;
        }
        limits.checkUpdateText(text);
        UpdateRequest request;
        try {
            request = UpdateFactory.create(text, base, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            ServletOps.errorBadRequest(SPARQLProtocol.messageForParseException(e));
            return;
        } catch (UpdateException | QueryException e) {
            ServletOps.errorBadRequest(e.getMessage());
            return;
        }
        applyProtocolDataset(action, request);
        limits.checkUpdate(request);
        policy.check(request);
        action.beginWrite();
        try {
            UpdateAction.execute(request, new UnionView(action.getActiveDSG()));
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

    /**
     * The dataset as a WHERE clause must see it. Jena's query engine unwraps a plain wrapper down to the stored
     * dataset; this marker stops it here, so that the default graph of a WHERE is the union {@link CuratedWrites}
     * gives, with the request's earlier operations in it.
     */
    private static final class UnionView extends DatasetGraphWrapper implements DatasetGraphWrapperView {
        UnionView(DatasetGraph dataset) {
            super(dataset);
        }
    }

    /** {@code using-graph-uri} / {@code using-named-graph-uri}: the dataset of every operation with a WHERE clause. */
    private void applyProtocolDataset(HttpAction action, UpdateRequest request) {
        String[] graphs = action.getRequest().getParameterValues(USING);
        String[] named = action.getRequest().getParameterValues(USING_NAMED);
        if (graphs == null && named == null) return;
        for (Update update : request.getOperations()) {
            if (update instanceof UpdateWithUsing op && (op.getWithIRI() != null || !op.getUsing().isEmpty()
                    || !op.getUsingNamed().isEmpty())) {
                ServletOps.errorBadRequest("the request gives " + USING + " or " + USING_NAMED + " and the update has its "
                        + "own USING, USING NAMED or WITH; give the dataset once: either the parameters or the clauses "
                        + "(SPARQL 1.1 Protocol, section 2.2.3)");
            }
        }
        for (Update update : request.getOperations()) {
            if (!(update instanceof UpdateWithUsing op)) continue;
            if (graphs != null) for (String g : graphs) op.addUsing(iri(g));
            if (named != null) for (String g : named) op.addUsingNamed(iri(g));
        }
    }

    private Node iri(String given) {
        try {
            return NodeFactory.createURI(IRIs.resolve(base, given));
        } catch (RuntimeException e) {
            ServletOps.errorBadRequest("not an IRI: " + given + "; give an absolute IRI such as http://example.org/graph");
            return null;
        }
    }
}

package org.coopkg.query.exec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.Abortable;
import org.apache.jena.sparql.engine.iterator.QueryIterAbortable;
import org.apache.jena.sparql.engine.main.OpExecutor;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.engine.main.solver.SolverLib;
import org.apache.jena.sparql.engine.main.solver.SolverRX4;

/**
 * ARQ's general evaluation with {@code GRAPH ?g { triple patterns }} matched as quads: each pattern asks the dataset for
 * the named graphs that hold its matches ({@link DatasetGraph#findNG}), which the read-only dataset answers from its
 * union's index ({@code UnionIndexedDataset}) and the transactional one from its quad indexes. ARQ's own evaluation
 * asks every named graph in turn, for each solution coming in: one graph per curated row, so 220,000 at scale 1000.
 */
final class QuadMatchingExecutor extends OpExecutor {
    static final OpExecutorFactory FACTORY = QuadMatchingExecutor::new;

    private QuadMatchingExecutor(ExecutionContext execCxt) {
        super(execCxt);
    }

    @Override
    protected QueryIterator execute(OpGraph opGraph, QueryIterator input) {
        if (!(opGraph.getNode() instanceof Var graph) || !(opGraph.getSubOp() instanceof OpBGP bgp)
                || bgp.getPattern().isEmpty() || hasTripleTerms(bgp)) {
            return super.execute(opGraph, input);
        }
        DatasetGraph dataset = execCxt.getDataset();
        Iterator<Binding> chain = input;
        List<Abortable> killList = new ArrayList<>();
        for (Triple pattern : bgp.getPattern()) {
            chain = Iter.flatMap(chain, binding -> matches(dataset, graph, pattern, binding));
            chain = SolverLib.makeAbortable(chain, killList);
        }
        return new QueryIterAbortable(chain, killList, input, execCxt);
    }

    private static Iterator<Binding> matches(DatasetGraph dataset, Var graph, Triple pattern, Binding binding) {
        Node graphName = valueIn(binding, graph);
        // As ARQ's GRAPH: a name the dataset has no graph of matches nothing (and asking a DatasetGraphMapLink for it
        // would create the graph).
        if (graphName != Node.ANY && !dataset.containsGraph(graphName)) return Iter.nullIterator();
        Iterator<Quad> quads = dataset.findNG(graphName, valueIn(binding, pattern.getSubject()),
                valueIn(binding, pattern.getPredicate()), valueIn(binding, pattern.getObject()));
        return Iter.removeNulls(Iter.map(quads, quad -> SolverRX4.matchQuad(binding, quad, graph, pattern)));
    }

    private static Node valueIn(Binding binding, Node node) {
        if (!(node instanceof Var var)) return node;
        Node value = binding.get(var);
        return value == null ? Node.ANY : value;
    }

    // Triple terms with variables inside need ARQ's matching of their parts.
    private static boolean hasTripleTerms(OpBGP bgp) {
        for (Triple t : bgp.getPattern()) {
            if (t.getSubject().isTripleTerm() || t.getPredicate().isTripleTerm() || t.getObject().isTripleTerm()) return true;
        }
        return false;
    }
}

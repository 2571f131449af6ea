package org.coopkg.query.exec;

import org.apache.jena.query.Query;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.engine.main.QueryEngineMain;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.tdb2.solver.QueryEngineTDB;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * coop-kg's query execution: ARQ's engine (TDB2's for a TDB2 database) with the rewrites of {@link CoopTransforms}
 * applied to its plan, on TDB2 property paths walked over node ids ({@link NodeIdPathExecutor}), and the compact SPARQL
 * JSON writer ({@link CompactJsonResults}). Every answer is ARQ's, row for row: the tests run the gallery and a set of
 * property-path and negation cases both ways. Each query remembers its lookups of property functions
 * ({@link RememberedPropertyFunctions}).
 *
 * <p>{@link #install} puts the engine in one dataset's context (a query registry of its own), so that other datasets
 * in the JVM keep ARQ's; a query sets {@link #ENABLED} false in its context to run on ARQ's engine.
 */
public final class CoopQueryEngine {
    /** Set false in a query's context to run it on ARQ's engine. */
    public static final Symbol ENABLED = Symbol.create("https://w3id.org/coop-kg/ontology#queryEngine");

    private static final QueryEngineFactory FACTORY = new Factory();

    private CoopQueryEngine() {}

    /**
     * Queries of {@code dataset} run on coop-kg's engine from now on; SPARQL JSON results use the compact writer; an
     * in-memory dataset's joins are ordered by its statistics ({@link #weightedJoinOrder}), gathered now.
     */
    public static void install(DatasetGraph dataset) {
        QueryEngineRegistry registry = QueryEngineRegistry.get().copy();
        registry.add(FACTORY);
        QueryEngineRegistry.set(dataset.getContext(), registry);
        CompactJsonResults.register();
        if (!storedInTdb2(dataset)) weightedJoinOrder(dataset);
    }

    /**
     * Whether the dataset, under the wrappers a query sees through (the full-text index's), is a TDB2 database: its
     * BGPs are then matched by TDB2's own stage generator over node ids, in the order of the load's {@code stats.opt},
     * which a weighted order gathered from its default graph would replace (and gathering it reads every quad).
     */
    static boolean storedInTdb2(DatasetGraph dataset) {
        return TDBInternal.isBackedByTDB(underWrappers(dataset));
    }

    /**
     * The dataset a query can run on directly, as Jena's own {@code QueryEngineFactoryWrapper} finds it: under every
     * wrapper but one that changes what a query sees ({@link DatasetGraphWrapperView}, e.g. the union a SPARQL Update's
     * WHERE clause reads).
     */
    private static DatasetGraph underWrappers(DatasetGraph dataset) {
        DatasetGraph base = dataset;
        while (base instanceof DatasetGraphWrapper wrapper && !(base instanceof DatasetGraphWrapperView)) {
            base = wrapper.getWrapped();
        }
        return base;
    }

    /**
     * Basic graph patterns of the in-memory {@code dataset} matched in the order of its statistics ({@link WeightedStages})
     * instead of ARQ's fixed order. Not for TDB2, which reads the statistics the load wrote ({@code stats.opt}). The
     * order applies to every query of the dataset, ARQ's engine included (it is the dataset's stage generator).
     */
    public static void weightedJoinOrder(DatasetGraph dataset) {
        WeightedStages stages = org.apache.jena.system.Txn.calculateRead(dataset, () -> WeightedStages.of(dataset.getDefaultGraph()));
        org.apache.jena.sparql.engine.main.StageBuilder.setGenerator(dataset.getContext(), stages);
    }

    /** Whether a query with this context runs on coop-kg's engine (installed, and not turned off). */
    static boolean enabled(Context context) {
        return context != null && context.isTrueOrUndef(ENABLED);
    }

    /** The query's lookups of property functions remembered for the query ({@link RememberedPropertyFunctions}). */
    private static void rememberPropertyFunctions(Context queryContext) {
        PropertyFunctionRegistry.set(queryContext, new RememberedPropertyFunctions(PropertyFunctionRegistry.chooseRegistry(queryContext)));
    }

    private static final class Factory implements QueryEngineFactory {
        @Override
        public boolean accept(Query query, DatasetGraph dataset, Context context) {
            return enabled(context);
        }

        @Override
        public Plan create(Query query, DatasetGraph dataset, Binding input, Context context) {
            // Under the full-text index's wrapper too: ARQ's general engine would match a TDB2 database's GRAPH
            // patterns graph by graph. text:query finds its index in the context, which the wrapper filled.
            DatasetGraph base = underWrappers(dataset);
            if (TDBInternal.isBackedByTDB(base)) {
                return new OnTdb2(query, TDBInternal.requireStorage(base), input, context).getPlan();
            }
            return new InMemory(query, dataset, input, context).getPlan();
        }

        @Override
        public boolean accept(Op op, DatasetGraph dataset, Context context) {
            return false;
        }

        @Override
        public Plan create(Op op, DatasetGraph dataset, Binding input, Context context) {
            throw new IllegalStateException("coop-kg's engine runs queries, not algebra: accept(Op, …) refuses every Op");
        }
    }

    /**
     * TDB2's engine (quad form, TDB2's BGP matching over node ids) with coop-kg's rewrites last and property paths
     * walked over node ids too.
     */
    private static final class OnTdb2 extends QueryEngineTDB {
        OnTdb2(Query query, DatasetGraphTDB dataset, Binding input, Context context) {
            super(query, dataset, input, context);
            QC.setFactory(this.context, NodeIdPathExecutor.FACTORY);
            rememberPropertyFunctions(this.context);
        }

        @Override
        protected Op modifyOp(Op op) {
            Op rewritten = CoopTransforms.apply(super.modifyOp(op), context);
            setOp(rewritten);
            return rewritten;
        }
    }

    /** ARQ's general engine, for in-memory datasets, with coop-kg's rewrites last and GRAPH patterns matched as quads. */
    private static final class InMemory extends QueryEngineMain {
        InMemory(Query query, DatasetGraph dataset, Binding input, Context context) {
            super(query, dataset, input, context);
            // The engine's context is this query's own copy.
            QC.setFactory(this.context, QuadMatchingExecutor.FACTORY);
            rememberPropertyFunctions(this.context);
        }

        @Override
        protected Op modifyOp(Op op) {
            // Recorded, so that the plan shows what runs (TDB2's engine records its own the same way).
            Op rewritten = CoopTransforms.apply(super.modifyOp(op), context);
            setOp(rewritten);
            return rewritten;
        }
    }
}

package org.coopkg.query.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetReaderRegistry;
import org.apache.jena.riot.rowset.rw.RowSetWriterJSON;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.main.StageBuilder;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.coopkg.query.Gallery;
import org.coopkg.query.GalleryQuery;
import org.coopkg.synth.SyntheticData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * coop-kg's engine gives ARQ's answers, row for row and in the same order: every gallery query over the bundled
 * data with synthetic rows (so that answers have ties to break, and existence tests run over several batches), on the
 * in-memory dataset {@code serve} reads and on TDB2; and the plans really use the rewrites, so that a test passing
 * here is a test of them. The property-path and negation edge cases are in {@link EngineEdgeCasesTest}.
 */
class CoopQueryEngineTest {
    @TempDir
    static Path tmp;

    private static DatasetGraph inMemory;
    private static DatasetGraph tdb2;
    private static DatasetGraph stock;

    @BeforeAll
    static void load() throws Exception {
        Path data = tmp.resolve("syn");
        new SyntheticData(3, 1).writeTo(data);
        // ARQ's answers come from a dataset of its own: installing coop-kg's engine also orders an in-memory
        // dataset's joins by its statistics, for ARQ's engine too.
        stock = new CoopLoader(CuratedFiles.directory(data), CoopIris.DEFAULT_BASE).load().readOnlyDataset();
        inMemory = new CoopLoader(CuratedFiles.directory(data), CoopIris.DEFAULT_BASE).load().readOnlyDataset();
        tdb2 = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(tdb2, () -> Txn.executeRead(inMemory, () -> inMemory.find().forEachRemaining(tdb2::add)));
        CoopQueryEngine.install(inMemory);
        CoopQueryEngine.install(tdb2);
    }

    static Stream<String> gallery() {
        return Gallery.bundled().stream().filter(q -> !q.sparql().contains("text:query")).map(GalleryQuery::file);
    }

    /** In memory, with the weighted join order, which changes the order rows are found in: ARQ's answers, in order. */
    @ParameterizedTest
    @MethodSource("gallery")
    void galleryAnswersAreArqsInMemory(String file) {
        String sparql = sparql(file);
        List<Binding> arqs = Txn.calculateRead(stock, () -> rows(stock, sparql, false));
        List<Binding> ours = Txn.calculateRead(inMemory, () -> rows(inMemory, sparql, true));
        assertEquals(arqs, ours, file);
    }

    @ParameterizedTest
    @MethodSource("gallery")
    void galleryAnswersAreArqsOnTdb2(String file) {
        assertSameAnswers(tdb2, sparql(file));
    }

    @Test
    void thePlansUseTheRewrites() {
        String plan = plan(tdb2, sparql("13-entities-without-external-links.rq"));
        assertTrue(plan.contains("coopkg:antijoin"), plan);
        assertTrue(plan.contains("coopkg:order"), plan);
        assertFalse(plan.contains("notexists"), plan);
        assertTrue(plan(inMemory, sparql("05-foreign-scientists-in-china.rq")).contains("coopkg:antijoin"));
        assertTrue(plan(tdb2, sparql("11-external-links-per-kind.rq")).contains("coopkg:hashjoin"));
        assertTrue(plan(tdb2, sparql("16-programme-governance.rq")).contains("coopkg:groupoveroptional"));
    }

    @Test
    void aQueryCanAskForArqsEngine() {
        Query query = QueryFactory.create(sparql("13-entities-without-external-links.rq"));
        Context merged = Context.setupContextForDataset(ARQ.getContext(), tdb2);
        merged.set(CoopQueryEngine.ENABLED, false);
        assertFalse(QueryEngineRegistry.findFactory(query, tdb2, merged).getClass().getName().contains("CoopQueryEngine"));
        assertTrue(QueryEngineRegistry.findFactory(query, tdb2, Context.setupContextForDataset(ARQ.getContext(), tdb2))
                .getClass().getName().contains("CoopQueryEngine"));
    }

    /**
     * A TDB2 database under wrappers (the full-text index's, as {@code serve --tdb2} assembles it) keeps TDB2's own
     * join order: a weighted order gathered at install would read every quad and replace the load's statistics.
     */
    @Test
    void aWrappedTdb2DatabaseKeepsItsOwnJoinOrder() {
        DatasetGraph wrappedTdb2 = new DatasetGraphWrapper(new DatasetGraphWrapper(DatabaseMgr.createDatasetGraph()));
        assertTrue(CoopQueryEngine.storedInTdb2(wrappedTdb2));
        assertFalse(CoopQueryEngine.storedInTdb2(new DatasetGraphWrapper(inMemory)));
        CoopQueryEngine.install(wrappedTdb2);
        assertFalse(StageBuilder.getGenerator(wrappedTdb2.getContext()) instanceof WeightedStages);
        assertTrue(StageBuilder.getGenerator(inMemory.getContext()) instanceof WeightedStages);
    }

    /** Wrapped, a TDB2 database still runs on TDB2's engine (quads over node ids), not ARQ's graph-by-graph one. */
    @Test
    void aWrappedTdb2DatabaseRunsOnTdb2sEngine() {
        DatasetGraph wrapped = new DatasetGraphWrapper(tdb2);
        String plan = plan(wrapped, sparql("10-provenance-of-an-entity.rq"));
        assertTrue(plan.contains("quadpattern"), plan);
        assertSameAnswers(wrapped, sparql("10-provenance-of-an-entity.rq"));
        // A wrapper that changes what queries see is where the unwrapping stops, as in Jena's.
        class View extends DatasetGraphWrapper implements org.apache.jena.sparql.core.DatasetGraphWrapperView {
            View(DatasetGraph d) {
                super(d);
            }
        }
        assertFalse(plan(new View(tdb2), sparql("10-provenance-of-an-entity.rq")).contains("quadpattern"));
    }

    @ParameterizedTest
    @MethodSource("gallery")
    void compactJsonReadsBackAsJenasJson(String file) {
        Txn.executeRead(inMemory, () -> {
            RowSetRewindable rows;
            try (QueryExec exec = QueryExec.dataset(inMemory).query(sparql(file)).build()) {
                rows = exec.select().rewindable();
            }
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            CompactJsonResults.writer().write(ours, rows, ARQ.getContext());
            rows.reset();
            ByteArrayOutputStream jenas = new ByteArrayOutputStream();
            RowSetWriterJSON.factory.create(ResultSetLang.RS_JSON).write(jenas, rows, ARQ.getContext());
            assertEquals(readBack(jenas.toByteArray()), readBack(ours.toByteArray()), file);
            // Valid JSON by a parser that is not Jena's results reader.
            org.apache.jena.atlas.json.JSON.parse(new ByteArrayInputStream(ours.toByteArray()));
            // Written as characters, the same rows again.
            rows.reset();
            java.io.StringWriter chars = new java.io.StringWriter();
            CompactJsonResults.writer().write(chars, rows, ARQ.getContext());
            assertEquals(readBack(jenas.toByteArray()),
                    readBack(chars.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), file + " through a Writer");
        });
    }

    /** Runs the query with ARQ's engine and with coop-kg's, and compares the rows in order. */
    /** ARQ's answers, in ARQ's order where the query asks for an order; as a multiset where it does not. */
    static void assertSameAnswers(DatasetGraph dataset, String sparql) {
        Txn.executeRead(dataset, () -> {
            List<Binding> arqs = rows(dataset, sparql, false);
            List<Binding> ours = rows(dataset, sparql, true);
            assertEquals(arqs.size(), ours.size(), "rows of\n" + sparql);
            if (!QueryFactory.create(sparql).hasOrderBy()) {
                // Without ORDER BY the order is the engine's: GRAPH ?g patterns, matched as quads, come in the order
                // of the data's index, not graph by graph.
                assertEquals(sorted(arqs), sorted(ours), "rows of\n" + sparql);
                return;
            }
            for (int i = 0; i < arqs.size(); i++) assertEquals(arqs.get(i), ours.get(i), "row " + i + " of\n" + sparql);
        });
    }

    private static List<String> sorted(List<Binding> rows) {
        return rows.stream().map(CoopQueryEngineTest::sortedVariables).sorted().toList();
    }

    private static String sortedVariables(Binding row) {
        java.util.TreeMap<String, String> values = new java.util.TreeMap<>();
        row.forEach((var, value) -> values.put(var.getVarName(), value.toString()));
        return values.toString();
    }

    static List<Binding> rows(DatasetGraph dataset, String sparql, boolean coop) {
        List<Binding> rows = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(dataset).query(sparql).set(CoopQueryEngine.ENABLED, coop).build()) {
            RowSet rs = exec.select();
            rs.forEachRemaining(b -> rows.add(org.apache.jena.sparql.engine.binding.BindingFactory.copy(b)));
        }
        return rows;
    }

    static String plan(DatasetGraph dataset, String sparql) {
        return Txn.calculateRead(dataset, () -> {
            Query query = QueryFactory.create(sparql);
            Context cxt = Context.setupContextForDataset(ARQ.getContext(), dataset);
            return QueryEngineRegistry.findFactory(query, dataset, cxt)
                    .create(query, dataset, org.apache.jena.sparql.engine.binding.BindingFactory.empty(), cxt).getOp().toString();
        });
    }

    private static List<Binding> readBack(byte[] json) {
        RowSet rs = RowSetReaderRegistry.getFactory(ResultSetLang.RS_JSON).create(ResultSetLang.RS_JSON)
                .read(new ByteArrayInputStream(json), ARQ.getContext());
        List<Binding> rows = new ArrayList<>();
        rs.forEachRemaining(rows::add);
        return rows;
    }

    private static String sparql(String file) {
        try {
            return Files.readString(Path.of("queries", file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package org.coopkg.query.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpUnion;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.solver.BindingTDB;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A sequence step evaluated once and joined ({@link BuildOnceJoin}) gives ARQ's rows in ARQ's order, on TDB2, the
 * transactional in-memory dataset and the read-only one: with the table built (the least number of rows lowered so
 * that this small data builds it) and with ARQ's evaluation it falls back to.
 */
class BuildOnceJoinTest {
    private static final String PREFIXES = "PREFIX : <http://example/> ";
    private static EngineDatasets data;

    @BeforeAll
    static void load() {
        StringBuilder ttl = new StringBuilder("PREFIX : <http://example/>\n");
        for (int i = 0; i < 1000; i++) {
            ttl.append(":e").append(i).append(" a :T").append(i % 3).append(" ; :label \"L").append(i % 50).append("\"");
            if (i % 7 == 0) ttl.append(", \"alt").append(i).append('"');
            if (i % 13 == 0) {
                // Two links of one property, to be listed in the order ARQ lists them.
                ttl.append(" ; :same :w").append(i % 5).append(", :w").append((i + 1) % 5).append(" ; :close :g").append(i);
            }
            if (i % 17 == 0) ttl.append(" ; :iso \"X").append(i % 4).append('"');
            if (i % 11 == 0) ttl.append(" ; :link :w").append(i % 5);
            ttl.append(" .\n");
        }
        for (int w = 0; w < 5; w++) ttl.append(":w").append(w).append(" :name \"w").append(w).append("\" .\n");
        data = EngineDatasets.of(ttl.toString(), Lang.TURTLE);
    }

    static Stream<String> queries() {
        return Stream.of(
                // Query 11's shape: a union of links after every labelled entity of some kinds.
                """
                SELECT ?k ?m (COUNT(DISTINCT ?e) AS ?n) (GROUP_CONCAT(DISTINCT ?l) AS ?ls) (GROUP_CONCAT(?t) AS ?ts) {
                  VALUES ?k { :T0 :T1 :T2 } ?e a ?k ; :label ?l .
                  { VALUES ?m { :same :close } ?e ?m ?t } UNION { ?e :iso ?t BIND(:iso AS ?m) }
                } GROUP BY ?k ?m""",
                "SELECT * { ?e a :T1 ; :label ?l . { ?e :same ?t } UNION { ?e :close ?t } }",
                "SELECT * { ?e :label ?l . { ?e :same ?t FILTER(?t != :w1) } UNION { ?e :iso ?t } }",
                "SELECT * { ?e :label ?l . { ?e :iso ?c BIND(CONCAT(\"iso:\", ?c) AS ?s) } UNION { ?e :close ?t BIND(STR(?t) AS ?s) } }",
                // Two shared variables.
                "SELECT * { ?e :label ?l ; :same ?t . { ?e :link ?t } UNION { ?t :link ?e } }",
                // Steps of two patterns: listed in their order only while no row has two solutions, here falling back.
                "SELECT * { ?e :label ?l . { ?e :same ?t . ?t :name ?n } UNION { ?e :close ?t . ?t :name ?n } }",
                "SELECT * { ?e :label ?l . { ?e :link ?t . ?t :name ?n } UNION { ?e :close ?t . ?t :name ?n } }",
                // A step with no solutions, and one larger than the rows.
                "SELECT * { ?e :label ?l . { ?e :nothing ?t } UNION { ?e :nothing2 ?t } }",
                "SELECT * { ?e :iso ?c . { ?e :label ?l } UNION { ?e a ?k } }");
    }

    @ParameterizedTest
    @MethodSource("queries")
    void onTdb2(String query) {
        assertArqsRows(data.tdb2(), query);
    }

    @ParameterizedTest
    @MethodSource("queries")
    void inMemory(String query) {
        assertArqsRows(data.inMemory(), query);
    }

    @ParameterizedTest
    @MethodSource("queries")
    void inTheReadOnlyDataset(String query) {
        assertArqsRows(data.readOnly(), query);
    }

    /** Every query above runs through the join. */
    @Test
    void thePlansJoinTheSteps() {
        queries().forEach(q -> assertTrue(CoopQueryEngineTest.plan(data.tdb2(), PREFIXES + q).contains("coopkg:hashjoin"), q));
    }

    /**
     * The table is built when the rows are many enough, and not otherwise: its rows are the step's solutions merged
     * into the rows, where TDB2's (ARQ's evaluation) are node ids.
     */
    @Test
    void theTableIsBuiltForManyRowsOnly() {
        String query = PREFIXES + "SELECT * { ?e :label ?l . { ?e :iso ?t } UNION { ?e :close ?t } }";
        Txn.executeRead(data.tdb2(), () -> {
            for (int minRows : new int[] {0, 100_000}) {
                try (QueryExec exec = QueryExec.dataset(data.tdb2()).query(query).set(BuildOnceJoin.MIN_ROWS_SYMBOL, minRows).build()) {
                    assertEquals(minRows > 0, exec.select().next() instanceof BindingTDB, "least rows " + minRows);
                }
            }
        });
    }

    /** VALUES meets a stream of rows in ARQ's hash join, table row by table row; one row at a time, row by row. */
    @Test
    void valuesAreRowByRowOnlyOneRowAtATime() {
        Op values = SSE.parseOp("(sequence (table (vars ?t) (row [?t <http://example/w1>])) (bgp (?e <http://example/same> ?t)))");
        assertFalse(BuildOnceJoins.rowByRow(values, false));
        assertTrue(BuildOnceJoins.rowByRow(new OpUnion(values, values), false));
        assertTrue(BuildOnceJoins.keepsOrderUnbound(values));
        assertFalse(BuildOnceJoins.keepsOrderUnbound(SSE.parseOp("(bgp (?e <http://example/same> ?t) (?t <http://example/name> ?n))")));
        // A filter that reads a variable from the rows before it is not the step's own.
        assertFalse(BuildOnceJoins.rowByRow(SSE.parseOp("(filter (= ?x ?t) (bgp (?e <http://example/same> ?t)))"), false));
    }

    private static void assertArqsRows(DatasetGraph dataset, String query) {
        String sparql = PREFIXES + query;
        Txn.executeRead(dataset, () -> {
            List<Binding> arqs = rows(dataset, sparql, false);
            assertFalse(arqs.isEmpty() && !query.contains(":nothing"), "the query has rows: " + query);
            assertEquals(arqs, rows(dataset, sparql, true), query);
        });
    }

    private static List<Binding> rows(DatasetGraph dataset, String sparql, boolean coop) {
        List<Binding> rows = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(dataset).query(sparql).set(CoopQueryEngine.ENABLED, coop)
                .set(BuildOnceJoin.MIN_ROWS_SYMBOL, 0).build()) {
            exec.select().forEachRemaining(b -> rows.add(BindingFactory.copy(b)));
        }
        return rows;
    }
}

package org.coopkg.query.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.mem.DatasetGraphInMemory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.solver.BindingTDB;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property paths, negation and ordering at their edges give ARQ's answers on coop-kg's engine, in memory and on
 * TDB2: cycles and self-loops, alternatives that find the same pair twice, rows that leave a pattern's variable
 * unbound, patterns that share no variable with the rows, existence tests inside {@code GRAPH} and {@code OPTIONAL},
 * tests ARQ must keep (an inner filter, {@code ||}), enough rows for several batches, sort keys of every kind of
 * term, unbound or failing, and {@code OPTIONAL} patterns of every shape under those rewrites.
 */
class EngineEdgeCasesTest {
    private static final String PREFIXES = "PREFIX : <http://example/> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> ";
    private static EngineDatasets data;

    @BeforeAll
    static void load() {
        StringBuilder trig = new StringBuilder("""
                PREFIX : <http://example/>
                PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                :a :p :b . :b :p :c . :c :p :a . :d :p :d .
                :a :q :b . :b :q :e .
                :e :r "x", "x"@en, "x"@fr, 1, "01"^^xsd:integer, "1"^^xsd:decimal, 1.0e0, _:n1, _:n2, :z,
                      "2020-01-01"^^xsd:date, "2020-01-01T10:00:00Z"^^xsd:dateTime, "abc"^^:custom, true, "NaN"^^xsd:double .
                GRAPH :g1 { :a :s :b . :x :s :y . :y :s :w }
                GRAPH :g2 { :b :s :c . :a :s :b }
                """);
        for (int i = 0; i < 20_000; i++) {
            trig.append(":item").append(i).append(" :val ").append(i % 97).append(" ; :label \"item ").append(i % 1000)
                    .append("\"");
            if (i % 3 == 0) trig.append(" ; :tag :t").append(i % 5);
            trig.append(" .\n");
        }
        data = EngineDatasets.of(trig.toString(), Lang.TRIG);
    }

    static Stream<String> cases() {
        return Stream.of(
                "SELECT * { ?x (:p|:q) ?y }",
                "SELECT * { ?x :p* ?y } ORDER BY ?x ?y",
                "SELECT * { ?x :p+ ?y FILTER NOT EXISTS { ?y (:p|:q) ?x } } ORDER BY ?x ?y",
                "SELECT * { ?x :p? ?y } ORDER BY DESC(?x) ?y",
                "SELECT * { ?x ^:p/:p ?y FILTER NOT EXISTS { ?x :p/:p ?y } } ORDER BY ?x ?y",
                "SELECT * { ?x :p ?y FILTER NOT EXISTS { ?x :p* :a } }",
                "SELECT * { ?x :p ?y FILTER NOT EXISTS { ?y !(:q|:val) ?x } }",
                "SELECT ?x ?y ?z { ?x :p ?y OPTIONAL { ?y :q ?z } FILTER NOT EXISTS { ?z :p ?x } }",
                "SELECT * { ?x :p ?y FILTER NOT EXISTS { ?a :s ?b } }",
                "SELECT * { ?x :p ?y FILTER NOT EXISTS { ?a :nothing ?b } }",
                "SELECT * { ?x :p ?y FILTER EXISTS { ?a :s ?b } }",
                "SELECT * { ?x :p ?y FILTER NOT EXISTS { ?x :p ?w FILTER(?w = ?y) } }",
                "SELECT * { ?x :p ?y FILTER EXISTS { GRAPH ?g { ?x :s ?y2 } } } ORDER BY ?x",
                "SELECT * { GRAPH ?g { ?x :s ?y FILTER NOT EXISTS { ?y :s ?z } } }",
                "SELECT * { GRAPH ?g { ?x :s ?y } FILTER NOT EXISTS { GRAPH ?g { ?y :s ?z } } }",
                "SELECT ?i ?v { ?i :val ?v FILTER NOT EXISTS { ?i :tag ?t } } ORDER BY DESC(?v) ?i",
                "SELECT ?i ?v { ?i :val ?v FILTER EXISTS { ?i :tag :t1 } }",
                "SELECT ?i { ?i :val ?v FILTER (?v > 50 && NOT EXISTS { ?i :tag :t1 }) }",
                "SELECT ?i { ?i :val ?v FILTER (?v > 90 || NOT EXISTS { ?i :tag ?t }) }",
                "SELECT * { ?x :p ?y FILTER NOT EXISTS { ?y :p ?z FILTER NOT EXISTS { ?z :q ?x } } }",
                "SELECT * { ?x :p ?y OPTIONAL { ?y :p ?z FILTER NOT EXISTS { ?z :q ?w } } } ORDER BY ?x ?z",
                "SELECT * { ?x :p ?y MINUS { ?x :q ?y } }",
                "SELECT * { VALUES (?x ?y) { (:a UNDEF) (:b :c) (UNDEF :a) (:d :d) } FILTER NOT EXISTS { ?x :p ?y } }",
                "SELECT * { ?x :p ?y FILTER NOT EXISTS { ?x :p [] } }",
                "SELECT * { ?x :p ?y FILTER NOT EXISTS { { ?y :q ?x } UNION { ?y :p ?x } } }",
                "SELECT * { ?x :p ?y FILTER NOT EXISTS { SELECT ?x { ?x :q ?any } LIMIT 1 } }",
                "SELECT ?o { :e :r ?o } ORDER BY ?o",
                "SELECT ?o { :e :r ?o } ORDER BY DESC(?o)",
                "SELECT ?o { :e :r ?o } ORDER BY STR(?o) LANG(?o)",
                "SELECT ?o { :e :r ?o } ORDER BY (?o + 1) ?o",
                "SELECT ?o { :e :r ?o } ORDER BY LANG(?o) DESC(DATATYPE(?o)) ?o",
                "SELECT ?x ?z { ?x :p ?y OPTIONAL { ?y :q ?z } } ORDER BY ?z ?x",
                "SELECT ?i ?l { ?i :label ?l } ORDER BY ?l",
                "SELECT ?i ?v { ?i :val ?v } ORDER BY ?v ?i LIMIT 10 OFFSET 5",
                "SELECT * { { SELECT ?i { ?i :val ?v } ORDER BY DESC(?v) ?i LIMIT 3 } ?i :label ?l }",
                "SELECT DISTINCT ?v { ?i :val ?v } ORDER BY ?v",
                "SELECT ?t (COUNT(*) AS ?n) (GROUP_CONCAT(?i) AS ?all) { ?i :tag ?t } GROUP BY ?t ORDER BY DESC(?n) ?t",
                // GRAPH ?g over triple patterns, matched as quads: unbound, bound before, shared with the pattern,
                // with a triple in two graphs, empty, inside OPTIONAL and with a pattern no graph holds.
                "SELECT * { GRAPH ?g { ?x :s ?y } } ORDER BY ?g ?x ?y",
                "SELECT * { GRAPH ?g { ?x :s ?y . ?y :s ?z } } ORDER BY ?g ?x",
                "SELECT * { VALUES ?g { :g2 :nowhere } GRAPH ?g { ?x :s ?y } } ORDER BY ?g ?x",
                "SELECT * { ?a :p ?b GRAPH ?g { ?a :s ?b } } ORDER BY ?g",
                "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { :a :s :b } } GROUP BY ?g ORDER BY ?g",
                "SELECT * { GRAPH ?g { ?g :s ?y } }",
                "SELECT * { GRAPH ?g { } } ORDER BY ?g",
                "SELECT * { ?x :p ?y OPTIONAL { GRAPH ?g { ?x :s ?z } } } ORDER BY ?x ?y ?g",
                "SELECT * { GRAPH ?g { ?x :p ?y } }",
                // OPTIONAL under the other rewrites: many rows, several solutions per row in ARQ's order (ties of ORDER BY
                // keep it), rows that bind different sets of its variables, nested and in sequence, with paths, unions
                // and GRAPH inside, sharing no variable with the rows, with a filter.
                "SELECT ?i ?v ?t { ?i :val ?v OPTIONAL { ?i :tag ?t } } ORDER BY ?v",
                "SELECT * { ?i :val ?v OPTIONAL { ?i :tag ?t OPTIONAL { ?t :nothing ?z } } OPTIONAL { ?i :label ?l } }",
                "SELECT * { ?x :p ?y OPTIONAL { ?y (:p|:q) ?z } } ORDER BY ?x",
                "SELECT * { ?x :p ?y OPTIONAL { ?y :q ?z } OPTIONAL { ?z :r ?w } } ORDER BY ?x",
                "SELECT * { ?x :p ?y OPTIONAL { ?y :q ?z OPTIONAL { ?z :q ?w } } } ORDER BY ?y",
                "SELECT * { ?x :p ?y OPTIONAL { ?y :p+ ?z } } ORDER BY ?x",
                "SELECT * { ?x :p ?y OPTIONAL { ?y :p/:q ?z } } ORDER BY ?x",
                "SELECT * { ?x :p ?y OPTIONAL { { ?y :q ?z } UNION { ?z :q ?y } } } ORDER BY ?x",
                "SELECT * { ?x :p ?y OPTIONAL { GRAPH ?g { ?y :s ?z } } } ORDER BY ?x",
                "SELECT * { ?x :p ?y OPTIONAL { ?y :nothing ?z } } ORDER BY ?x",
                "SELECT * { ?x :p ?y OPTIONAL { ?a :q ?b } } ORDER BY ?x",
                "SELECT * { ?x :p ?y OPTIONAL { :e :r ?x } } ORDER BY ?x",
                "SELECT * { VALUES (?x ?y) { (:a UNDEF) (:b :c) (UNDEF :a) (:d :d) } OPTIONAL { ?x :p ?y } }",
                "SELECT * { ?x :p ?y OPTIONAL { ?y :q ?z FILTER(?z != :e) } } ORDER BY ?x",
                "SELECT ?t (GROUP_CONCAT(?l) AS ?labels) { ?i :tag ?t OPTIONAL { ?i :label ?l } } GROUP BY ?t ORDER BY ?t");
    }

    /**
     * Property paths over TDB2's default graph, walked over node ids: every kind it walks, each end bound or not, from
     * a node the database does not hold, with value-equal literals at the end, with rows coming in bound as ids or not,
     * inside OPTIONAL and EXISTS, and the cases it leaves to ARQ.
     */
    static Stream<String> paths() {
        return Stream.of(
                "SELECT * { ?x (:p|:q) ?y }",
                "SELECT * { ?x :p* ?y }",
                "SELECT * { ?x :p+ ?y }",
                "SELECT * { ?x :p? ?y }",
                "SELECT * { :a :p* ?y }",
                "SELECT * { ?x :p* :a }",
                "SELECT * { ?x :p+ :d }",
                "SELECT * { :a (:p|:q)+ ?y }",
                "SELECT * { :e :r? ?o }",
                "SELECT * { :e (:r|:q)? ?o }",
                "SELECT * { :a (:q|:p)?/:r ?o }",
                "SELECT * { ?x ^:p/:p ?y }",
                "SELECT * { ?x :p/:q ?y }",
                "SELECT * { ?x (:p|:q)/:q ?y }",
                "SELECT * { ?x ^(:p|:q) ?y }",
                "SELECT * { ?x (^:p)+ ?y }",
                "SELECT * { ?x (:p/:q)* ?y }",
                "SELECT * { :a (:p/^:q)* ?y }",
                "SELECT * { ?x :p* ?x }",
                "SELECT * { :e :r? 1 }",
                "SELECT * { :e :r 1 }",
                "SELECT * { :e (:r|:r) \"x\" }",
                "SELECT * { :nowhere :p? ?y }",
                "SELECT * { ?x :p? :nowhere }",
                "SELECT * { :a (:p|:nothing)+ ?y }",
                "SELECT * { ?x :nothing+ ?y }",
                "SELECT * { VALUES ?s { :a :nowhere :d } ?s :p* ?o }",
                "SELECT * { ?x :p ?y . ?y (:p|:q)? ?z . ?z :r ?w }",
                "SELECT * { ?x :p ?y OPTIONAL { ?y :q? ?z } }",
                "SELECT * { ?x :p ?y FILTER EXISTS { ?y :q* :e } }",
                "SELECT * { ?i :val 5 . ?i :tag? ?t }",
                "SELECT * { GRAPH ?g { ?x :s+ ?y } }",
                // A row that is not TDB2's own (after BIND) keeps its values when the path adds its end: the pattern
                // after the path must see ?x bound.
                "SELECT * { ?x :p ?y . BIND(?y AS ?b) ?y :q? ?z . ?z :p ?x }",
                "SELECT ?x (COUNT(*) AS ?n) (GROUP_CONCAT(?y) AS ?ys) { ?x :p ?z . ?z (:p|:q|:r)? ?y } GROUP BY ?x");
    }

    /** Row for row, in ARQ's order even where the query sets none: the order reaches GROUP_CONCAT in sub-queries. */
    @ParameterizedTest
    @MethodSource("paths")
    void pathsOnTdb2InArqsOrder(String query) {
        Txn.executeRead(data.tdb2(), () -> assertEquals(CoopQueryEngineTest.rows(data.tdb2(), PREFIXES + query, false),
                CoopQueryEngineTest.rows(data.tdb2(), PREFIXES + query, true), query));
    }

    /** The path's rows carry node ids on coop-kg's engine: the walk over ids ran, not ARQ's. */
    @Test
    void pathsOnTdb2AreWalkedOverNodeIds() {
        String query = PREFIXES + "SELECT * { :a (:p|:q)+ ?y }";
        Txn.executeRead(data.tdb2(), () -> {
            for (boolean coop : new boolean[] {true, false}) {
                try (QueryExec exec = QueryExec.dataset(data.tdb2()).query(query).set(CoopQueryEngine.ENABLED, coop).build()) {
                    assertEquals(coop, exec.select().next() instanceof BindingTDB, coop ? "coop-kg's engine" : "ARQ's engine");
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void inMemory(String query) {
        CoopQueryEngineTest.assertSameAnswers(data.inMemory(), PREFIXES + query);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void inTheReadOnlyDataset(String query) {
        CoopQueryEngineTest.assertSameAnswers(data.readOnly(), PREFIXES + query);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void onTdb2(String query) {
        CoopQueryEngineTest.assertSameAnswers(data.tdb2(), PREFIXES + query);
    }

    /** In memory, GRAPH ?g over triple patterns asks the dataset for quads, not every named graph for triples. */
    @Test
    void graphPatternsAreMatchedAsQuads() {
        AtomicInteger listings = new AtomicInteger();
        DatasetGraph counting = new DatasetGraphInMemory() {
            @Override
            public Iterator<Node> listGraphNodes() {
                listings.incrementAndGet();
                return super.listGraphNodes();
            }
        };
        Txn.executeWrite(counting, () -> Txn.executeRead(data.inMemory(), () -> data.inMemory().find().forEachRemaining(counting::add)));
        CoopQueryEngine.install(counting);
        String query = PREFIXES + "SELECT * { ?a :p ?b GRAPH ?g { ?a :s ?b } }";
        List<?> ours = Txn.calculateRead(counting, () -> CoopQueryEngineTest.rows(counting, query, true));
        assertEquals(0, listings.get());
        List<?> arqs = Txn.calculateRead(counting, () -> CoopQueryEngineTest.rows(counting, query, false));
        assertTrue(listings.get() > 0, "ARQ's engine visits the graphs");
        assertEquals(3, ours.size());
        assertEquals(arqs.size(), ours.size());
    }

    @Test
    void testsArqMustKeepAreLeftToIt() {
        // An inner filter may see the row's other variables, and a sub-query with LIMIT is not per row.
        String innerFilter = CoopQueryEngineTest.plan(data.tdb2(), PREFIXES + "SELECT * { ?x :p ?y FILTER NOT EXISTS { ?x :p ?w FILTER(?w = ?y) } }");
        assertTrue(innerFilter.contains("notexists") && !innerFilter.contains("coopkg:antijoin"), innerFilter);
        String disjunction = CoopQueryEngineTest.plan(data.inMemory(), PREFIXES + "SELECT ?i { ?i :val ?v FILTER (?v > 90 || NOT EXISTS { ?i :tag ?t }) }");
        assertTrue(!disjunction.contains("coopkg:antijoin"), disjunction);
        String batched = CoopQueryEngineTest.plan(data.inMemory(), PREFIXES + "SELECT ?i { ?i :val ?v FILTER NOT EXISTS { ?i :tag ?t } }");
        assertTrue(batched.contains("coopkg:antijoin"), batched);
    }
}

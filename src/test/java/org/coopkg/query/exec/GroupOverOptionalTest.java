package org.coopkg.query.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A group over an optional part aggregated once per value of the shared variables ({@link GroupOverOptional}) gives
 * ARQ's rows in ARQ's order, on TDB2, the transactional in-memory dataset and the read-only one; and the rewrite is
 * left out wherever a group's values could depend on more than those shared values.
 */
class GroupOverOptionalTest {
    private static final String PREFIXES = "PREFIX : <http://example/> ";
    private static EngineDatasets data;

    @BeforeAll
    static void load() {
        // Programmes linked to shared agents by one or two properties; agents with posts (some none), holders with
        // names, some posts with a role; query 16's shape.
        StringBuilder ttl = new StringBuilder("PREFIX : <http://example/>\n");
        for (int p = 0; p < 60; p++) {
            ttl.append(":p").append(p).append(" a :Programme ; :label \"P").append(p % 40).append("\" ; :lead :a").append(p % 7);
            if (p % 3 == 0) ttl.append(" ; :supporter :a").append(p % 5).append(" ; :contributor :a").append(p % 5);
            if (p % 4 == 0) ttl.append(" ; :contributor :a").append(p % 9);
            ttl.append(" .\n");
        }
        for (int a = 0; a < 9; a++) {
            ttl.append(":a").append(a).append(" :label \"A").append(a).append("\"");
            if (a == 2) ttl.append(", \"A2 alias\"");
            ttl.append(" .\n");
        }
        for (int post = 0; post < 40; post++) {
            // Agent 8 has no posts.
            ttl.append(":post").append(post).append(" :postIn :a").append(post % 8).append(" ; :holder :h").append(post % 23);
            if (post % 3 == 0) ttl.append(" ; :role :r").append(post % 4);
            ttl.append(" .\n");
        }
        for (int h = 0; h < 23; h++) ttl.append(":h").append(h).append(" :label \"H").append(h % 17).append("\" .\n");
        for (int r = 0; r < 4; r++) ttl.append(":r").append(r).append(" :label \"R").append(r).append("\" ; :rank ").append(r * 3 % 4).append(" .\n");
        data = EngineDatasets.of(ttl.toString(), Lang.TURTLE);
    }

    /** Queries the rewrite applies to: ARQ's hash left join (a BIND in the optional part) and its conditional. */
    static Stream<String> rewritten() {
        return Stream.of(
                // Query 16's shape.
                """
                SELECT ?p ?pl ?rel ?a ?al (GROUP_CONCAT(DISTINCT ?person; SEPARATOR="; ") AS ?people) {
                  ?p a :Programme ; :label ?pl .
                  VALUES (?prop ?rel) { (:lead "lead") (:supporter "supporter") (:contributor "contributor") }
                  ?p ?prop ?a . ?a :label ?al .
                  OPTIONAL { ?post :postIn ?a ; :holder/:label ?hn . OPTIONAL { ?post :role/:label ?rn }
                             BIND(IF(BOUND(?rn), CONCAT(STR(?hn), " (", STR(?rn), ")"), STR(?hn)) AS ?person) }
                } GROUP BY ?p ?pl ?rel ?a ?al""",
                // Rows repeating their group (two properties to one agent), and several aggregates of each kind.
                """
                SELECT ?p ?a (COUNT(DISTINCT ?h) AS ?n) (MIN(?hn) AS ?first) (MAX(?hn) AS ?last) (SAMPLE(?hn) AS ?s)
                       (GROUP_CONCAT(DISTINCT ?hn) AS ?names) (SUM(DISTINCT ?k) AS ?ranks) (AVG(DISTINCT ?k) AS ?mean) {
                  ?p ?prop ?a . ?a :label ?al .
                  OPTIONAL { ?post :postIn ?a ; :holder ?h . ?h :label ?hn OPTIONAL { ?post :role/:rank ?k } BIND(1 AS ?one) }
                } GROUP BY ?p ?a""",
                // The conditional: a plain optional pattern.
                """
                SELECT ?p ?a (GROUP_CONCAT(DISTINCT ?hn; SEPARATOR="|") AS ?names) (COUNT(DISTINCT ?post) AS ?posts) {
                  ?p :lead|:contributor ?a .
                  OPTIONAL { ?post :postIn ?a ; :holder/:label ?hn }
                } GROUP BY ?p ?a""",
                // An aggregate over an expression of the optional part, ordered afterwards.
                """
                SELECT ?a ?al (GROUP_CONCAT(DISTINCT UCASE(?hn)) AS ?names) {
                  ?p :contributor ?a . ?a :label ?al .
                  OPTIONAL { ?post :postIn ?a ; :holder/:label ?hn BIND(?hn AS ?copy) }
                } GROUP BY ?a ?al ORDER BY ?al""");
    }

    /** Queries the rewrite must leave to ARQ, with why. */
    static Stream<String> leftToArq() {
        return Stream.of(
                // COUNT without DISTINCT counts a repeated row again.
                "SELECT ?p ?a (COUNT(?hn) AS ?n) { ?p ?prop ?a OPTIONAL { ?post :postIn ?a ; :holder/:label ?hn BIND(1 AS ?x) } } GROUP BY ?p ?a",
                // GROUP_CONCAT without DISTINCT lists a repeated row again.
                "SELECT ?p ?a (GROUP_CONCAT(?hn) AS ?n) { ?p ?prop ?a OPTIONAL { ?post :postIn ?a ; :holder/:label ?hn } } GROUP BY ?p ?a",
                // The aggregate reads a variable of the required part.
                "SELECT ?a (GROUP_CONCAT(DISTINCT CONCAT(?pl, ?hn)) AS ?n) { ?p :label ?pl ; ?prop ?a OPTIONAL { ?post :postIn ?a ; :holder/:label ?hn } } GROUP BY ?a",
                // The shared variable is not a group key.
                "SELECT ?p (GROUP_CONCAT(DISTINCT ?hn) AS ?n) { ?p ?prop ?a OPTIONAL { ?post :postIn ?a ; :holder/:label ?hn } } GROUP BY ?p",
                // A group key bound by the optional part alone.
                "SELECT ?a ?post (GROUP_CONCAT(DISTINCT ?hn) AS ?n) { ?p ?prop ?a OPTIONAL { ?post :postIn ?a ; :holder/:label ?hn } } GROUP BY ?a ?post",
                // The shared variable is not bound in every row of the required part: the conditional, the hash join.
                "SELECT ?p ?a (GROUP_CONCAT(DISTINCT ?hn) AS ?n) { ?p a :Programme OPTIONAL { ?p :supporter ?a } OPTIONAL { ?post :postIn ?a ; :holder/:label ?hn } } GROUP BY ?p ?a",
                "SELECT ?p ?a (GROUP_CONCAT(DISTINCT ?hn) AS ?n) { { ?p :lead ?a } UNION { ?p :supporter ?s } OPTIONAL { ?post :postIn ?a ; :holder/:label ?hn BIND(1 AS ?one) } } GROUP BY ?p ?a",
                // A filter of the optional part's own.
                "SELECT ?p ?a (GROUP_CONCAT(DISTINCT ?hn) AS ?n) { ?p ?prop ?a ; :label ?l OPTIONAL { ?post :postIn ?a ; :holder/:label ?hn FILTER(?hn != ?l) } } GROUP BY ?p ?a",
                // A value new at each evaluation.
                "SELECT ?p ?a (MAX(?r) AS ?n) { ?p ?prop ?a OPTIONAL { ?post :postIn ?a BIND(RAND() AS ?r) } } GROUP BY ?p ?a");
    }

    @ParameterizedTest
    @MethodSource({"rewritten", "leftToArq"})
    void onTdb2(String query) {
        assertArqsRows(data.tdb2(), query);
    }

    @ParameterizedTest
    @MethodSource({"rewritten", "leftToArq"})
    void inMemory(String query) {
        assertArqsRows(data.inMemory(), query);
    }

    @ParameterizedTest
    @MethodSource({"rewritten", "leftToArq"})
    void inTheReadOnlyDataset(String query) {
        assertArqsRows(data.readOnly(), query);
    }

    @Test
    void theRewriteAppliesWhereItGivesArqsAnswer() {
        rewritten().forEach(q -> assertTrue(CoopQueryEngineTest.plan(data.tdb2(), PREFIXES + q).contains("coopkg:groupoveroptional"), q));
        leftToArq().forEach(q -> assertFalse(CoopQueryEngineTest.plan(data.tdb2(), PREFIXES + q).contains("coopkg:groupoveroptional"), q));
        // Both ways ARQ evaluates an optional part are covered.
        assertTrue(rewritten().anyMatch(q -> CoopQueryEngineTest.plan(data.tdb2(), PREFIXES + q).contains("groupoveroptional leftjoin")));
        assertTrue(rewritten().anyMatch(q -> CoopQueryEngineTest.plan(data.tdb2(), PREFIXES + q).contains("groupoveroptional conditional")));
    }

    @Test
    void aBindVariableIsNotAlwaysBound() {
        assertEquals(Set.of(Var.alloc("s"), Var.alloc("o")), GroupsOverOptionals.alwaysBound(SSE.parseOp(
                "(extend ((?x (str ?o))) (leftjoin (bgp (?s <http://example/p> ?o)) (bgp (?o <http://example/q> ?z))))")));
        assertEquals(Set.of(Var.alloc("s")), GroupsOverOptionals.alwaysBound(SSE.parseOp(
                "(union (bgp (?s <http://example/p> ?o)) (bgp (?s <http://example/q> ?z)))")));
    }

    private static void assertArqsRows(DatasetGraph dataset, String query) {
        String sparql = PREFIXES + query;
        Txn.executeRead(dataset, () -> {
            List<Binding> arqs = CoopQueryEngineTest.rows(dataset, sparql, false);
            assertFalse(arqs.isEmpty(), "the query has rows: " + query);
            if (query.contains("RAND()")) {
                assertEquals(arqs.size(), CoopQueryEngineTest.rows(dataset, sparql, true).size(), query);
            } else {
                List<Binding> coops = CoopQueryEngineTest.rows(dataset, sparql, true);
                assertTrue(arqs.equals(coops), () -> query + "\nfirst different row: " + firstDifference(arqs, coops));
            }
        });
    }

    private static String firstDifference(List<Binding> arqs, List<Binding> coops) {
        int i = 0;
        while (i < arqs.size() && i < coops.size() && arqs.get(i).equals(coops.get(i))) i++;
        return "#" + i + " of " + arqs.size() + "/" + coops.size() + ": ARQ " + (i < arqs.size() ? arqs.get(i) : "none")
                + ", coop-kg " + (i < coops.size() ? coops.get(i) : "none");
    }
}

package org.coopkg.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.memory.MemoryStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The exports load into another triple store — an RDF4J in-memory repository — and answer gallery
 * questions there exactly as Jena (and so Fuseki) answers them on the loaded dataset. RDF4J's default graph
 * is the union of all contexts, like coop-kg's, so the same query text works on quad and triple dumps.
 * The query texts are inline so that this test does not depend on the queries/ folder.
 */
class Rdf4jRepositoryQueryTest {
    private static final String PREFIXES = """
            PREFIX coop: <https://w3id.org/coop-kg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            """;

    /** Question → query; each answer is compared as a sorted list of rows. */
    static final Map<String, String> QUERIES = Map.of(
            "programmes initiated by China", PREFIXES + """
                    SELECT DISTINCT ?programme ?name WHERE {
                      ?china rdfs:label "China"@en .
                      ?programme coop:initiatorCountry ?china ; rdfs:label ?name .
                    }""",
            "director general of the SKA Observatory", PREFIXES + """
                    SELECT DISTINCT ?name ?title WHERE {
                      ?org rdfs:label "SKA Observatory"@en .
                      ?post coop:postIn ?org ; coop:holder/rdfs:label ?name ; coop:postTitle ?title .
                    }""",
            "headline figures", PREFIXES + """
                    SELECT DISTINCT ?value ?qualifier ?counts ?quote WHERE {
                      ?figure a coop:Indicator ; coop:value ?value ; coop:counts ?counts ;
                              coop:qualifier/skos:prefLabel ?qualifier .
                      ?assertion coop:describes ?figure ; coop:evidence ?quote .
                    } ORDER BY DESC(?value)""");

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ExportFormat.class, names = {"NQUADS", "TRIG", "JSONLD", "TURTLE"})
    void galleryQuestionsGetTheSameAnswersInRdf4j(ExportFormat format) throws Exception {
        byte[] dump = ExportFixtures.exported("bundled", format);
        SailRepository repository = new SailRepository(new MemoryStore());
        try (RepositoryConnection connection = repository.getConnection()) {
            connection.add(new ByteArrayInputStream(dump), "", format.rioFormat().orElseThrow());
            Dataset jena = DatasetFactory.wrap(ExportFixtures.bundled().dataset());
            for (Map.Entry<String, String> question : QUERIES.entrySet()) {
                List<String> expected = jena(jena, question.getValue());
                assertFalse(expected.isEmpty(), () -> question.getKey() + ": Jena has no answer, the test proves nothing");
                List<String> actual = rdf4j(connection, question.getValue());
                assertEquals(expected, actual, () -> format + " in RDF4J, '" + question.getKey() + "': other answers");
            }
        } finally {
            repository.shutDown();
        }
    }

    private static List<String> jena(Dataset dataset, String query) {
        List<String> rows = new ArrayList<>();
        try (QueryExecution execution = QueryExecution.dataset(dataset).query(query).build()) {
            ResultSet results = execution.execSelect();
            List<String> vars = results.getResultVars();
            while (results.hasNext()) {
                QuerySolution solution = results.next();
                StringBuilder row = new StringBuilder();
                for (String var : vars) {
                    RDFNode value = solution.get(var);
                    row.append(var).append('=').append(value == null ? "" : value.isLiteral()
                            ? value.asLiteral().getLexicalForm() : value.toString()).append('\t');
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    private static List<String> rdf4j(RepositoryConnection connection, String query) {
        List<String> rows = new ArrayList<>();
        try (TupleQueryResult results = connection.prepareTupleQuery(query).evaluate()) {
            List<String> vars = results.getBindingNames();
            for (BindingSet solution : results) {
                StringBuilder row = new StringBuilder();
                for (String var : vars) {
                    var value = solution.getValue(var);
                    row.append(var).append('=').append(value == null ? "" : value.stringValue()).append('\t');
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }
}

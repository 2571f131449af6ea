package org.coopkg.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.coopkg.core.Format;
import org.coopkg.query.Gallery;
import org.coopkg.query.GalleryQuery;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.memory.MemoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The exports load into another triple store — an RDF4J in-memory repository — and answer gallery
 * questions there exactly as Jena (and so Fuseki) answers them on the loaded dataset. RDF4J's default graph
 * is the union of all contexts, like coop-kg's, so the same query text works on quad and triple dumps.
 */
class Rdf4jRepositoryQueryTest {
    /** Gallery files run in both stores: programmes, the pulsar survey, headline figures. */
    private static final List<String> GALLERY = List.of("01-", "02-", "08-");

    /** Question (gallery title) → query text; each answer is compared as a sorted list of rows. */
    static final Map<String, String> QUERIES = Gallery.fromDirectory(Path.of("queries")).stream()
            .filter(q -> GALLERY.stream().anyMatch(q.file()::startsWith))
            .collect(Collectors.toMap(GalleryQuery::title, GalleryQuery::sparql));

    @Test
    void theThreeGalleryQueriesAreThere() {
        assertEquals(GALLERY.size(), QUERIES.size(), QUERIES::toString);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Format.class, names = {"NQUADS", "TRIG", "JSONLD", "TURTLE"})
    void galleryQuestionsGetTheSameAnswersInRdf4j(Format format) throws Exception {
        byte[] dump = ExportFixtures.exported("bundled", format);
        SailRepository repository = new SailRepository(new MemoryStore());
        try (RepositoryConnection connection = repository.getConnection()) {
            connection.add(new ByteArrayInputStream(dump), "", ExportFormats.rio(format));
            Dataset jena = DatasetFactory.wrap(ExportFixtures.bundled().dataset());
            int asked = 0;
            for (Map.Entry<String, String> question : QUERIES.entrySet()) {
                // A triple dump has no named graphs, so questions about the provenance graph of a statement
                // (GRAPH ?assertion) need a quad format; the others must give the same answers in any format.
                if (!format.supportsContexts() && question.getValue().contains("GRAPH ")) continue;
                asked++;
                List<String> expected = jena(jena, question.getValue());
                assertFalse(expected.isEmpty(), () -> question.getKey() + ": Jena has no answer, the test proves nothing");
                List<String> actual = rdf4j(connection, question.getValue());
                assertEquals(expected, actual, () -> format + " in RDF4J, '" + question.getKey() + "': other answers");
            }
            assertTrue(asked > 0, format + ": no gallery question could be asked");
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

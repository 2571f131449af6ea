package org.coopkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.apache.jena.system.Txn;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.derive.LoadedGraph;
import org.coopkg.export.ReleaseWriter;
import org.coopkg.load.CuratedFiles;
import org.coopkg.query.Gallery;
import org.coopkg.query.GalleryQuery;
import org.coopkg.web.CoopServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read replicas (README "Scale-out"): servers that each load the same release dump answer every query the
 * same, and the same as the server that loaded the curated CSV, so any HTTP load balancer may spread queries
 * over them.
 */
class ReadReplicaTest {
    @TempDir
    Path dir;

    @Test
    void twoServersFromTheSameDumpAnswerGalleryQueriesIdentically() throws Exception {
        LoadedGraph primary = new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load();
        new ReleaseWriter(primary).write(dir);
        Path dump = dir.resolve("coop-kg.nq.gz");
        // The primary as 'coopkg serve' runs it: the loaded data with its full-text index.
        DatasetGraph served = TextSearch.withInMemoryIndex(primary.dataset());

        CoopServer first = CoopServer.builder().port(0).loopback(true).stored(ReleaseDump.openForServing(dump, CoopIris.DEFAULT_BASE)).build();
        CoopServer second = CoopServer.builder().port(0).loopback(true).stored(ReleaseDump.openForServing(dump, CoopIris.DEFAULT_BASE)).build();
        try {
            first.start();
            second.start();
            for (String file : List.of("12-country-cooperation-network.rq", "14-everything-located-in-china.rq",
                    "17-full-text-search.rq")) {
                GalleryQuery query = Gallery.bundled().stream().filter(q -> q.file().equals(file)).findFirst().orElseThrow();
                ResultSetRewindable a = ResultSetFactory.makeRewindable(select(first.sparqlUrl(), query.sparql()));
                ResultSetRewindable b = ResultSetFactory.makeRewindable(select(second.sparqlUrl(), query.sparql()));
                ResultSetRewindable expected = Txn.calculateRead(served, () -> {
                    try (QueryExecution exec = QueryExecution.dataset(DatasetFactory.wrap(served))
                            .query(query.sparql()).build()) {
                        return ResultSetFactory.makeRewindable(exec.execSelect());
                    }
                });
                assertTrue(a.size() > 0, file + " should find something on the bundled data");
                assertEquals(expected.size(), a.size(), file + ": a replica and the primary differ in row count");
                a.reset();
                b.reset();
                assertTrue(ResultSetCompare.equalsByTermAndOrder(a, b), file + ": the two replicas answer differently");
                a.reset();
                expected.reset();
                assertTrue(ResultSetCompare.equalsByTermAndOrder(expected, a),
                        file + ": a replica answers differently from the server that loaded the CSV");
            }
        } finally {
            first.close();
            second.close();
        }
    }

    private static ResultSet select(String sparqlUrl, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sparqlUrl + "?query="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        return ResultSetFactory.fromJSON(new ByteArrayInputStream(response.body()));
    }
}

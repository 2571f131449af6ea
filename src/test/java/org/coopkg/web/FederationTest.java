package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.coopkg.query.Gallery;
import org.coopkg.query.GalleryQuery;
import org.junit.jupiter.api.Test;

/**
 * Federation across the owl:sameAs links: a second SPARQL server on loopback serves a small outside-style
 * data set keyed by Wikidata IRIs (src/test/resources/federation/external-country-facts.ttl), and a
 * gallery-style query sent to coop-kg's endpoint joins it with {@code SERVICE}.
 */
class FederationTest {
    private static final String PLACEHOLDER = "http://localhost:3031/ext/sparql";

    @Test
    void aGalleryQueryJoinsCoopKgWithAnOutsideEndpointThroughWikidataLinks() throws Exception {
        DatasetGraph external = DatasetGraphFactory.createTxnMem();
        RDFParser.source(FederationTest.class.getResourceAsStream("/federation/external-country-facts.ttl"))
                .lang(Lang.TURTLE).parse(external);
        FusekiServer outside = FusekiServer.create().port(0).loopback(true).add("/ext", external, false).build();
        outside.start();
        try {
            var coop = new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load();
            String outsideEndpoint = "http://localhost:" + outside.getPort() + "/ext/sparql";
            // SERVICE calls only the endpoints allowed by the operator (serve --service-allow): here the outside server.
            try (CoopServer server = CoopServer.builder().dataset(coop.dataset()).port(0).loopback(true)
                    .serviceAllow(List.of(outsideEndpoint)).build().start()) {
                List<GalleryQuery> gallery = Gallery.fromDirectory(Path.of(FederationTest.class.getResource("/federation").toURI()));
                assertEquals(1, gallery.size());
                GalleryQuery query = gallery.get(0);
                assertTrue(query.title().startsWith("Survey countries"), query.title());
                assertTrue(query.sparql().contains("SERVICE <" + PLACEHOLDER + ">"));
                String sparql = query.sparql().replace(PLACEHOLDER, outsideEndpoint);

                var response = HttpTestClient.get(server.sparqlUrl() + "?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8),
                        "application/sparql-results+json");
                assertEquals(200, response.statusCode(), response::body);
                ResultSet results = ResultSetMgr.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
                        ResultSetLang.RS_JSON);
                List<String> rows = new ArrayList<>();
                results.forEachRemaining((QuerySolution r) -> rows.add(String.join(" | ", r.getLiteral("country").getString(),
                        r.getLiteral("iso2").getString(), r.getLiteral("iso3").getString(), r.getLiteral("capital").getString(),
                        r.getResource("wikidata").getURI())));
                assertEquals(List.of(
                        "Australia | AU | AUS | Canberra | http://www.wikidata.org/entity/Q408",
                        "China | CN | CHN | Beijing | http://www.wikidata.org/entity/Q148",
                        "Germany | DE | DEU | Berlin | http://www.wikidata.org/entity/Q183",
                        "Italy | IT | ITA | Rome | http://www.wikidata.org/entity/Q38"), rows);
            }
        } finally {
            outside.stop();
        }
    }
}

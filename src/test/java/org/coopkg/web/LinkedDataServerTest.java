package org.coopkg.web;

import static org.coopkg.web.HttpTestClient.contentType;
import static org.coopkg.web.HttpTestClient.get;
import static org.coopkg.web.HttpTestClient.head;
import static org.coopkg.web.HttpTestClient.parse;
import static org.coopkg.web.HttpTestClient.union;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.coopkg.core.CoopIris;
import org.coopkg.core.Format;
import org.coopkg.core.Ontology;
import org.coopkg.core.vocab.Coop;
import org.coopkg.core.vocab.SD;
import org.coopkg.derive.CoopLoader;
import org.coopkg.derive.LoadedGraph;
import org.coopkg.export.DatasetDescription;
import org.coopkg.load.CuratedFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Linked Data side of the server over the bundled data, on a free port: content negotiation of entity
 * IRIs, suffix forms, HEAD, Vary, 404 and 406, index pages, the ontology, VoID (its counts checked against
 * SPARQL) and the service description.
 */
class LinkedDataServerTest {
    private static final String BASE = CoopIris.DEFAULT_BASE;
    private static final String PERSON = BASE + "id/person/philip-diamond";
    private static final String POST = BASE + "id/post/philip-diamond-ska-director-general";
    private static final String SKA = BASE + "id/organisation/ska-observatory";
    private static final String ASSERTION = BASE + "id/assertion/person-philip-diamond";
    private static final String QUOTE = "Philip Diamond, director general of the SKA Observatory";

    private static CoopServer server;
    private static LoadedGraph graph;
    private static String root;

    @BeforeAll
    static void start() throws Exception {
        graph = new CoopLoader(CuratedFiles.bundled(), BASE).load();
        server = CoopServer.builder().dataset(graph.dataset()).port(0).loopback(true).build().start();
        root = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static void assertDescribesPhilipDiamond(Graph g, String what) {
        assertTrue(g.contains(uri(PERSON), RDF.type.asNode(), uri(Coop.NS + "Person")), what + ": own type");
        assertTrue(g.contains(uri(PERSON), RDFS.label.asNode(), NodeFactory.createLiteralLang("Philip Diamond", "en")), what + ": own label");
        assertTrue(g.contains(uri(POST), uri(Coop.NS + "holder"), uri(PERSON)), what + ": incoming link from the post");
        assertTrue(g.contains(uri(SKA), RDFS.label.asNode(), NodeFactory.createLiteralLang("SKA Observatory", "en")), what + ": label of a linked entity");
        assertTrue(g.contains(uri(ASSERTION), Coop.evidence.asNode(), NodeFactory.createLiteralString(QUOTE)), what + ": provenance");
        assertTrue(g.contains(uri(ASSERTION), Coop.describes.asNode(), uri(PERSON)), what + ": provenance");
    }

    @ParameterizedTest(name = "Accept {0} → {1}")
    @CsvSource({
            "text/turtle, text/turtle",
            "application/n-triples, application/n-triples",
            "application/ld+json, application/ld+json",
            "application/rdf+xml, application/rdf+xml",
            "application/trig, application/trig",
            "application/n-quads, application/n-quads",
            "'text/turtle;q=0.5, application/rdf+xml', application/rdf+xml",
            "'text/html;q=0.1, application/ld+json;q=0.9', application/ld+json"})
    void eachRdfTypeGivesTheDescriptionWithProvenance(String accept, String expected) throws Exception {
        HttpResponse<String> r = get(root + "/id/person/philip-diamond", accept);
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(contentType(r).startsWith(expected), contentType(r));
        assertEquals("Accept", r.headers().firstValue("Vary").orElse(""));
        assertDescribesPhilipDiamond(union(parse(r)), accept);
    }

    @Test
    void quadSyntaxesKeepEachStatementInTheGraphOfItsRow() throws Exception {
        for (String accept : List.of("application/trig", "application/n-quads")) {
            DatasetGraph dsg = parse(get(root + "/id/person/philip-diamond", accept));
            assertTrue(dsg.contains(uri(ASSERTION), uri(PERSON), RDFS.label.asNode(), NodeFactory.createLiteralLang("Philip Diamond", "en")), accept);
            assertTrue(dsg.contains(uri(BASE + "id/assertion/post-philip-diamond-ska-director-general"), uri(POST),
                    uri(Coop.NS + "holder"), uri(PERSON)), accept);
            assertTrue(dsg.contains(uri(BASE + "graph/inferred"), uri(PERSON), uri(Coop.NS + "affiliatedWith"), uri(SKA)), accept);
        }
    }

    @Test
    void descriptionsIncludeFragmentNodesAndAreDeterministic() throws Exception {
        String agreement = BASE + "id/agreement/nssc-imcp-cooperation-agreements";
        HttpResponse<String> first = get(root + "/id/agreement/nssc-imcp-cooperation-agreements", "text/turtle");
        Graph g = union(parse(first));
        assertTrue(g.contains(uri(agreement + "#time"), RDF.type.asNode(), uri("http://www.w3.org/2006/time#Instant")));
        assertTrue(g.contains(uri(agreement + "#time-description"), uri("http://www.w3.org/2006/time#month"), Node.ANY));
        for (String accept : List.of("text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml", "application/trig")) {
            assertEquals(get(root + "/id/agreement/nssc-imcp-cooperation-agreements", accept).body(),
                    get(root + "/id/agreement/nssc-imcp-cooperation-agreements", accept).body(), accept);
        }
    }

    @Test
    void browsersGetTheHtmlPage() throws Exception {
        HttpResponse<String> r = get(root + "/id/person/philip-diamond",
                "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8");
        assertEquals(200, r.statusCode());
        assertTrue(contentType(r).startsWith("text/html"), contentType(r));
        assertEquals("Accept", r.headers().firstValue("Vary").orElse(""));
        String html = r.body();
        assertTrue(html.contains("<h1>Philip Diamond</h1>"), html);
        assertTrue(html.contains("href=\"../organisation/ska-observatory\""), "linked entity");
        assertTrue(html.contains(QUOTE), "evidence quote");
        assertTrue(html.contains("people.csv line 19"), "curated row");
        assertTrue(html.contains("href=\"philip-diamond.ttl\""), "link to the RDF forms");
        // Scripts only draw the network: everything it shows is in the page's own table too.
        assertTrue(html.contains("<summary>The links as a table (1)</summary>"), "the network's table");
        assertTrue(html.contains("director general"), "the folded post is named in the table");
        assertTrue(html.replaceAll("(?s)<script type=\"application/json\".*?</script>", "")
                .replaceAll("<script src=\"\\.\\./\\.\\./web/[a-z0-9.-]+\\.js\" defer=\"defer\"></script>", "")
                .indexOf("<script") < 0, "no script but the views' own, from this server");
    }

    @Test
    void pagesPhraseIncomingLinksAndShowPartiesAndIdentifiers() throws Exception {
        String nssc = get(root + "/id/organisation/nssc", "text/html").body();
        assertTrue(nssc.contains(">leads<"), "incoming coop:lead phrased with its inverse's label");
        String mou = get(root + "/id/agreement/dde-mou", "text/html").body();
        assertTrue(mou.contains("<h2>Parties</h2>") && mou.contains("signatory"), "agreement parties as a table");
        String china = get(root + "/id/place/china", "text/html").body();
        assertTrue(china.contains("href=\"http://www.wikidata.org/entity/Q148\""), "external identifier links out");
        assertTrue(china.contains("<code>CN</code>"), "ISO code");
        String skaPage = get(root + "/id/organisation/ska-observatory", "text/html").body();
        assertTrue(skaPage.contains("<h2>Posts</h2>") && skaPage.contains("director general"), "posts as a table");
    }

    @Test
    void impliedStatementsAreMarkedWithTheCuratorsNoteBesideTheQuote() throws Exception {
        String page = get(root + "/id/project/youth-scientist-groups", "text/html").body();
        // Germany as a participant country is the curator's reading of "the two countries"; the type is stated.
        assertTrue(page.contains("<sup class=\"ref implied\">"), "implied reference mark");
        assertTrue(page.contains("<li id=\"src-1\" class=\"stated\">"), "the row that names the project is stated");
        assertTrue(page.contains("class=\"implied\"><blockquote>“Longstanding partnerships between the two countries"),
                "the implied row's quote");
        assertTrue(page.contains("<p class=\"curator-note\"><strong>Implied</strong> — the curator&#39;s reading, not the "
                + "source&#39;s words: The paragraph is about a Chinese Academy of Sciences delegation to Germany"),
                "the note beside the quote");
        String stated = get(root + "/id/person/philip-diamond", "text/html").body();
        assertFalse(stated.contains("<sup class=\"ref implied\">") || stated.contains("<p class=\"curator-note\">"),
                "a page of stated rows only marks none");
    }

    @ParameterizedTest(name = "suffix .{0} → {1}")
    @CsvSource({"ttl, text/turtle", "nt, application/n-triples", "jsonld, application/ld+json", "rdf, application/rdf+xml",
            "trig, application/trig", "nq, application/n-quads", "html, text/html"})
    void suffixFormsNeedNoAcceptHeader(String suffix, String expected) throws Exception {
        HttpResponse<String> r = get(root + "/id/person/philip-diamond." + suffix, "image/png");
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(contentType(r).startsWith(expected), contentType(r));
        if (!suffix.equals("html")) assertDescribesPhilipDiamond(union(parse(r)), suffix);
        else assertTrue(r.body().contains("<h1>Philip Diamond</h1>"));
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        for (String accept : List.of("text/turtle", "text/html", "application/ld+json")) {
            HttpResponse<String> g = get(root + "/id/person/philip-diamond", accept);
            HttpResponse<String> h = head(root + "/id/person/philip-diamond", accept);
            assertEquals(200, h.statusCode());
            assertEquals(contentType(g), contentType(h));
            assertEquals("Accept", h.headers().firstValue("Vary").orElse(""));
            assertEquals(String.valueOf(g.body().getBytes(StandardCharsets.UTF_8).length),
                    h.headers().firstValue("Content-Length").orElse(""), accept);
            assertEquals("", h.body());
        }
        assertEquals(404, head(root + "/id/person/nobody", "text/turtle").statusCode());
    }

    @Test
    void unsupportedAcceptIs406WithTheList() throws Exception {
        HttpResponse<String> r = get(root + "/id/person/philip-diamond", "image/png");
        assertEquals(406, r.statusCode());
        assertEquals("Accept", r.headers().firstValue("Vary").orElse(""));
        for (Format t : ContentNegotiation.ENTITY) assertTrue(r.body().contains(t.mediaType()), r.body());
        assertEquals(1, r.body().strip().lines().count(), "one plain line");
    }

    @Test
    void unknownEntitiesAre404PlainOrHtml() throws Exception {
        HttpResponse<String> plain = get(root + "/id/person/nobody", "text/turtle");
        assertEquals(404, plain.statusCode());
        assertTrue(contentType(plain).startsWith("text/plain"));
        assertTrue(plain.body().contains(BASE + "id/person/nobody"), plain.body());
        assertEquals(404, get(root + "/id/person/nobody", "*/*").statusCode());
        HttpResponse<String> html = get(root + "/id/person/%3Cscript%3E", "text/html");
        assertEquals(404, html.statusCode());
        assertTrue(contentType(html).startsWith("text/html"));
        assertFalse(html.body().contains("<script>"), "the path is escaped");
        assertEquals(404, get(root + "/id/person/philip-diamond.xyz", "text/turtle").statusCode());
        assertEquals(404, get(root + "/id/nokind/", "text/html").statusCode());
        assertEquals(404, get(root + "/id/person/philip-diamond/more", "text/html").statusCode());
        assertFalse(get(root + "/id/person/nobody", "text/turtle").body().contains("at org."), "no stack trace");
    }

    @Test
    void nodesInsideAnEntityAndOddSlugsAreNotPages() throws Exception {
        // %23 is '#': the fragment node big-science-forum#time exists, but it is not a page of its own.
        for (String path : List.of("/id/event/big-science-forum%23time", "/id/event/big-science-forum%23time.ttl",
                "/id/event/Big-Science-Forum", "/id/event/big-science-forum%20", "/id/assertion/person-philip-diamond%23x")) {
            HttpResponse<String> r = get(root + path, "text/turtle");
            assertEquals(404, r.statusCode(), path);
            assertFalse(r.headers().firstValue("Link").isPresent(), path);
            assertFalse(r.headers().firstValue("Content-Location").isPresent(), path);
        }
        assertEquals(200, get(root + "/id/event/big-science-forum", "text/turtle").statusCode());
    }

    @Test
    void linkedDataIsReadableFromAnyOriginAndNeverSniffed() throws Exception {
        for (String path : List.of("/id/person/philip-diamond", "/.well-known/void", "/ontology", "/coop/sparql")) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(root + path))
                    .header("Accept", "text/turtle").header("Origin", "https://example.org").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), path);
            // The server's one CORS policy, by default every origin: a page of any origin may read the answer.
            String allowed = r.headers().firstValue("Access-Control-Allow-Origin").orElse("");
            assertTrue(allowed.equals("*") || allowed.equals("https://example.org"), path + ": " + allowed);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            // A browser's preflight (Origin and Access-Control-Request-Method) is answered by the server's CORS
            // filter; an OPTIONS without them reaches the Linked Data servlets, which say what they allow.
            HttpResponse<String> preflight = options(root + path, true);
            assertEquals(2, preflight.statusCode() / 100, path + " gave " + preflight.statusCode());
            assertFalse(preflight.headers().firstValue("Access-Control-Allow-Origin").orElse("").isEmpty(), path);
            if (!path.startsWith("/coop/")) {
                HttpResponse<String> plain = options(root + path, false);
                assertEquals(204, plain.statusCode(), path);
                assertTrue(plain.headers().firstValue("Allow").orElse("").contains("GET"), path);
            }
        }
        HttpResponse<String> missing = get(root + "/id/person/%3Cscript%3E", "text/turtle");
        assertEquals(404, missing.statusCode());
        assertEquals("nosniff", missing.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void indexPagesListKindsAndEntities() throws Exception {
        HttpResponse<String> home = get(root + "/id/", "text/html");
        assertEquals(200, home.statusCode());
        for (String kind : List.of("person", "organisation", "project", "facility", "place", "agreement", "event")) {
            assertTrue(home.body().contains("href=\"" + kind + "/\""), kind);
        }
        assertTrue(home.body().contains("href=\"../ontology\""));
        HttpResponse<String> people = get(root + "/id/person/", "text/html");
        assertEquals(200, people.statusCode());
        assertTrue(people.body().contains("href=\"philip-diamond\">Philip Diamond</a>"), people.body());
        HttpResponse<String> redirect = get(root + "/id/person", "text/html");
        assertEquals(301, redirect.statusCode());
        assertEquals("person/", redirect.headers().firstValue("Location").orElse(""));
        assertEquals(301, get(root + "/id", "text/html").statusCode());
    }

    @Test
    void assertionsAreDereferenceableToo() throws Exception {
        Graph g = union(parse(get(root + "/id/assertion/person-philip-diamond", "text/turtle")));
        assertTrue(g.contains(uri(ASSERTION), Coop.evidence.asNode(), NodeFactory.createLiteralString(QUOTE)));
        String html = get(root + "/id/assertion/person-philip-diamond", "text/html").body();
        assertTrue(html.contains("Statements of this assertion"), html);
    }

    // --- ontology -------------------------------------------------------------------------------------

    @Test
    void ontologyPageListsEveryClassAndProperty() throws Exception {
        HttpResponse<String> r = get(root + "/ontology", "text/html");
        assertEquals(200, r.statusCode());
        assertEquals("Accept", r.headers().firstValue("Vary").orElse(""));
        Graph ontology = Ontology.graph();
        int checked = 0;
        for (Node type : List.of(OWL.Class.asNode(), OWL.ObjectProperty.asNode(), OWL.DatatypeProperty.asNode())) {
            for (Triple t : ontology.find(Node.ANY, RDF.type.asNode(), type).toList()) {
                if (!t.getSubject().isURI() || !t.getSubject().getURI().startsWith(Coop.NS)) continue;
                String local = t.getSubject().getURI().substring(Coop.NS.length());
                assertTrue(r.body().contains("id=\"" + local + "\""), "section for " + local);
                checked++;
            }
        }
        assertTrue(checked > 100, "checked " + checked);
        assertTrue(r.body().contains("Superclasses") && r.body().contains("Domain") && r.body().contains("Aligned with"));
    }

    @Test
    void ontologyRdfFormsAreTheOntology() throws Exception {
        Graph ontology = Ontology.graph();
        for (String accept : List.of("text/turtle", "application/rdf+xml", "application/ld+json", "application/n-triples")) {
            HttpResponse<String> r = get(root + "/ontology", accept);
            assertEquals(200, r.statusCode(), accept);
            assertTrue(contentType(r).startsWith(accept), contentType(r));
            assertTrue(IsoMatcher.isomorphic(ontology, union(parse(r))), accept + " is the ontology");
        }
        for (String suffix : List.of("ttl", "rdf", "jsonld", "nt", "html")) {
            assertEquals(200, get(root + "/ontology." + suffix, "image/png").statusCode(), suffix);
        }
        assertEquals(200, get(root + "/ontology/0.1.0", "text/turtle").statusCode(), "version IRI path");
        assertEquals(406, get(root + "/ontology", "image/png").statusCode());
    }

    // --- VoID and the service description -----------------------------------------------------------

    @Test
    void voidCountsEqualCountsFromSparql() throws Exception {
        HttpResponse<String> r = get(root + "/.well-known/void", null);
        assertEquals(200, r.statusCode());
        assertTrue(contentType(r).startsWith("text/turtle"), "Turtle by default");
        Graph voidGraph = union(parse(r));
        Node ds = uri(BASE + ".well-known/void#dataset");
        String v = VOID.NS;

        assertEquals(sparqlCount("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), number(voidGraph, ds, v + "triples"));
        assertEquals(sparqlCount("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), \""
                + BASE + "id/\") && !CONTAINS(STR(?s), \"#\")) }"), number(voidGraph, ds, v + "entities"));
        assertEquals(sparqlCount("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }"), number(voidGraph, ds, v + "distinctSubjects"));
        assertEquals(sparqlCount("SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }"), number(voidGraph, ds, v + "distinctObjects"));

        Map<String, Long> classes = grouped("SELECT ?k (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?k } GROUP BY ?k");
        Map<String, Long> classPartitions = partitions(voidGraph, ds, v + "classPartition", v + "class", v + "entities");
        assertEquals(classes, classPartitions);
        Map<String, Long> properties = grouped("SELECT ?k (COUNT(*) AS ?n) WHERE { ?s ?k ?o } GROUP BY ?k");
        assertEquals(properties, partitions(voidGraph, ds, v + "propertyPartition", v + "property", v + "triples"));

        long wikidata = sparqlCount("PREFIX owl: <http://www.w3.org/2002/07/owl#> SELECT (COUNT(*) AS ?n) WHERE { ?s owl:sameAs ?o "
                + "FILTER(STRSTARTS(STR(?o), \"http://www.wikidata.org/entity/\")) }");
        assertTrue(wikidata > 0);
        assertEquals(wikidata, number(voidGraph, uri(BASE + ".well-known/void#links-wikidata-sameAs"), v + "triples"));
        long geonames = sparqlCount("PREFIX owl: <http://www.w3.org/2002/07/owl#> SELECT (COUNT(*) AS ?n) WHERE { ?s owl:sameAs ?o "
                + "FILTER(STRSTARTS(STR(?o), \"https://sws.geonames.org/\")) }");
        assertEquals(geonames, number(voidGraph, uri(BASE + ".well-known/void#links-geonames-sameAs"), v + "triples"));
        assertTrue(voidGraph.contains(uri(BASE + ".well-known/void#links-geonames-sameAs"), RDF.type.asNode(), uri(v + "Linkset")));

        assertTrue(voidGraph.contains(ds, DCTerms.license.asNode(), uri("https://creativecommons.org/licenses/by/4.0/")));
        assertTrue(voidGraph.contains(ds, uri(v + "sparqlEndpoint"), uri(BASE + "coop/sparql")));
        assertTrue(voidGraph.contains(Node.ANY, FOAF.name.asNode(), NodeFactory.createLiteralString("coop-kg contributors")));
        assertTrue(voidGraph.contains(ds, uri(v + "exampleResource"), Node.ANY));
        assertFalse(voidGraph.contains(ds, DCTerms.modified.asNode(), Node.ANY), "no modification date: the data records none");

        // The curated statements by support level: the triples of the rows' graphs marked stated or implied.
        for (String level : List.of("Stated", "Implied")) {
            Node subset = uri(BASE + ".well-known/void#graph-assertions-" + level.toLowerCase(java.util.Locale.ROOT));
            assertTrue(voidGraph.contains(uri(BASE + ".well-known/void#graph-assertions"), uri(v + "subset"), subset), level);
            assertTrue(voidGraph.contains(subset, DCTerms.subject.asNode(), uri(Coop.NS + level)), level);
            long triples = sparqlCount("PREFIX coop: <" + Coop.NS + "> SELECT (COUNT(*) AS ?n) WHERE { "
                    + "GRAPH <" + BASE + "graph/metadata> { ?g coop:support coop:" + level + " } GRAPH ?g { ?s ?p ?o } }");
            assertTrue(triples > 0, level);
            assertEquals(triples, number(voidGraph, subset, v + "triples"), level);
        }
    }

    @Test
    void voidIsTheGraphTheGeneratorMakesWithoutAServer() throws Exception {
        Graph served = union(parse(get(root + "/.well-known/void", "application/n-triples")));
        Graph direct = new DatasetDescription(graph.dataset(), new CoopIris(BASE)).graph();
        assertTrue(IsoMatcher.isomorphic(direct, served));
        for (String accept : List.of("application/ld+json", "application/rdf+xml")) {
            assertTrue(IsoMatcher.isomorphic(direct, union(parse(get(root + "/.well-known/void", accept)))), accept);
        }
    }

    @Test
    void sparqlGetWithoutAQueryIsTheServiceDescription() throws Exception {
        HttpResponse<String> r = get(server.sparqlUrl(), "text/turtle");
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(contentType(r).startsWith("text/turtle"));
        Graph sd = union(parse(r));
        String s = SD.NS;
        Node service = uri(BASE + "coop/sparql#service");
        assertTrue(sd.contains(service, RDF.type.asNode(), uri(s + "Service")));
        assertTrue(sd.contains(service, uri(s + "endpoint"), uri(BASE + "coop/sparql")));
        assertTrue(sd.contains(service, uri(s + "supportedLanguage"), uri(s + "SPARQL11Query")));
        assertTrue(sd.contains(service, uri(s + "resultFormat"), uri("http://www.w3.org/ns/formats/SPARQL_Results_JSON")));
        assertTrue(sd.contains(service, uri(s + "defaultDataset"), uri(BASE + ".well-known/void#dataset")));
        assertTrue(sd.contains(uri(BASE + ".well-known/void#dataset"), RDFS.seeAlso.asNode(), uri(BASE + ".well-known/void")));
        assertTrue(sd.contains(Node.ANY, uri(s + "name"), uri(BASE + "graph/ontology")));
        assertEquals(200, get(server.sparqlUrl(), "application/ld+json").statusCode());
        // No query and no RDF type acceptable: 406 with the types of the description, not Fuseki's 404.
        for (String accept : List.of("application/sparql-results+json", "application/trig")) {
            HttpResponse<String> none = get(server.sparqlUrl(), accept);
            assertEquals(406, none.statusCode(), accept);
            for (Format t : ContentNegotiation.GRAPH) assertTrue(none.body().contains(t.mediaType()), none.body());
        }
        assertEquals(200, head(server.sparqlUrl(), "text/turtle").statusCode());
        // Queries still reach Fuseki.
        HttpResponse<String> ask = get(server.sparqlUrl() + "?query=" + URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8),
                "application/sparql-results+json");
        assertEquals(200, ask.statusCode());
        assertTrue(ask.body().contains("true"));
    }

    // --- helpers --------------------------------------------------------------------------------------

    private static HttpResponse<String> options(String url, boolean fromABrowser) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method("OPTIONS", HttpRequest.BodyPublishers.noBody());
        if (fromABrowser) b.header("Origin", "https://example.org").header("Access-Control-Request-Method", "GET");
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long number(Graph g, Node s, String p) {
        List<Triple> ts = g.find(s, uri(p), Node.ANY).toList();
        assertEquals(1, ts.size(), () -> s + " " + p + ": " + ts);
        return Long.parseLong(ts.get(0).getObject().getLiteralLexicalForm());
    }

    private static Map<String, Long> partitions(Graph g, Node ds, String partitionProperty, String keyProperty, String countProperty) {
        Map<String, Long> map = new HashMap<>();
        for (Triple t : g.find(ds, uri(partitionProperty), Node.ANY).toList()) {
            Node key = g.find(t.getObject(), uri(keyProperty), Node.ANY).next().getObject();
            map.put(key.getURI(), number(g, t.getObject(), countProperty));
        }
        return map;
    }

    private static List<QuerySolution> select(String query) throws Exception {
        HttpResponse<String> r = get(server.sparqlUrl() + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r::body);
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        List<QuerySolution> rows = new java.util.ArrayList<>();
        rs.forEachRemaining(rows::add);
        return rows;
    }

    private static long sparqlCount(String query) throws Exception {
        return select(query).get(0).getLiteral("n").getLong();
    }

    private static Map<String, Long> grouped(String query) throws Exception {
        Map<String, Long> map = new HashMap<>();
        for (QuerySolution row : select(query)) {
            if (row.get("k").isURIResource()) map.put(row.getResource("k").getURI(), row.getLiteral("n").getLong());
        }
        return map;
    }
}

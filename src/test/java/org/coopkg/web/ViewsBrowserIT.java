package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.core.CoopIris;
import org.coopkg.core.vocab.Coop;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.coopkg.load.CuratedSchema;
import org.coopkg.query.Gallery;
import org.coopkg.query.GalleryQuery;
import org.coopkg.store.TextSearch;
import org.coopkg.testing.BrowserLogs;
import org.coopkg.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The views in real headless Chromium (runs with {@code -Pbrowser}), every other host unreachable and every request
 * checked: an entity page's network (nodes and edges as many as a SPARQL query over the curated graphs finds, one
 * and two steps), a country page's partners on the map (the countries of gallery query 20 coloured), and on the
 * query page the network and map of gallery query 12 and the timeline of gallery query 7 (its items and the
 * precision the query states for each), plus completion of ontology terms and entity names in the editor.
 * Screenshots of each view go to {@code ${coopkg.screenshots.dir}} (default {@code target/screenshots}).
 */
class ViewsBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PREFIXES = "PREFIX coop: <" + Coop.NS + ">\n";

    private static CoopServer server;
    private static HeadlessChromium chromium;
    private static ChromeDriver driver;
    private static String origin;
    private static DatasetGraph dataset;
    private static CoopIris iris;

    @BeforeAll
    static void start() throws Exception {
        var graph = new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load();
        iris = new CoopIris(CoopIris.DEFAULT_BASE);
        dataset = TextSearch.withInMemoryIndex(graph.dataset());
        server = CoopServer.builder().dataset(dataset).port(0).loopback(true).build().start();
        origin = "http://localhost:" + server.port();
        try {
            chromium = HeadlessChromium.start(1400, 1100, BrowserLogs::enable);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        driver = chromium.driver();
        driver.manage().timeouts().pageLoadTimeout(WAIT);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (chromium != null) chromium.close();
        } finally {
            if (server != null) server.close();
        }
    }

    @BeforeEach
    void blankPage() {
        driver.get("about:blank");
        BrowserLogs.clear(driver);
    }

    // ---- entity pages ------------------------------------------------------------------------------------------

    @Test
    void anEntityPageDrawsItsNeighbourhoodAndOpensANeighbour() throws Exception {
        String person = iris.entity("person", "philip-diamond");
        open("/id/person/philip-diamond");
        wait(d -> "ready".equals(d.findElement(By.tagName("body")).getDomAttribute("data-coopkg-views")));
        Neighbours one = neighbours(Set.of(person));
        assertEquals((long) (one.nodes().size() + 1), count("return window.coopkgViews.network.nodes().length;"), one.toString());
        assertEquals((long) (one.edges().size()), count("return window.coopkgViews.network.edges().length;"), one.toString());
        // The post is folded into one labelled edge that still leads to the post's own page.
        assertEquals("director general", js("return window.coopkgViews.network.edges()[0].data('label');"));
        assertTrue(String.valueOf(js("return window.coopkgViews.network.edges()[0].data('href');")).startsWith("../post/"));
        shoot(By.id("coop-network"), "view-entity-network.png");

        BrowserLogs.assertOnlyLocalAndQuiet(driver, origin);

        // A click on a neighbour opens its page.
        js("window.coopkgViews.network.getElementById(arguments[0]).emit('tap');", iris.entity("organisation", "ska-observatory"));
        wait(ExpectedConditions.urlToBe(origin + "/id/organisation/ska-observatory"));
    }

    @Test
    void theSecondStepAddsTheNeighboursOfNeighbours() throws Exception {
        String nssc = iris.entity("organisation", "nssc");
        open("/id/organisation/nssc");
        wait(d -> "ready".equals(d.findElement(By.tagName("body")).getDomAttribute("data-coopkg-views")));
        Neighbours one = neighbours(Set.of(nssc));
        assertEquals((long) (one.nodes().size() + 1), count("return window.coopkgViews.network.nodes().length;"), one.toString());
        driver.findElement(By.cssSelector(".coop-view-controls button[data-steps='2']")).click();
        wait(d -> "2".equals(d.findElement(By.id("coop-network")).getDomAttribute("data-steps")));
        Set<String> ring = new HashSet<>(one.nodes());
        ring.add(nssc);
        Neighbours two = neighbours(ring);
        Set<String> nodes = new HashSet<>(two.nodes());
        nodes.addAll(ring);
        assertTrue(nodes.size() > ring.size(), "two steps reach further than one: " + two);
        assertEquals((long) (nodes.size()), count("return window.coopkgViews.network.nodes().length;"), two.toString());
        assertEquals((long) (two.edges().size()), count("return window.coopkgViews.network.edges().length;"), two.toString());
        shoot(By.id("coop-network"), "view-entity-network-two-steps.png");
        BrowserLogs.assertOnlyLocalAndQuiet(driver, origin);
    }

    @Test
    void anAgreementsPartiesAreFoldedIntoLabelledEdges() throws Exception {
        String agreement = iris.entity("agreement", "dde-mou");
        open("/id/agreement/dde-mou");
        wait(d -> "ready".equals(d.findElement(By.tagName("body")).getDomAttribute("data-coopkg-views")));
        Neighbours one = neighbours(Set.of(agreement));
        assertEquals((long) (one.nodes().size() + 1), count("return window.coopkgViews.network.nodes().length;"), one.toString());
        assertEquals((long) (one.edges().size()), count("return window.coopkgViews.network.edges().length;"), one.toString());
        long partyEdges = count("return window.coopkgViews.network.edges().filter(e => e.data('href').indexOf('../party/') === 0).length;");
        assertEquals(one.folded(), partyEdges, "each party is an edge to its party's page");
        assertTrue(one.folded() > 0, one.toString());
        BrowserLogs.assertOnlyLocalAndQuiet(driver, origin);
    }

    @Test
    void aCountryPageShowsItsPartnersOnTheMap() throws Exception {
        open("/id/place/china");
        WebElement map = wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#coop-map[data-coloured]")));
        Set<String> expected = new TreeSet<>();
        for (QuerySolution row : select(query("20-partners-of-a-country").parse().serialize())) {
            if (row.contains("isoCode")) expected.add(row.getLiteral("isoCode").getLexicalForm());
        }
        assertTrue(expected.size() >= 3, expected::toString);
        Set<String> coloured = isoCodes(map.findElements(By.cssSelector("path.coop-coloured")));
        assertEquals(expected, coloured);
        assertEquals(String.valueOf(expected.size()), map.getDomAttribute("data-coloured"));
        assertEquals(Set.of("CN"), isoCodes(map.findElements(By.cssSelector("path.coop-highlight"))), "the country itself");
        // The text alternative lists the same partners.
        assertEquals(expected.size(), driver.findElements(By.cssSelector("#partners table tbody tr")).size());
        shoot(By.id("coop-map"), "view-country-map.png");
        BrowserLogs.assertOnlyLocalAndQuiet(driver, origin);
    }

    // ---- the query page ----------------------------------------------------------------------------------------

    @Test
    void galleryQueryTwelveOpensAsANetworkAndSwitchesToTheMap() throws Exception {
        GalleryQuery network = query("12-country-cooperation-network");
        List<QuerySolution> rows = select(network.sparql());
        Set<String> countries = new TreeSet<>();
        rows.forEach(r -> {
            countries.add(r.getResource("countryA").getURI());
            countries.add(r.getResource("countryB").getURI());
        });
        runExample(network);
        Map<String, Object> drawn = drawnView("network", "data-edges");
        assertEquals(String.valueOf(countries.size()), drawn.get("nodes"));
        assertEquals(String.valueOf(rows.size()), drawn.get("edges"));
        shoot(By.cssSelector(RESULT_VIEW + "[data-view='network']"), "view-query-network.png");

        driver.findElement(By.cssSelector(".tabPanel.active .yasr .select_coopmap")).click();
        Map<String, Object> map = drawnView("map", "data-coloured");
        StringBuilder values = new StringBuilder();
        countries.forEach(c -> values.append(" <").append(c).append('>'));
        Set<String> withCodes = new TreeSet<>();
        select(PREFIXES + "SELECT ?iso WHERE { VALUES ?c {" + values + " } ?c coop:isoCode ?iso }")
                .forEach(r -> withCodes.add(r.getLiteral("iso").getLexicalForm()));
        assertEquals(withCodes, new TreeSet<>((List<?>) map.get("iso")));
        shoot(By.cssSelector(RESULT_VIEW + "[data-view='map']"), "view-query-map.png");

        // The table is one click away: the text alternative of both pictures.
        driver.findElement(By.cssSelector(".tabPanel.active .yasr .select_table")).click();
        wait(d -> d.findElements(By.cssSelector(".tabPanel.active .yasr table.dataTable tbody tr")).size() == Math.min(rows.size(), 50));
        BrowserLogs.assertOnlyLocalAndQuiet(driver, origin);
    }

    @Test
    void aConstructAnswerIsDrawnAsANetworkOfItsStatements() throws Exception {
        String construct = PREFIXES + "CONSTRUCT { ?x coop:lead ?lead } WHERE { ?x coop:lead ?lead }";
        Set<String> nodes = new TreeSet<>();
        long statements;
        try (QueryExecution e = QueryExecution.dataset(DatasetFactory.wrap(dataset)).query(construct).build()) {
            var graph = e.execConstruct().getGraph();
            graph.find().forEachRemaining(t -> {
                nodes.add(t.getSubject().getURI());
                nodes.add(t.getObject().getURI());
            });
            statements = graph.size();
        }
        assertTrue(statements > 2, "statements: " + statements);
        open("/");
        wait(ExpectedConditions.attributeToBe(By.tagName("body"), "data-coopkg-ready", "true"));
        js("var y = window.coopkg.yasgui; y.addTab(true, { name: 'construct', yasqe: { value: arguments[0] },"
                + " yasr: { settings: { selectedPlugin: 'coopnetwork' }, response: undefined } }); y.getTab().query();", construct);
        Map<String, Object> drawn = drawnView("network", "data-edges");
        assertEquals(String.valueOf(nodes.size()), drawn.get("nodes"));
        assertEquals(String.valueOf(statements), drawn.get("edges"));
        BrowserLogs.assertOnlyLocalAndQuiet(driver, origin);
    }

    @Test
    void galleryQuerySevenOpensAsATimelineThatStatesEachDatesPrecision() throws Exception {
        GalleryQuery timeline = query("07-timeline-of-events");
        List<QuerySolution> rows = select(timeline.sparql());
        Map<String, Integer> precisions = new TreeMap<>();
        rows.forEach(r -> precisions.merge(r.getLiteral("precision").getLexicalForm(), 1, Integer::sum));
        long yearless = rows.stream().filter(r -> r.contains("datatype")
                && r.getResource("datatype").getURI().matches(".*#g(MonthDay|Month)$")).count();
        runExample(timeline);
        Map<String, Object> drawn = drawnView("timeline", "data-items");
        assertEquals(String.valueOf(rows.size()), drawn.get("items"));
        assertEquals(String.valueOf(yearless), drawn.get("yearless"));
        Map<String, Integer> shown = new TreeMap<>();
        ((List<?>) drawn.get("precisions")).forEach(p -> shown.merge(String.valueOf(p), 1, Integer::sum));
        assertEquals(precisions, shown, "each item's precision as the query states it");
        // No year is made up: a day without a year reads as such.
        String text = (String) drawn.get("text");
        assertTrue(text.contains("12 June, year not stated"), text);
        assertTrue(text.contains("May, year not stated"), text);
        assertTrue(!text.matches("(?s).*\\b(19|20)\\d\\d\\b.*") || precisions.containsKey("year") || precisions.containsKey("day"),
                "no year appears when the data states none: " + text);
        shoot(By.cssSelector(RESULT_VIEW + "[data-view='timeline']"), "view-query-timeline.png");
        BrowserLogs.assertOnlyLocalAndQuiet(driver, origin);
    }

    @Test
    void theEditorCompletesOntologyTermsAndEntityNames() throws Exception {
        open("/");
        wait(ExpectedConditions.attributeToBe(By.tagName("body"), "data-coopkg-ready", "true"));
        js("var y = window.coopkg.yasgui.getTab().getYasqe(); y.setValue(arguments[0]); y.focus(); y.setCursor({ line: y.lastLine(), ch: y.getLine(y.lastLine()).length });",
                PREFIXES + "SELECT * WHERE {\n  ?x a coop:Countr");
        driver.findElement(By.cssSelector(".tabPanel.active .CodeMirror textarea")).sendKeys("y", Keys.chord(Keys.CONTROL, Keys.SPACE));
        wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".CodeMirror-hints li")));
        List<String> hints = driver.findElements(By.cssSelector(".CodeMirror-hints li")).stream().map(WebElement::getText).toList();
        assertTrue(hints.contains("coop:Country — country: A country or territory with an ISO 3166-1 code."),
                "the class with its label and definition: " + hints);
        shoot(By.cssSelector(".tabPanel.active .yasqe"), "view-editor-completes-class.png");
        driver.findElement(By.cssSelector(".tabPanel.active .CodeMirror textarea")).sendKeys(Keys.ESCAPE);

        // A label, not the IRI: "coop:bigsci" finds coop:BigScienceProgramme by the words of its label.
        Object byLabel = ((JavascriptExecutor) driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var yasqe = window.coopkg.yasgui.getTab().getYasqe();
                window.Yasgui.Yasqe.Autocompleters['class'].get(yasqe, { autocompletionString: arguments[0] })
                    .then(done, function (e) { done('failed: ' + e); });""", Coop.NS + "big sci");
        assertEquals(List.of(Coop.NS + "BigScienceProgramme"), byLabel);

        js("var y = window.coopkg.yasgui.getTab().getYasqe(); y.setValue(arguments[0]); y.focus(); y.setCursor({ line: y.lastLine(), ch: y.getLine(y.lastLine()).length });",
                PREFIXES + "SELECT * WHERE {\n  ?x ?p <tsin");
        driver.findElement(By.cssSelector(".tabPanel.active .CodeMirror textarea")).sendKeys("g", Keys.chord(Keys.CONTROL, Keys.SPACE));
        WebElement entity = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".CodeMirror-hints li")));
        assertTrue(entity.getText().startsWith("Tsinghua University (organisation)"), entity.getText());
        shoot(By.cssSelector(".tabPanel.active .yasqe"), "view-editor-completes-entity.png");
        driver.findElement(By.cssSelector(".tabPanel.active .CodeMirror textarea")).sendKeys(Keys.ENTER);
        String value = (String) js("return window.coopkg.yasgui.getTab().getYasqe().getValue();");
        assertTrue(value.contains("<" + iris.entity("organisation", "tsinghua-university") + ">"), value);
        BrowserLogs.assertOnlyLocalAndQuiet(driver, origin);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** The folded links of the curated graphs that touch one of {@code from}, and the entities at their other ends. */
    record Neighbours(Set<String> nodes, Set<String> edges, int folded) {}

    /**
     * Computed by SPARQL over the assertion graphs, independently of the page: a statement between two entities,
     * a post as holder → organisation or facility, a party as agreement → party; posts and parties are not nodes.
     */
    private static Neighbours neighbours(Set<String> from) {
        StringBuilder values = new StringBuilder();
        from.forEach(f -> values.append(" <").append(f).append('>'));
        // An entity IRI as the pages know it: {base}id/{kind}/{id}, nothing after the id (no #time node).
        String entity = "^" + iris.entitySpace().replace(".", "\\\\.") + "(" + String.join("|", CuratedSchema.kinds()) + ")/[a-z0-9-]+$";
        String each = "    VALUES ?e {" + values + " }\n";
        String rows = "SELECT DISTINCT ?s ?p ?o ?via WHERE {\n"
                + "  {\n" + each
                + "    { GRAPH ?g { ?e ?p ?o } BIND(?e AS ?s) } UNION { GRAPH ?g { ?s ?p ?e } BIND(?e AS ?o) }\n"
                + "    FILTER(isIRI(?o) && ?s != ?o) BIND(\"\" AS ?via)\n"
                + "    FILTER NOT EXISTS { GRAPH ?h1 { ?s coop:holder|coop:partyIn ?a1 } }\n"
                + "    FILTER NOT EXISTS { GRAPH ?h2 { ?o coop:holder|coop:partyIn ?a2 } }\n"
                + "  } UNION {\n" + each
                + "    { GRAPH ?g { ?post coop:holder ?e } GRAPH ?g2 { ?post coop:postIn|coop:postAtFacility ?o } BIND(?e AS ?s) }\n"
                + "    UNION { GRAPH ?g { ?post coop:postIn|coop:postAtFacility ?e } GRAPH ?g2 { ?post coop:holder ?s } BIND(?e AS ?o) }\n"
                + "    BIND(coop:holder AS ?p) BIND(STR(?post) AS ?via)\n"
                + "  } UNION {\n" + each
                + "    { GRAPH ?g { ?party coop:partyIn ?e } GRAPH ?g2 { ?party coop:party ?o } BIND(?e AS ?s) }\n"
                + "    UNION { GRAPH ?g { ?party coop:party ?e } GRAPH ?g2 { ?party coop:partyIn ?s } BIND(?e AS ?o) }\n"
                + "    BIND(coop:party AS ?p) BIND(STR(?party) AS ?via)\n"
                + "  }\n"
                + "  FILTER(STRSTARTS(STR(?g), \"" + iris.assertionSpace() + "\"))\n"
                + "  FILTER(REGEX(STR(?s), \"" + entity + "\") && REGEX(STR(?o), \"" + entity + "\"))\n"
                + "}";
        Set<String> nodes = new TreeSet<>();
        Set<String> edges = new TreeSet<>();
        int folded = 0;
        for (QuerySolution r : select(PREFIXES + rows)) {
            String s = r.getResource("s").getURI(), o = r.getResource("o").getURI();
            if (!from.contains(s)) nodes.add(s);
            if (!from.contains(o)) nodes.add(o);
            String via = r.getLiteral("via").getLexicalForm();
            if (edges.add(s + " " + r.getResource("p").getURI() + " " + o + " " + via) && !via.isEmpty()) folded++;
        }
        return new Neighbours(nodes, edges, folded);
    }

    private static List<QuerySolution> select(String sparql) {
        List<QuerySolution> rows = new ArrayList<>();
        try (QueryExecution e = QueryExecution.dataset(DatasetFactory.wrap(dataset)).query(sparql).build()) {
            e.execSelect().forEachRemaining(rows::add);
        }
        return rows;
    }

    private static GalleryQuery query(String name) {
        return Gallery.bundled().stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
    }

    /** Opens the query page, the example in its own tab, and runs it. */
    private static void runExample(GalleryQuery query) {
        open("/");
        wait(ExpectedConditions.attributeToBe(By.tagName("body"), "data-coopkg-ready", "true"));
        driver.findElement(By.cssSelector("button.coop-example[data-file='" + query.file() + "']")).click();
        wait(d -> query.sparql().equals(js("return window.coopkg.yasgui.getTab().getYasqe().getValue();")));
        driver.findElement(By.cssSelector(".tabPanel.active .yasqe_queryButton")).click();
    }

    private static final String RESULT_VIEW = ".tabPanel.active .coop-result-view";

    /**
     * What a result view drew, read in one script once it has {@code attribute}: YASR draws a view again when the
     * labels of the answer arrive, so an element held across two reads may already have been replaced.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> drawnView(String view, String attribute) {
        return wait(d -> (Map<String, Object>) js("var e = document.querySelector(arguments[0]);"
                + " if (!e || !e.hasAttribute(arguments[1])) return null;"
                + " return { nodes: e.getAttribute('data-nodes'), edges: e.getAttribute('data-edges'),"
                + " items: e.getAttribute('data-items'), yearless: e.getAttribute('data-yearless'), text: e.innerText,"
                + " iso: Array.from(e.querySelectorAll('path.coop-coloured')).map(p => p.getAttribute('data-iso')),"
                + " precisions: Array.from(e.querySelectorAll('.coop-timeline-item')).map(i => i.getAttribute('data-precision')) };",
                RESULT_VIEW + "[data-view='" + view + "']", attribute));
    }

    private static Set<String> isoCodes(List<WebElement> paths) {
        Set<String> codes = new TreeSet<>();
        paths.forEach(p -> codes.add(p.getDomAttribute("data-iso")));
        return codes;
    }

    private static void open(String path) {
        driver.get(origin + path);
    }

    private static <T> T wait(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static long count(String script) {
        return ((Number) ((JavascriptExecutor) driver).executeScript(script)).longValue();
    }

    private static void shoot(By element, String name) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                shoot(driver.findElement(element), name);
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                // Drawn again meanwhile (the labels arrived): take the new one.
                if (attempt == 3) throw e;
            }
        }
    }

    private static void shoot(WebElement element, String name) throws Exception {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        Path dir = Path.of(System.getProperty("coopkg.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Files.copy(element.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}

package org.coopkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The query gallery in {@code queries/} is honest: every query is documented, parses, runs fast on the
 * bundled data, and returns the answer its {@code # Expected} line gives — compared by labels, one test per
 * query. When the data changes, update the {@code # Expected} line of the file and the sets here together.
 */
class GalleryTest {
    private static final Pattern EXPECTED = Pattern.compile("(?m)^#\\s*Expected\\b.*\\S");
    private static final Pattern COLUMNS = Pattern.compile("(?m)^#\\s*Columns:");
    private static final long ABSURD_MS = 5_000;

    private static Dataset dataset;
    private static List<GalleryQuery> gallery;
    private static long loadMs;
    private static final Map<String, Long> timesMs = new ConcurrentHashMap<>();
    private static final Map<String, List<Map<String, String>>> results = new ConcurrentHashMap<>();

    @BeforeAll
    static void load() throws Exception {
        long start = System.nanoTime();
        DatasetGraph dsg = new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load().dataset();
        // As `coopkg serve` serves it: with the in-memory full-text index that text:query (query 17) needs.
        dataset = DatasetFactory.wrap(org.coopkg.store.TextSearch.withInMemoryIndex(dsg));
        gallery = Gallery.fromDirectory(Path.of("queries"));
        loadMs = (System.nanoTime() - start) / 1_000_000;
    }

    @AfterAll
    static void reportTimes() {
        if (timesMs.isEmpty()) return;
        StringBuilder report = new StringBuilder(String.format(
                "gallery: %d queries; bundled data and gallery loaded in %d ms; query times:", gallery.size(), loadMs));
        new TreeMap<>(timesMs).forEach((file, ms) -> report.append(String.format("%n  %5d ms  %s", ms, file)));
        System.out.println(report);
    }

    static Stream<String> files() {
        return Gallery.fromDirectory(Path.of("queries")).stream().map(GalleryQuery::file);
    }

    // ---------------------------------------------------------------------------------------------
    // The gallery as a whole

    @Test
    void aJarGalleryIsReadAndItsFileSystemClosedAgain(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path jar = dir.resolve("gallery.jar");
        try (var out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.zip.ZipEntry("queries/01-one.rq"));
            out.write("# Title: One\n# Question: Which?\nASK {}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        java.net.URI uri = java.net.URI.create("jar:" + jar.toUri() + "!/queries/");
        for (int read = 0; read < 2; read++) {
            assertEquals(List.of("One"), Gallery.fromResource(uri.toURL()).stream().map(GalleryQuery::title).toList());
        }
        org.junit.jupiter.api.Assertions.assertThrows(java.nio.file.FileSystemNotFoundException.class,
                () -> java.nio.file.FileSystems.getFileSystem(uri), "the jar's file system is closed after reading");
    }

    @Test
    void theBundledGalleryIsReadOnceWhateverTheThreads() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<List<GalleryQuery>>> reads = new ArrayList<>();
            for (int i = 0; i < 16; i++) reads.add(pool.submit(Gallery::bundled));
            for (var read : reads) assertTrue(read.get() == Gallery.bundled(), "one list, read once");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theGalleryHasAtLeastTwelveQueries() {
        assertTrue(gallery.size() >= 12, "queries in queries/: " + gallery.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void isDocumentedAndParses(String file) {
        GalleryQuery q = query(file);
        assertFalse(q.title().isBlank(), file + ": no '# Title:' line");
        assertFalse(q.question().isBlank(), file + ": no '# Question:' line");
        assertTrue(COLUMNS.matcher(q.sparql()).find(), file + ": no '# Columns:' block");
        assertTrue(EXPECTED.matcher(q.sparql()).find(), file + ": no '# Expected …' line");
        Query parsed = QueryFactory.create(q.sparql());
        assertTrue(parsed.isSelectType(), file + ": a gallery query is a SELECT");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void runsFastOnTheBundledData(String file) {
        List<Map<String, String>> rows = rows(file);
        long ms = timesMs.get(file);
        assertFalse(rows.isEmpty(), file + " returns no rows on the bundled data");
        // Each query takes milliseconds; only something absurd fails the build (the times are printed).
        assertTrue(ms < ABSURD_MS, file + " took " + ms + " ms");
    }

    /** Every query file has its answer checked below: adding a query means adding its test. */
    @Test
    void everyQueryHasAnExpectedAnswerTest() {
        Set<String> tested = Arrays.stream(GalleryTest.class.getDeclaredMethods())
                .map(m -> m.getName())
                .filter(n -> n.matches("q\\d\\d[A-Z].*"))
                .map(n -> n.substring(1, 3))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> numbers = gallery.stream().map(q -> q.file().substring(0, 2))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(numbers, tested, "query numbers in queries/ vs. expected-answer tests (methods qNN…)");
    }

    // ---------------------------------------------------------------------------------------------
    // The answers, by labels

    @Test
    void q01ProgrammesInitiatedByChineseScientists() {
        var rows = rows("01-");
        assertEquals(4, rows.size(), rows::toString);
        assertEquals(Set.of("Deep-time Digital Earth", "Ocean Negative Carbon Emissions",
                "Proteomic Navigator of the Human Body", "International Meridian Circle Program"), column(rows, "label"));
        assertEquals(Set.of("DDE", "ONCE", "π-HuB", "IMCP"), column(rows, "acronym"));
        assertEquals(Set.of("National Space Science Center"), column(rows, "leadLabel"));
        rows.forEach(r -> assertTrue(r.get("quote").startsWith("Chinese scientists have spearheaded"), r::toString));
    }

    @Test
    void q02GlobularClusterSurvey() {
        var rows = rows("02-");
        assertEquals(Set.of("pulsar polarization survey of galactic globular clusters"), column(rows, "surveyLabel"));
        assertEquals(Set.of("Tsinghua University"), column(rows, "leadLabel"));
        assertEquals(Set.of(
                "data from | Five-hundred-meter Aperture Spherical radio Telescope",
                "data from | MeerKAT",
                "participant country | Italy",
                "participant country | Australia",
                "participant country | Germany",
                "country of the lead | China"), tuples(rows, "aspect", "itemLabel"));
    }

    @Test
    void q03AgreementsSignedAtTheForum() {
        var rows = rows("03-");
        String dde = "memorandum of understanding for the Deep-time Digital Earth International Big Science Program";
        String imcp = "memorandum of understanding for the International Meridian Circle Program";
        String nssc = "cooperation agreements with five new international institutions";
        assertEquals(Set.of(
                dde + " | DDE Governing Council | signatory",
                dde + " | municipal government of Kunshan | signatory",
                imcp + " | National Space Science Center | signatory",
                imcp + " | Scientific Committee on Solar-Terrestrial Physics International Science Council | signatory",
                nssc + " | National Space Science Center | signatory",
                nssc + " | five new international institutions | signatory"),
                tuples(rows, "agreementLabel", "partyLabel", "roleLabel"));
        assertEquals(Set.of("--06-12"), column(rows, "date"));
        assertEquals(Set.of("International Big Science Program Forum", "signing ceremony of the " + dde,
                "signing ceremony of the " + imcp), column(rows, "signedAtLabel"));
    }

    @Test
    void q04PeoplePostsAndCountries() {
        assertEquals(Set.of(
                "Ahimsa Campos-Arceiz | Xishuangbanna Tropical Botanical Garden | China | Spain",
                "Chen Jiachang | Ministry of Science and Technology | China | ",
                "Chen Linhao | Chinese Embassy in Germany | Germany | ",
                "Felix Dapare Dakora | African Academy of Sciences | Kenya | ",
                "Harvey Thorleifson | DDE Governing Council |  | ",
                "Jing Guifei | School of Space and Earth Sciences |  | ",
                "Li Di | Five-hundred-meter Aperture Spherical radio Telescope | China | ",
                "Ma Yinzhe | Stellenbosch University | South Africa | ",
                "Michel Blanc | French Institute of Research in Astrophysics and Planetology | France | ",
                "Philip Diamond | SKA Observatory |  | ",
                "Spiros Agathos | Academy of Europe |  | ",
                "Zhang Zhengmao | Northwest A&F University | China | "),
                tuples(rows("04-"), "personLabel", "atLabel", "countryLabel", "nationalityLabel"));
        assertEquals(Set.of("Li Di | FAST chief scientist | true"),
                tuples(rows("04-").stream().filter(r -> r.containsKey("former")).toList(), "personLabel", "title", "former"));
    }

    @Test
    void q05ForeignScientistsInChina() {
        assertEquals(Set.of("Ahimsa Campos-Arceiz | ecologist | Spain | Xishuangbanna Tropical Botanical Garden | Yunnan"),
                tuples(rows("05-"), "personLabel", "occupation", "nationalityLabel", "atLabel", "placeLabel"));
    }

    @Test
    void q06JointLaboratories() {
        var rows = rows("06-");
        assertEquals(1, rows.size(), rows::toString);
        var lab = rows.get(0);
        assertEquals("China-Uruguay Soybean Joint Laboratory", lab.get("label"));
        assertEquals(Set.of("China", "Uruguay"), split(lab.get("partners")));
        assertEquals("2020", lab.get("launched"));
        assertEquals("Belt and Road Initiative", lab.get("frameworkLabel"));
        assertEquals(Set.of("soybean research"), split(lab.get("topics")));
    }

    @Test
    void q07TimelineOfEvents() {
        var rows = rows("07-");
        assertEquals(List.of(
                "meeting in Uruguay to review field tests and genetic breeding efforts",
                "Chinese Academy of Sciences delegation visit to Germany",
                "delegation to Kazakhstan led by Zhang Zhengmao",
                "second Belt and Road Conference on Science and Technology Exchange",
                "International Big Science Program Forum",
                "signing ceremony of the memorandum of understanding for the Deep-time Digital Earth International Big Science Program",
                "signing ceremony of the memorandum of understanding for the International Meridian Circle Program",
                "International Biodiversity Day",
                "Tengchong Scientists Forum",
                "World Internet Conference",
                "Zhongguancun Forum",
                "roundtable forum in Shanghai"), columnList(rows, "label"));
        Map<String, Map<String, String>> byLabel = new HashMap<>();
        rows.forEach(r -> byLabel.put(r.get("label"), r));
        var conference = byLabel.get("second Belt and Road Conference on Science and Technology Exchange");
        assertEquals("--06-10 | --06-12 | day, year not stated | Chengdu",
                String.join(" | ", conference.get("when"), conference.get("end"), conference.get("precision"),
                        conference.get("placeLabel")));
        var forum = byLabel.get("International Big Science Program Forum");
        assertEquals("http://www.w3.org/2001/XMLSchema#gMonthDay", forum.get("datatype"));
        assertEquals("Chengdu", forum.get("placeLabel"));
        var cas = byLabel.get("Chinese Academy of Sciences delegation visit to Germany");
        assertEquals("--05 | month, year not stated | mid-May | Germany | Chinese Academy of Sciences",
                String.join(" | ", cas.get("when"), cas.get("precision"), cas.get("dateNote"), cas.get("placeLabel"),
                        cas.get("organisers")));
        assertEquals(Set.of("Chinese Academy of Sciences", "Max Planck Society"),
                split(byLabel.get("roundtable forum in Shanghai").get("organisers")));
        assertEquals("not stated", byLabel.get("Zhongguancun Forum").get("precision"));
    }

    @Test
    void q08HeadlineFigures() {
        var rows = rows("08-");
        assertEquals(List.of("300", "200", "160", "140", "119", "80", "70", "60", "24", "10", "5", "2"),
                columnList(rows, "value"));
        assertEquals(Set.of(
                "300 | more than | China | 2023",
                "200 | more than | China | ",
                "160 | more than | China | ",
                "140 | more than | BeiDou | ",
                "119 | exactly | China | ",
                "80 | more than | China | ",
                "70 | more than | China | ",
                "60 | more than | China | ",
                "24 | exactly | China | 2023",
                "10 | more than | Square Kilometre Array | ",
                "5 | exactly | National Space Science Center | ",
                "2 | about | Ahimsa Campos-Arceiz | "), tuples(rows, "value", "qualifierLabel", "subjectLabel", "asOf"));
        rows.forEach(r -> assertFalse(r.getOrDefault("quote", "").isBlank(), r::toString));
    }

    @Test
    void q09Facilities() {
        var rows = rows("09-");
        Set<String> facilities = new TreeSet<>();
        for (var r : rows) {
            facilities.add(String.join(" | ", r.get("label"), r.getOrDefault("hostLabel", ""),
                    r.getOrDefault("operatorLabel", ""), sorted(r.get("contributors")),
                    sorted(r.get("contributorCountries"))));
        }
        assertEquals(new TreeSet<>(Set.of(
                "BeiDou |  |  |  | ",
                "China Space Station | China |  |  | ",
                "Chinese research vessels | China |  |  | ",
                "FAST open data-sharing platform |  |  |  | ",
                "Five-hundred-meter Aperture Spherical radio Telescope | China |  | Commonwealth Scientific and Industrial Research Organisation | Australia",
                "International Lunar Research Station |  |  |  | ",
                "International Thermonuclear Experimental Reactor |  |  | China | China",
                "MeerKAT | South Africa |  |  | ",
                "Square Kilometre Array |  |  | China; South Africa | China; South Africa",
                "open biodiversity platform |  |  | Xishuangbanna Tropical Botanical Garden | China")), facilities);
        assertEquals(Set.of("FAST open data-sharing platform | Five-hundred-meter Aperture Spherical radio Telescope"),
                tuples(rows.stream().filter(r -> r.containsKey("partOfLabel")).toList(), "label", "partOfLabel"));
    }

    @Test
    void q10ProvenanceOfPhilipDiamond() {
        var rows = rows("10-");
        assertEquals(Set.of(
                "subject | http://www.w3.org/1999/02/22-rdf-syntax-ns#type | https://w3id.org/coop-kg/ontology#Person",
                "subject | http://www.w3.org/2000/01/rdf-schema#label | Philip Diamond",
                "subject | http://purl.org/dc/terms/description | Director general of the SKA Observatory.",
                "object | https://w3id.org/coop-kg/ontology#holder | Philip Diamond, director general, SKA Observatory"),
                rows.stream().map(r -> String.join(" | ", r.get("direction"), r.get("property"),
                        r.get("direction").equals("object") ? r.get("otherLabel") : r.get("value")))
                        .collect(Collectors.toSet()));
        assertEquals(Set.of("Big Science Programs Tackle Shared Challenges Together"), column(rows, "sourceLabel"));
        assertEquals(Set.of("Philip Diamond, director general of the SKA Observatory"), column(rows, "quote"));
        assertEquals(Set.of("people.csv", "posts.csv"), column(rows, "file"));
    }

    @Test
    void q11ExternalLinksPerKind() {
        var rows = rows("11-");
        Set<String> counts = rows.stream().map(r -> String.join(" | ", r.get("kindLabel"), r.get("dataset"),
                localName(r.get("match")), r.get("entities"))).collect(Collectors.toSet());
        assertEquals(Set.of(
                "city | GeoNames | sameAs | 4",
                "city | Wikidata | sameAs | 2",
                "country | GeoNames | sameAs | 12",
                "country | ISO 3166-1 | isoCode | 12",
                "country | Wikidata | sameAs | 12",
                "facility | ROR | closeMatch | 1",
                "facility | Wikidata | sameAs | 1",
                "facility | Wikidata | closeMatch | 2",
                "organisation | ROR | sameAs | 13",
                "organisation | Wikidata | sameAs | 12",
                "province | GeoNames | sameAs | 4",
                "province | Wikidata | sameAs | 4",
                "region | GeoNames | sameAs | 2",
                "region | Wikidata | sameAs | 2",
                "region | Wikidata | closeMatch | 3"), counts);
        Map<String, Set<String>> examples = new HashMap<>();
        rows.forEach(r -> examples.put(r.get("kindLabel") + " " + r.get("dataset") + " " + localName(r.get("match")),
                split(r.get("examples"))));
        assertEquals(Set.of("African Academy of Sciences", "Beihang University", "Chinese Academy of Sciences",
                "Commonwealth Scientific and Industrial Research Organisation", "Max Planck Society", "Saudi Aramco",
                "Northwest A&F University", "Stellenbosch University", "Tsinghua University",
                "French Institute of Research in Astrophysics and Planetology", "Ministry of Science and Technology",
                "National Space Science Center", "Xishuangbanna Tropical Botanical Garden"),
                examples.get("organisation ROR sameAs"));
        assertEquals(Set.of("Central Asia", "Middle East", "Southeast Asia"), examples.get("region Wikidata closeMatch"));
        assertEquals(Set.of("Chengdu", "Kunshan", "Shanghai", "Suzhou"), examples.get("city GeoNames sameAs"));
    }

    @Test
    void q12CountryCooperationNetwork() {
        var rows = rows("12-");
        Map<String, Set<String>> pairs = new TreeMap<>();
        for (var r : rows) {
            Set<String> examples = split(r.get("examples"));
            assertEquals(Integer.parseInt(r.get("links")), examples.size(), r::toString);
            pairs.put(r.get("labelA") + "–" + r.get("labelB"), examples);
        }
        String survey = "pulsar polarization survey of galactic globular clusters";
        assertEquals(Map.of(
                "China–Germany", Set.of(survey, "youth scientist groups", "co-funded research programs",
                        "Chinese Academy of Sciences delegation visit to Germany", "roundtable forum in Shanghai"),
                "Australia–China", Set.of(survey, "Five-hundred-meter Aperture Spherical radio Telescope"),
                "China–Uruguay", Set.of("China-Uruguay Soybean Joint Laboratory",
                        "meeting in Uruguay to review field tests and genetic breeding efforts"),
                "China–South Africa", Set.of("Square Kilometre Array"),
                "Australia–Germany", Set.of(survey),
                "Australia–Italy", Set.of(survey),
                "China–Italy", Set.of(survey),
                "Germany–Italy", Set.of(survey)), pairs);
        assertEquals("China–Germany", rows.get(0).get("labelA") + "–" + rows.get(0).get("labelB"), "most links first");
    }

    @Test
    void q13EntitiesWithoutExternalLinks() {
        var rows = rows("13-");
        Map<String, Integer> perKind = new TreeMap<>();
        rows.forEach(r -> perKind.merge(r.get("kindLabel"), 1, Integer::sum));
        assertEquals(Map.of("agreement", 4, "event", 12, "facility", 7, "organisation", 13,
                "person", 21, "project", 14), perKind);
        assertEquals(Set.of("Academy of Europe", "China-Uruguay Soybean Joint Laboratory",
                "Chinese Embassy in Germany", "Chinese enterprises", "Chinese government", "DDE Governing Council",
                "DDE Secretariat", "SKA Observatory", "School of Space and Earth Sciences",
                "Scientific Committee on Solar-Terrestrial Physics International Science Council",
                "five new international institutions",
                "municipal government of Kunshan", "unnamed Chinese AI company"), labelsOfKind(rows, "organisation"));
        assertTrue(column(rows, "ref").containsAll(Set.of("lab/china-uruguay-soybean-lab",
                "facility/ska")), "the ref column is kind/id as external-links.csv writes it");
    }

    @Test
    void q14EverythingLocatedInChina() {
        String dde = "signing ceremony of the memorandum of understanding for the Deep-time Digital Earth International Big Science Program";
        String imcp = "signing ceremony of the memorandum of understanding for the International Meridian Circle Program";
        assertEquals(Set.of(
                "event | International Big Science Program Forum | Chengdu",
                "event | " + dde + " | Chengdu",
                "event | " + imcp + " | Chengdu",
                "event | Tengchong Scientists Forum | Yunnan",
                "event | roundtable forum in Shanghai | Shanghai",
                "event | World Internet Conference | China",
                "event | Zhongguancun Forum | China",
                "event | second Belt and Road Conference on Science and Technology Exchange | Chengdu",
                "facility | China Space Station | China",
                "facility | Chinese research vessels | China",
                "facility | Five-hundred-meter Aperture Spherical radio Telescope | China",
                "organisation | Beihang University | China",
                "organisation | Chinese enterprises | China",
                "organisation | unnamed Chinese AI company | China",
                "organisation | Chinese Academy of Sciences | China",
                "organisation | National Space Science Center | China",
                "organisation | Chinese government | China",
                "organisation | Ministry of Science and Technology | China",
                "organisation | Northwest A&F University | Shaanxi",
                "organisation | Tsinghua University | China",
                "organisation | Xishuangbanna Tropical Botanical Garden | Yunnan",
                "organisation | municipal government of Kunshan | Kunshan",
                "place | Chengdu | Sichuan",
                "place | Jiangsu | China",
                "place | Kunshan | Suzhou",
                "place | Shaanxi | China",
                "place | Shanghai | China",
                "place | Sichuan | China",
                "place | Suzhou | Jiangsu",
                "place | Yunnan | China"), tuples(rows("14-"), "kindLabel", "label", "placeLabel"));
    }

    @Test
    void q15TopicsAndWhatTheyConnect() {
        var rows = rows("15-");
        assertEquals(25, rows.size(), "topics with at least one thing");
        Map<String, Set<String>> shared = new TreeMap<>();
        rows.stream().filter(r -> !r.get("count").equals("1"))
                .forEach(r -> shared.put(r.get("topicLabel") + " " + r.get("count"), split(r.get("things"))));
        assertEquals(Map.of(
                "energy 4", Set.of("Belt and Road Initiative", "\"solar-plus-energy storage\" project",
                        "smart transformation of Saudi Arabia's energy industry", "Square Kilometre Array"),
                "biodiversity 2", Set.of("open biodiversity platform", "International Biodiversity Day"),
                "pulsars 2", Set.of("FAST open data-sharing platform",
                        "pulsar polarization survey of galactic globular clusters"),
                "soybean research 2", Set.of("China-Uruguay Soybean Joint Laboratory",
                        "international platform for soybean research")), shared);
        assertEquals("energy", rows.get(0).get("topicLabel"), "most shared topic first");
        Map<String, String> single = new HashMap<>();
        rows.forEach(r -> single.put(r.get("topicLabel"), r.get("things")));
        assertEquals("Tengchong Scientists Forum", single.get("thalassemia"));
        assertEquals("Ahimsa Campos-Arceiz", single.get("Asian elephant protection"));
        assertEquals("roundtable forum in Shanghai", single.get("organoids"));
    }

    @Test
    void q16ProgrammeGovernance() {
        assertEquals(Set.of(
                "Deep-time Digital Earth | contributor | China | ",
                "Deep-time Digital Earth | governing body | DDE Governing Council | Harvey Thorleifson (president)",
                "Deep-time Digital Earth | secretariat | DDE Secretariat | ",
                "Deep-time Digital Earth | supporter | Chinese government | ",
                "International Meridian Circle Program | lead | National Space Science Center | ",
                "International Meridian Circle Program | supporter | Ministry of Science and Technology | Chen Jiachang (vice minister)",
                "Ocean Negative Carbon Emissions | supporter | Chinese government | ",
                "Proteomic Navigator of the Human Body | supporter | Ministry of Science and Technology | Chen Jiachang (vice minister)"),
                tuples(rows("16-"), "programmeLabel", "relation", "agentLabel", "people"));
    }

    @Test
    void q17FullTextSearch() {
        var rows = rows("17-");
        assertEquals(List.of(
                "Max Planck Society | name",
                "ROR record 01hhn8329: Max Planck Society | name",
                "Chinese Academy of Sciences delegation visit to Germany | description",
                "roundtable forum in Shanghai | description",
                "youth scientist groups | description",
                "Chinese Academy of Sciences | description"),
                rows.stream().map(r -> r.get("label") + " | " + r.get("field")).toList(), "best score first");
        assertEquals("http://localhost:3030/id/organisation/max-planck-society", rows.get(0).get("entity"));
    }

    @Test
    void q18ImpliedStatementsAndWhy() {
        var rows = rows("18-");
        rows.forEach(r -> assertFalse(r.getOrDefault("curatorNote", "").isBlank(), r::toString));
        rows.forEach(r -> assertFalse(r.getOrDefault("quote", "").isBlank(), r::toString));
        Set<String> statements = tuples(rows, "subjectLabel", "propertyLabel", "valueLabel");
        String ddeParty = "DDE Governing Council, party to memorandum of understanding for the Deep-time Digital Earth "
                + "International Big Science Program";
        assertTrue(statements.containsAll(Set.of(
                ddeParty + " | party role | signatory",
                "municipal government of Kunshan, party to agreement to host the DDE Secretariat | party role | host",
                "youth scientist groups | participant country | Germany",
                "Proteomic Navigator of the Human Body | supporter | Ministry of Science and Technology",
                "Five-hundred-meter Aperture Spherical radio Telescope | launch date | 2021",
                "cooperation agreements with five new international institutions | agreement subject | International Meridian Circle Program",
                "Tengchong Scientists Forum | topic | thalassemia",
                "Chinese enterprises | country | China",
                "International Big Science Program Forum | held in | Chengdu")), statements::toString);
        // Stated facts are not listed: the survey's data sources and the forum's own row.
        assertFalse(statements.stream().anyMatch(t -> t.contains("uses data from")), statements::toString);
        // One row per statement of every implied row: as many rows as SPARQL counts, with the same filter.
        long expected = count("PREFIX coop: <https://w3id.org/coop-kg/ontology#> SELECT (COUNT(*) AS ?n) WHERE { "
                + "?a coop:support coop:Implied . GRAPH ?a { ?s ?p ?o } FILTER(?p NOT IN "
                + "(<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>, <http://www.w3.org/2000/01/rdf-schema#label>) "
                + "&& !CONTAINS(STR(?s), \"#\") && !CONTAINS(STR(?o), \"#\")) }");
        assertEquals(expected, rows.size());
    }

    @Test
    void q19ParticipationStatedOrImplied() {
        var rows = rows("19-");
        Set<String> participation = tuples(rows, "thingLabel", "participantLabel", "support");
        String survey = "pulsar polarization survey of galactic globular clusters";
        String meeting = "meeting in Uruguay to review field tests and genetic breeding efforts";
        assertTrue(participation.containsAll(Set.of(
                survey + " | Italy | stated", survey + " | Australia | stated", survey + " | Germany | stated",
                "youth scientist groups | China | implied", "youth scientist groups | Germany | implied",
                "co-funded research programs | Germany | implied",
                meeting + " | Uruguay | implied", meeting + " | China-Uruguay Soybean Joint Laboratory | implied")),
                participation::toString);
        assertEquals(rows.size(), participation.size(), "one support level per participation");
    }

    /** The pattern the gallery documents restricts any question to what the sources state. */
    @Test
    void theStatedOnlyPatternLeavesOutWhatTheCuratorReadsIn() {
        String all = "PREFIX coop: <https://w3id.org/coop-kg/ontology#> SELECT (COUNT(*) AS ?n) WHERE { "
                + "?x coop:participantCountry ?c }";
        String stated = "PREFIX coop: <https://w3id.org/coop-kg/ontology#> SELECT (COUNT(*) AS ?n) WHERE { "
                + "?g coop:describes ?x ; coop:support coop:Stated . GRAPH ?g { ?x coop:participantCountry ?c } }";
        String implied = "PREFIX coop: <https://w3id.org/coop-kg/ontology#> SELECT (COUNT(DISTINCT *) AS ?n) WHERE { "
                + "GRAPH ?g { ?x coop:participantCountry ?c } ?g coop:support coop:Implied "
                + "FILTER NOT EXISTS { GRAPH ?h { ?x coop:participantCountry ?c } ?h coop:support coop:Stated } }";
        String youth = "PREFIX coop: <https://w3id.org/coop-kg/ontology#> SELECT (COUNT(*) AS ?n) WHERE { "
                + "?g coop:describes <http://localhost:3030/id/project/youth-scientist-groups> ; coop:support coop:Stated . "
                + "GRAPH ?g { <http://localhost:3030/id/project/youth-scientist-groups> coop:participantCountry ?c } }";
        assertEquals(0, count(youth), "the youth scientist groups' countries are read from 'the two countries'");
        assertTrue(count(implied) >= 6, "implied participant countries");
        assertTrue(count(stated) >= 3, "stated participant countries");
        assertTrue(count(stated) + count(implied) <= count(all), "a subset of what the union holds");
    }

    private static long count(String sparql) {
        try (QueryExecution q = QueryExecution.dataset(dataset).query(sparql).build()) {
            return q.execSelect().next().getLiteral("n").getLong();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    @Test
    void q20PartnersOfACountry() {
        var rows = rows("20-");
        assertEquals(List.of("Germany | DE | 5", "Australia | AU | 2", "Uruguay | UY | 2", "Italy | IT | 1", "South Africa | ZA | 1"),
                rows.stream().map(r -> r.get("partnerLabel") + " | " + r.get("isoCode") + " | " + r.get("links")).toList());
        // The same pairs as China's in the country cooperation network (query 12).
        Map<String, String> fromNetwork = new TreeMap<>();
        for (var r : rows("12-")) {
            if (r.get("labelA").equals("China")) fromNetwork.put(r.get("labelB"), r.get("links"));
            if (r.get("labelB").equals("China")) fromNetwork.put(r.get("labelA"), r.get("links"));
        }
        Map<String, String> partners = new TreeMap<>();
        rows.forEach(r -> partners.put(r.get("partnerLabel"), r.get("links")));
        assertEquals(fromNetwork, partners);
    }

    // ---------------------------------------------------------------------------------------------
    // Views and parameters, as the header declares them

    @Test
    void viewsAndParametersAreReadFromTheHeader() throws Exception {
        assertEquals("timeline", query("07-").view());
        assertEquals("network", query("12-").view());
        assertEquals("map", query("20-").view());
        assertEquals("table", query("01-").view());
        QueryParameter label = query("10-").parameter("label").orElseThrow();
        assertEquals("text@en", label.type());
        assertEquals(List.of("Philip Diamond"), label.defaults());
        assertEquals(List.of("China"), query("20-").parameter("countryName").orElseThrow().defaults());
        assertTrue(query("07-").columns().stream().anyMatch(c -> c.name().equals("precision")
                && c.description().contains("year not stated")), "a column description continued over lines is read whole");
    }

    @Test
    void bindingAParameterReplacesItsValuesBlockOnly() throws Exception {
        var bound = query("14-").bind(Map.of("placeName", List.of("Yunnan", "Shaanxi")));
        String text = bound.serialize();
        assertTrue(text.contains("\"Yunnan\"@en") && text.contains("\"Shaanxi\"@en") && !text.contains("\"China\"@en"), text);
        assertTrue(text.contains("coop:Facility"), "the other VALUES block is kept: " + text);
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(bound).build()) {
            Set<String> labels = new TreeSet<>();
            qe.execSelect().forEachRemaining(s -> labels.add(s.getLiteral("label").getLexicalForm()));
            assertTrue(labels.contains("Xishuangbanna Tropical Botanical Garden") && labels.contains("Northwest A&F University"), labels::toString);
        }
    }

    @Test
    void badParameterValuesAreRefusedWithTheirName() {
        var iri = new QueryParameter("entity", "iri", "an entity", List.of());
        var n = new QueryParameter("count", "integer", "a count", List.of());
        assertEquals("parameter 'entity' must be an absolute http(s) IRI (iri), not 'china'",
                org.junit.jupiter.api.Assertions.assertThrows(InvalidParameterException.class, () -> iri.term("china")).getMessage());
        var e = org.junit.jupiter.api.Assertions.assertThrows(InvalidParameterException.class, () -> n.term("twelve"));
        assertEquals("count", e.parameter());
        assertTrue(e.getMessage().contains("'twelve'") && e.getMessage().contains("whole number"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(InvalidParameterException.class,
                () -> query("20-").bind(Map.of("country", List.of("China"))));
    }

    private static GalleryQuery query(String fileOrPrefix) {
        List<GalleryQuery> matches = gallery.stream().filter(q -> q.file().startsWith(fileOrPrefix)).toList();
        if (matches.size() != 1) fail("expected one query file starting with '" + fileOrPrefix + "' in queries/, found " + matches);
        return matches.get(0);
    }

    /**
     * The rows of the query whose file name starts with {@code prefix}, each variable to its lexical form or
     * IRI. Each query runs once (timed); the tests share its rows.
     */
    private static List<Map<String, String>> rows(String prefix) {
        GalleryQuery q = query(prefix);
        return results.computeIfAbsent(q.file(), f -> execute(q));
    }

    private static List<Map<String, String>> execute(GalleryQuery q) {
        long start = System.nanoTime();
        List<Map<String, String>> rows = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(q.sparql()).build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                Map<String, String> row = new LinkedHashMap<>();
                s.varNames().forEachRemaining(v -> row.put(v, text(s.get(v))));
                rows.add(row);
            }
        }
        timesMs.put(q.file(), (System.nanoTime() - start) / 1_000_000);
        return rows;
    }

    private static String text(RDFNode node) {
        if (node.isLiteral()) return node.asLiteral().getLexicalForm();
        if (node.isURIResource()) return node.asResource().getURI();
        return node.toString();
    }

    /** The distinct bound values of one column. */
    private static Set<String> column(List<Map<String, String>> rows, String var) {
        return rows.stream().map(r -> r.get(var)).filter(v -> v != null)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** One column in row order (unbound as ""). */
    private static List<String> columnList(List<Map<String, String>> rows, String var) {
        return rows.stream().map(r -> r.getOrDefault(var, "")).toList();
    }

    /** Each row as "a | b | c" over the given columns (unbound as ""). */
    private static Set<String> tuples(List<Map<String, String>> rows, String... vars) {
        return rows.stream()
                .map(r -> Arrays.stream(vars).map(v -> r.getOrDefault(v, "")).collect(Collectors.joining(" | ")))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The labels of a GROUP_CONCAT(…; SEPARATOR="; ") column. */
    private static Set<String> split(String concatenated) {
        if (concatenated == null || concatenated.isEmpty()) return Set.of();
        return new TreeSet<>(Arrays.asList(concatenated.split("; ")));
    }

    private static String sorted(String concatenated) {
        return String.join("; ", split(concatenated));
    }

    private static Set<String> labelsOfKind(List<Map<String, String>> rows, String kindLabel) {
        return rows.stream().filter(r -> kindLabel.equals(r.get("kindLabel"))).map(r -> r.get("label"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String localName(String iri) {
        return iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
    }
}

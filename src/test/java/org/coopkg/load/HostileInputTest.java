package org.coopkg.load;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDFS;
import org.coopkg.cli.Main;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.testing.CommandRun;
import org.coopkg.web.CoopServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken and hostile curated data fed to the loader through the command line, as a curator meets it: each
 * case gives exit code 1, exactly one located error line {@code file:line:col: [rule] message} (or
 * {@code file: [rule] message} for a whole-file problem) naming the rule and the fix, no stack trace, and
 * nothing loaded. Then legal values that look dangerous (markup, quotes, backslashes) load and come out
 * intact in TriG/Turtle, SPARQL JSON and HTML (HTML escaping is covered in depth by
 * {@code org.coopkg.web.HtmlEscapingTest}).
 */
class HostileInputTest {
    private static final String SOURCES = "id,type,title,url\ns1,Article,A source,https://example.org/a\n";
    private static final String PLACES_HEADER = "id,type,label,within,iso_code,source,evidence";
    private static final String CHINA = "china,Country,China,,CN,s1,China";
    private static final String EVENTS_HEADER = "id,type,label,date,place,source,evidence";
    private static final String FIGURES_HEADER = "id,label,value,qualifier,counts,subject,source,evidence";
    /** One error line: {@code file:line:col: [rule] message} or {@code file: [rule] message}. */
    private static final Pattern ERROR_LINE = Pattern.compile(
            "^\\s*([\\w.-]+\\.csv)(?::(\\d+)(?::(\\d+))?)?: \\[([a-z0-9.-]+)\\] (.+)$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** places.csv with the header, the row for China, then {@code rows}. */
    private static byte[] places(String... rows) {
        return utf8(PLACES_HEADER + "\n" + CHINA + "\n" + String.join("\n", rows) + "\n");
    }

    private static Arguments broken(String name, String file, byte[] content, String rule, String position) {
        return Arguments.of(name, file, content, rule, position);
    }

    static Stream<Arguments> brokenInputs() {
        String huge = "x".repeat(10 * 1024 * 1024);
        return Stream.of(
                // --- encoding and CSV syntax
                broken("byte-order mark", "places.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, places()),
                        "csv.bom", "1:1"),
                broken("Latin-1 byte", "places.csv",
                        (PLACES_HEADER + "\n" + CHINA + "\nzurich,City,Z\u00fcrich,china,,s1,Zurich\n").getBytes(StandardCharsets.ISO_8859_1),
                        "csv.encoding", "3:14"),
                broken("CRLF then LF", "places.csv", utf8(PLACES_HEADER + "\r\n" + CHINA + "\n"), "csv.mixed-line-endings", "2:33"),
                broken("bare CR line ending", "places.csv", utf8(PLACES_HEADER + "\r" + CHINA + "\r"), "csv.line-ending", "1:46"),
                broken("unterminated quote", "places.csv", places("x,City,\"Unclosed,china,,s1,X"), "csv.unterminated-quote", "3:8"),
                broken("stray quote", "places.csv", places("x,City,Un\"closed,china,,s1,X"), "csv.stray-quote", "3:10"),
                broken("text after a closing quote", "places.csv", places("x,City,\"A\"b,china,,s1,X"), "csv.text-after-quote", "3:11"),
                broken("\"\"\" in an unquoted cell", "places.csv", places("x,City,say \"\"\"hi\"\"\",china,,s1,X"), "csv.stray-quote", "3:12"),
                broken("extra column", "places.csv", places("x,City,X,china,,s1,X,extra"), "csv.extra-cell", "3:22"),
                broken("missing columns", "places.csv", places("x,City,X,china"), "csv.missing-cell", "3:15"),
                broken("empty file", "places.csv", new byte[0], "csv.empty", ""),
                broken("10 MB cell", "places.csv", places("x,City," + huge + ",china,,s1,X"), "csv.cell-too-large", "3:8"),
                broken("control character BEL", "places.csv", places("x,City,Bell\u0007,china,,s1,X"), "csv.control-character", "3:12"),
                broken("NUL character", "places.csv", places("x,City,Nul\u0000,china,,s1,X"), "csv.control-character", "3:11"),
                broken("DEL character", "places.csv", places("x,City,Del\u007F,china,,s1,X"), "csv.control-character", "3:11"),
                broken("NUL in a quoted cell", "places.csv", places("x,City,\"a\u0000b\",china,,s1,X"), "csv.control-character", "3:10"),
                // --- header
                broken("unknown column", "places.csv", utf8("id,type,label,colour,source,evidence\n"), "header.unknown-column", "1:15"),
                broken("duplicate column", "places.csv", utf8("id,type,label,label,source,evidence\n"), "header.duplicate-column", "1:15"),
                broken("missing required column", "places.csv", utf8("id,type,source,evidence\nx,City,s1,X\n"), "header.missing-column", "1:1"),
                broken("no sources.csv", "sources.csv", null, "data.missing-file", ""),
                // --- cells
                broken("empty required label", "places.csv", places("x,City,,china,,s1,X"), "required.empty", "3:8"),
                broken("empty id", "places.csv", places(",City,X,china,,s1,X"), "required.empty", "3:1"),
                broken("empty evidence", "places.csv", places("x,City,X,china,,s1,"), "provenance.evidence", "3:20"),
                broken("evidence over 300 characters", "places.csv", places("x,City,X,china,,s1," + "w".repeat(301)),
                        "provenance.evidence-too-long", "3:20"),
                broken("duplicate id", "places.csv", places(CHINA), "id.duplicate", "3:1"),
                broken("dangling reference", "places.csv", places("x,City,X,suzhou,,s1,X"), "ref.unknown", "3:10"),
                broken("dangling source", "places.csv", places("x,City,X,china,,s9,X"), "ref.unknown", "3:17"),
                broken("place within itself", "places.csv", places("a,Region,A,a,,s1,A"), "place.cycle", "3:12"),
                broken("A within B within A", "places.csv", places("a,Region,A,b,,s1,A", "b,Region,B,a,,s1,B"), "place.cycle", "3:12"),
                broken("A within B within C within A", "places.csv",
                        places("a,Region,A,b,,s1,A", "b,Region,B,c,,s1,B", "c,Region,C,a,,s1,C"), "place.cycle", "3:12"),
                broken("impossible date 2025-02-30", "events.csv",
                        utf8(EVENTS_HEADER + "\nforum,Forum,A forum,2025-02-30,china,s1,A forum\n"), "date.invalid", "2:21"),
                broken("impossible month 2025-13-01", "events.csv",
                        utf8(EVENTS_HEADER + "\nforum,Forum,A forum,2025-13-01,china,s1,A forum\n"), "date.invalid", "2:21"),
                broken("number with a thousands comma", "figures.csv",
                        utf8(FIGURES_HEADER + "\nf1,Partners,\"1,000\",more-than,partners,china,s1,over 1000\n"), "integer.syntax", "2:13"),
                broken("number with words", "figures.csv",
                        utf8(FIGURES_HEADER + "\nf1,Partners,over 160,more-than,partners,china,s1,over 160\n"), "integer.syntax", "2:13"),
                broken("<script> as a type", "places.csv", places("x,<script>,X,china,,s1,X"), "type.unknown", "3:3"),
                broken("> in a two-letter code", "places.csv", places("x,City,X,china,C>,s1,X"), "value.syntax", "3:16"),
                broken("> in a URL", "sources.csv", utf8("id,type,title,url\ns1,Article,A source,https://example.org/a>b\n"),
                        "url.syntax", "2:21"),
                // --- slugs that would break IRIs
                broken("space in an id", "places.csv", places("bad id,City,X,china,,s1,X"), "id.syntax", "3:1"),
                broken("slash in an id", "places.csv", places("a/b,City,X,china,,s1,X"), "id.syntax", "3:1"),
                broken("# in an id", "places.csv", places("a#b,City,X,china,,s1,X"), "id.syntax", "3:1"),
                broken("> in an id", "places.csv", places("a>b,City,X,china,,s1,X"), "id.syntax", "3:1"),
                broken("non-ASCII id", "places.csv", places("z\u00fcrich,City,X,china,,s1,X"), "id.syntax", "3:1"),
                broken("<script> id", "places.csv", places("\"<script>\",City,X,china,,s1,X"), "id.syntax", "3:1"),
                broken("upper-case id", "places.csv", places("Zurich,City,X,china,,s1,X"), "id.syntax", "3:1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenInputs")
    void brokenInputGivesOneLocatedErrorAndLoadsNothing(String name, String file, byte[] content, String rule,
            String position) throws Exception {
        Map<String, byte[]> files = baseFiles();
        if (content == null) files.remove(file); else files.put(file, content);
        write(files);

        CommandRun validate = CommandRun.of("validate", "--data", dir.toString());
        assertEquals(Main.DATA_INVALID, validate.exit(), () -> name + ":\n" + validate.err());
        assertEquals("", validate.out(), "validate prints nothing to stdout on failure");
        List<String> lines = validate.err().lines().toList();
        assertEquals(2, lines.size(), () -> "a heading and one error line:\n" + validate.err());
        assertEquals("The curated data was not loaded (1 problem):", lines.get(0));
        Matcher m = ERROR_LINE.matcher(lines.get(1));
        assertTrue(m.matches(), () -> "a located error line: " + lines.get(1));
        assertEquals(file, m.group(1), lines.get(1));
        assertEquals(rule, m.group(4), lines.get(1));
        String at = m.group(2) == null ? "" : m.group(2) + (m.group(3) == null ? "" : ":" + m.group(3));
        assertEquals(position, at, lines.get(1));
        String message = m.group(5);
        assertTrue(message.length() < 600, () -> "short: " + message.length() + " characters");
        assertTrue(message.matches("(?s).*\\b(add|delete|save|re-save|write|use|give|put|name|copy|shorten|correct|keep|fill|rename|"
                + "check|encode|must|is not one of|should)\\b.*"), () -> "says how to fix it: " + message);
        assertNoStackTrace(validate);

        Path out = dir.resolve("out.nq");
        CommandRun load = CommandRun.of("load", "--data", dir.toString(), "--out", out.toString());
        assertEquals(Main.DATA_INVALID, load.exit(), load::err);
        assertFalse(Files.exists(out), "nothing is written when the data is invalid");
        assertNoStackTrace(load);
    }

    // ---- legal values that look dangerous

    private static final String LABEL = "<b>bold</b> <script>alert(1)</script> \"quoted\" \"\"\"triple\"\"\" back\\slash a>b & 'x'";
    private static final String DESCRIPTION = "ends with a backslash \\";

    @Test
    void dangerousButLegalValuesLoadAndComeOutIntact() throws Exception {
        String csvLabel = "\"" + LABEL.replace("\"", "\"\"") + "\"";
        write(Map.of("sources.csv", utf8(SOURCES),
                "places.csv", utf8(PLACES_HEADER + ",support\nevil,Country," + csvLabel + ",,EV,s1," + csvLabel + ",stated\n"),
                "organisations.csv", utf8("id,type,label,country,description,source,evidence,support\n"
                        + "org,University,Org,evil,\"" + DESCRIPTION.replace("\"", "\"\"") + "\",s1,Org,stated\n")));
        CommandRun validate = CommandRun.of("validate", "--data", dir.toString());
        assertEquals(0, validate.exit(), validate::err);

        // TriG written by the loader, parsed again.
        Path trig = dir.resolve("out.trig");
        assertEquals(0, CommandRun.of("load", "--data", dir.toString(), "--out", trig.toString()).exit());
        DatasetGraph written = RDFDataMgr.loadDatasetGraph(trig.toString());
        Node place = NodeFactory.createURI("http://localhost:3030/id/place/evil");
        Node org = NodeFactory.createURI("http://localhost:3030/id/organisation/org");
        assertTrue(written.contains(Node.ANY, place, RDFS.label.asNode(), NodeFactory.createLiteralLang(LABEL, "en")),
                "the label survives TriG intact");
        assertTrue(written.stream().anyMatch(q -> q.getSubject().equals(org) && q.getObject().isLiteral()
                && q.getObject().getLiteralLexicalForm().equals(DESCRIPTION)), "a trailing backslash survives TriG");

        var graph = new CoopLoader(CuratedFiles.directory(dir), CoopIris.DEFAULT_BASE).load();
        try (CoopServer server = CoopServer.builder().dataset(graph.dataset()).port(0).loopback(true).build().start()) {
            HttpClient http = HttpClient.newHttpClient();
            String root = "http://localhost:" + server.port();
            // Turtle from the Linked Data server.
            String turtle = http.send(HttpRequest.newBuilder(URI.create(root + "/id/place/evil")).header("Accept", "text/turtle")
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            Graph described = RDFParser.fromString(turtle, Lang.TURTLE).toGraph();
            assertTrue(described.contains(place, RDFS.label.asNode(), NodeFactory.createLiteralLang(LABEL, "en")), turtle);
            // SPARQL JSON results.
            String query = "SELECT ?l WHERE { <" + place.getURI() + "> <" + RDFS.label.getURI() + "> ?l }";
            String json = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "application/sparql-results+json")
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(utf8(json)), ResultSetLang.RS_JSON);
            QuerySolution row = rs.next();
            assertEquals(LABEL, row.getLiteral("l").getString(), json);
            assertFalse(rs.hasNext());
            // The HTML page: the markup is text, never markup.
            String html = http.send(HttpRequest.newBuilder(URI.create(root + "/id/place/evil")).header("Accept", "text/html")
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertFalse(html.contains("<script>alert(1)"), "no raw script tag");
            assertFalse(html.contains("<b>bold"), "no raw markup");
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the escaped form is shown");
            assertTrue(html.contains("&lt;b&gt;bold&lt;/b&gt;"), "the escaped form is shown");
        }
    }

    // ---- helpers

    private static Map<String, byte[]> baseFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("sources.csv", utf8(SOURCES));
        files.put("places.csv", places());
        return files;
    }

    private void write(Map<String, byte[]> files) throws Exception {
        for (var e : files.entrySet()) Files.write(dir.resolve(e.getKey()), e.getValue());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void assertNoStackTrace(CommandRun run) {
        String all = run.out() + run.err();
        assertFalse(all.contains("\tat ") || all.contains("Exception") || all.contains(".java:"),
                () -> "stack trace or exception name:\n" + all);
    }
}

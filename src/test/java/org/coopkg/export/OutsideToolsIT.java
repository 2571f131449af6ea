package org.coopkg.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.core.Format;
import org.coopkg.derive.LoadedGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exports, read by the tools people load them into: rdflib (every RDF format), rapper from Raptor
 * (Turtle, N-Triples, RDF/XML, N-Quads), NetworkX (GraphML) and sha256sum (the release checksums).
 * Runs with {@code mvn -B verify -Poutside-tools}; needs Debian's python3-rdflib, python3-networkx and
 * raptor2-utils. Python is called as {@value #PYTHON}: a python3 earlier on PATH (pyenv) lacks those modules.
 */
class OutsideToolsIT {
    static final String PYTHON = "/usr/bin/python3";

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeExports() throws Exception {
        for (String data : List.of("tricky", "bundled")) {
            for (Format format : ExportFixtures.rdfFormats()) {
                Files.write(file(data, format), ExportFixtures.exported(data, format));
            }
            LoadedGraph graph = ExportFixtures.data(data);
            try (OutputStream out = Files.newOutputStream(file(data, Format.GRAPHML))) {
                new GraphMlExporter().write(new PropertyGraphBuilder(graph.dataset(), graph.names()).build(), out);
            }
        }
        // A release of the small data with every file gzipped: ReleaseWriterTest covers the bundled one.
        new ReleaseWriter(ExportFixtures.tricky(), 0).write(dir.resolve("release"));
    }

    static Path file(String data, Format format) {
        return dir.resolve(data + "." + format.extension());
    }

    static Stream<Arguments> rdfExports() {
        List<Arguments> cases = new ArrayList<>();
        for (String data : List.of("tricky", "bundled")) {
            for (Format format : ExportFixtures.rdfFormats()) cases.add(Arguments.of(data, format));
        }
        return cases.stream();
    }

    /** rdflib's format names. */
    static String rdflibFormat(Format format) {
        return switch (format) {
            case TURTLE -> "turtle";
            case NTRIPLES -> "nt";
            case NQUADS -> "nquads";
            case TRIG -> "trig";
            case JSONLD -> "json-ld";
            case RDFXML -> "xml";
            default -> throw new IllegalArgumentException(format.formatName());
        };
    }

    /**
     * rdflib reads every file in one Python process (starting Python and importing rdflib per file would
     * double this test's time) and prints one line per file: its name, then the triple (or quad) and graph
     * counts, or ERROR and the message. Literal normalisation is off: rdflib would otherwise read
     * "042"^^xsd:integer as 42 and merge it with "42".
     */
    static java.util.Map<String, String> rdflibCounts;

    static synchronized String rdflibCount(String data, Format format) throws Exception {
        if (rdflibCounts == null) {
            String script = """
                    import sys, rdflib
                    rdflib.NORMALIZE_LITERALS = False
                    for arg in sys.argv[1:]:
                        path, fmt, kind = arg.split("|")
                        try:
                            if kind == "quads":
                                d = rdflib.Dataset()
                                d.parse(path, format=fmt)
                                qs = list(d.quads((None, None, None, None)))
                                print(path, len(qs), len({str(q[3]) for q in qs}))
                            else:
                                g = rdflib.Graph()
                                g.parse(path, format=fmt)
                                print(path, len(g), 0)
                        except Exception as e:
                            print(path, "ERROR", repr(e).replace("\\n", " "))
                    """;
            List<String> command = new ArrayList<>(List.of(PYTHON, "-c", script));
            rdfExports().forEach(a -> {
                Format f = (Format) a.get()[1];
                command.add(file((String) a.get()[0], f) + "|" + rdflibFormat(f) + "|" + (f.supportsContexts() ? "quads" : "triples"));
            });
            Result result = run(command);
            assertEquals(0, result.exit(), () -> "rdflib failed to start: " + result.err());
            rdflibCounts = new java.util.HashMap<>();
            result.out().lines().forEach(line -> {
                int space = line.indexOf(' ');
                rdflibCounts.put(line.substring(0, space), line.substring(space + 1));
            });
        }
        return rdflibCounts.getOrDefault(file(data, format).toString(), "no answer");
    }

    @ParameterizedTest(name = "rdflib reads {1} ({0} data)")
    @MethodSource("rdfExports")
    void rdflibReadsTheSameNumberOfTriplesOrQuads(String data, Format format) throws Exception {
        DatasetGraph dataset = ExportFixtures.data(data).dataset();
        String expected = format.supportsContexts()
                ? ExportFixtures.namedOnly(dataset).stream().count() + " " + ExportFixtures.namedOnly(dataset).size()
                : ExportFixtures.union(dataset).size() + " 0";
        String actual = rdflibCount(data, format);
        assertEquals(expected, actual, () -> "rdflib, " + format + " (" + data + "): expected "
                + (format.supportsContexts() ? "quads and graphs " : "triples ") + expected + ", read " + actual);
    }

    static Stream<Arguments> rapperExports() {
        List<Arguments> cases = new ArrayList<>();
        for (String data : List.of("tricky", "bundled")) {
            for (String syntax : List.of("turtle", "ntriples", "rdfxml", "nquads")) cases.add(Arguments.of(data, syntax));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "rapper parses {1} ({0} data)")
    @MethodSource("rapperExports")
    void rapperParsesWithoutErrors(String data, String syntax) throws Exception {
        Format format = ExportFormats.parse(syntax);
        DatasetGraph dataset = ExportFixtures.data(data).dataset();
        Result result = run(List.of("rapper", "-i", syntax, "-c", file(data, format).toString()));
        assertEquals(0, result.exit(), () -> "rapper -i " + syntax + " failed (" + data + "):\n" + result.err());
        assertFalse(result.err().contains("Error") || result.err().contains("Warning"),
                () -> "rapper -i " + syntax + " (" + data + ") reported problems:\n" + result.err());
        Matcher count = Pattern.compile("Parsing returned (\\d+) triples").matcher(result.err());
        assertTrue(count.find(), result::err);
        long expected = format.supportsContexts() ? ExportFixtures.namedOnly(dataset).stream().count()
                : ExportFixtures.union(dataset).size();
        assertEquals(expected, Long.parseLong(count.group(1)), () -> "rapper -i " + syntax + " (" + data + ") count");
    }

    @ParameterizedTest(name = "networkx reads the GraphML ({0} data)")
    @MethodSource("datasets")
    void networkxReadsTheGraphMl(String data) throws Exception {
        LoadedGraph graph = ExportFixtures.data(data);
        PropertyGraph expected = new PropertyGraphBuilder(graph.dataset(), graph.names()).build();
        long typedValues = expected.nodes().stream().filter(n -> n.attributes().containsKey("value")
                || n.attributes().containsKey("population")).count();
        String script = """
                import sys, networkx as nx
                g = nx.read_graphml(sys.argv[1])
                ints = sum(1 for _, d in g.nodes(data=True) if isinstance(d.get("value", d.get("population")), int))
                print(g.number_of_nodes(), g.number_of_edges(), ints)
                """;
        Result result = run(List.of(PYTHON, "-c", script, file(data, Format.GRAPHML).toString()));
        assertEquals(0, result.exit(), () -> "networkx could not read the GraphML (" + data + "): " + result.err());
        assertEquals(expected.nodes().size() + " " + expected.edges().size() + " " + typedValues, result.out().strip(),
                () -> "networkx (" + data + "): expected nodes, edges, integer-typed values "
                        + expected.nodes().size() + " " + expected.edges().size() + " " + typedValues
                        + ", read " + result.out().strip());
    }

    static Stream<String> datasets() {
        return Stream.of("tricky", "bundled");
    }

    @Test
    void sha256sumChecksTheRelease() throws Exception {
        Result result = run(List.of("sha256sum", "--check", "--strict", "SHA256SUMS"), dir.resolve("release"));
        assertEquals(0, result.exit(), () -> "sha256sum -c failed:\n" + result.out() + result.err());
        List<String> gzipTest = new ArrayList<>(List.of("gzip", "--test"));
        try (var files = Files.list(dir.resolve("release"))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".gz")).sorted().forEach(gzipTest::add);
        }
        assertTrue(gzipTest.size() > 8, gzipTest::toString);
        Result gzip = run(gzipTest, dir.resolve("release"));
        assertEquals(0, gzip.exit(), () -> "gzip --test: " + gzip.err());
    }

    record Result(int exit, String out, String err) {}

    static Result run(List<String> command) throws IOException, InterruptedException {
        return run(command, dir);
    }

    static Result run(List<String> command, Path workingDirectory) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            fail(command.get(0) + " is not installed (apt-get install python3-rdflib python3-networkx raptor2-utils): "
                    + e.getMessage());
            throw e;
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command.subList(0, Math.min(3, command.size()))) + " did not finish in 120 s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}

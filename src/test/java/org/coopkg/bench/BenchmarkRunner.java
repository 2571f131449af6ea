package org.coopkg.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.system.Txn;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.derive.LoadedGraph;
import org.coopkg.load.CuratedFiles;
import org.coopkg.query.Gallery;
import org.coopkg.query.GalleryQuery;
import org.coopkg.store.Folders;
import org.coopkg.store.TdbStore;
import org.coopkg.synth.SyntheticData;

/**
 * The benchmark harness behind {@code bench/run.sh}: measures coop-kg against its baselines (RIOT, the TDB2
 * phased bulk loader, the stock Fuseki server, Jena's OWL Micro reasoner) in the same run, each figure the
 * median of several runs after a warm-up, and writes {@code BENCHMARKS.md}.
 *
 * <p>Servers and loaders run as separate JVMs with the same flags, started from the shaded
 * {@code target/coopkg.jar} and the stock {@code target/stock-fuseki/jena-fuseki-server.jar}; the HTTP client
 * is the same for both. Options: see {@code bench/run.sh --help}.
 */
public final class BenchmarkRunner {
    private static final List<String> ALL_SECTIONS = List.of("load", "tdb2", "endpoint", "startup", "inference", "large",
            "memory", "json", "cache", "union", "storage");
    private static final String DATASET = "/coop";
    /** Gallery queries that need the full-text index, which the stock server on the same data does not have. */
    private static final Set<String> NEEDS_TEXT_INDEX = Set.of("17-full-text-search.rq");

    private int runs = 5;
    private int seconds = 10;
    private int loadScale = 100;
    private int startupScale = 1000;
    private int largeScale = 2400;
    private int memoryScale = 1000;
    /** Heap of every server and loader JVM (the same for coop-kg and its baselines), and of the large section's. */
    private String heap = "12g";
    private String largeHeap = "20g";
    private boolean append;
    private int inferenceScale = 100;
    private Path out = Path.of("BENCHMARKS.md");
    private Path work = Path.of("target/bench");
    private final Set<String> sections = new LinkedHashSet<>(ALL_SECTIONS);
    private final List<String> commandLine;

    private final Path coopJar = Path.of("target/coopkg.jar");
    private final Path fusekiJar = Path.of("target/stock-fuseki/jena-fuseki-server.jar");
    private final HttpBench http = new HttpBench();
    private final Map<String, List<String>> report = new LinkedHashMap<>();

    private BenchmarkRunner(String[] args) {
        commandLine = List.of(args);
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--load-scale" -> loadScale = Integer.parseInt(value);
                case "--startup-scale" -> startupScale = Integer.parseInt(value);
                case "--large-scale" -> largeScale = Integer.parseInt(value);
                case "--memory-scale" -> memoryScale = Integer.parseInt(value);
                case "--inference-scale" -> inferenceScale = Integer.parseInt(value);
                case "--heap" -> heap = value;
                case "--large-heap" -> largeHeap = value;
                case "--append" -> {
                    append = true;
                    i--;
                }
                case "--out" -> out = Path.of(value);
                case "--work" -> work = Path.of(value);
                case "--sections" -> {
                    sections.clear();
                    for (String s : value.split(",")) {
                        if (!ALL_SECTIONS.contains(s)) throw new IllegalArgumentException("unknown section '" + s
                                + "'; choose from " + String.join(",", ALL_SECTIONS));
                        sections.add(s);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; 'bench/run.sh --help' "
                        + "lists the options");
            }
            i++;
        }
        if (runs < 1) throw new IllegalArgumentException("--runs must be at least 1");
        for (String size : List.of(heap, largeHeap)) {
            if (!size.matches("[1-9][0-9]*[mg]")) throw new IllegalArgumentException("heap size '" + size
                    + "' must be a number followed by m or g, e.g. 12g");
        }
    }

    /** The flags of every server and loader JVM: the same for coop-kg and its baselines. */
    private List<String> jvmFlags() {
        return List.of("-Xmx" + heap, "-XX:+UseG1GC");
    }

    public static void main(String[] args) throws Exception {
        BenchmarkRunner runner;
        try {
            runner = new BenchmarkRunner(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        runner.run();
        System.exit(0);
    }

    private void run() throws Exception {
        for (Path jar : List.of(coopJar, fusekiJar)) {
            if (!Files.isRegularFile(jar)) throw new IOException(jar + " is missing: run 'mvn -DskipTests package' first");
        }
        Files.createDirectories(work);
        // The large section first, while this JVM holds nothing: its loader needs most of the machine's memory.
        if (sections.contains("large")) section("Scale: gallery queries on TDB2", this::large);
        if (sections.contains("memory")) section("Scale: gallery queries in memory", this::memory);
        if (sections.contains("union")) section("Storage: the stored union copy vs TDB2's `unionDefaultGraph`", this::union);
        if (sections.contains("storage")) section("Storage: node cache, in-memory graph class", this::storage);
        if (sections.contains("json")) section("Results: writing SPARQL JSON", this::json);
        if (sections.contains("cache")) section("Result cache (warm figures, apart from the cold ones above)", this::cache);
        if (sections.contains("load")) section("Load: curated CSV → in-memory dataset vs `riot --sink`", this::loadInMemory);
        if (sections.contains("tdb2")) section("Load: curated CSV → TDB2 vs `tdb2.tdbloader --loader=phased`", this::loadTdb2);
        if (sections.contains("endpoint")) section("Endpoint: gallery mix and `ASK {}` vs stock Fuseki", this::endpoint);
        if (sections.contains("startup")) section("Start-up: process start to first answered query", this::startup);
        if (sections.contains("inference")) section("Inference: materialised vs OWL Micro InfModel", this::inference);
        writeReport();
    }

    private interface Section {
        void run(List<String> lines) throws Exception;
    }

    private void section(String title, Section body) throws Exception {
        log("== " + title);
        List<String> lines = new ArrayList<>();
        long start = System.nanoTime();
        try {
            body.run(lines);
        } catch (Exception e) {
            lines.add("");
            lines.add("**This section failed:** " + e.getMessage().lines().findFirst().orElse("") + " (see the log under "
                    + work + ").");
            log("section failed: " + e.getMessage());
        }
        lines.add("");
        lines.add(String.format(Locale.ROOT, "_Section time: %.0f s._", (System.nanoTime() - start) / 1e9));
        report.put(title, lines);
    }

    // ---------------------------------------------------------------- load

    private void loadInMemory(List<String> lines) throws Exception {
        Path data = synth(loadScale);
        Path dump = dump(data, "syn-" + loadScale + ".nq");
        List<Double> ours = new ArrayList<>();
        List<Double> riot = new ArrayList<>();
        Map<String, List<Double>> phases = new LinkedHashMap<>();
        long quads = 0;
        for (int i = 0; i <= runs; i++) {
            System.gc();
            long start = System.nanoTime();
            LoadedGraph loaded = new CoopLoader(CuratedFiles.directory(data), CoopIris.DEFAULT_BASE).load();
            var dataset = loaded.readOnlyDataset();
            double oursSeconds = (System.nanoTime() - start) / 1e9;
            quads = Txn.calculateRead(dataset, () -> dataset.stream().count());
            if (i > 0) loaded.phaseMillis().forEach((phase, ms) -> phases.computeIfAbsent(phase, k -> new ArrayList<>()).add(ms / 1e3));
            System.gc();
            start = System.nanoTime();
            StreamRDF sink = StreamRDFLib.sinkNull();
            RDFParser.source(dump).lang(Lang.NQUADS).parse(sink);
            double riotSeconds = (System.nanoTime() - start) / 1e9;
            if (i > 0) {
                ours.add(quads / oursSeconds);
                riot.add(quads / riotSeconds);
            }
            log(String.format(Locale.ROOT, "run %d: coop-kg %.2f s, riot --sink %.2f s", i, oursSeconds, riotSeconds));
        }
        lines.add(String.format(Locale.ROOT, "Scale %d synthetic data: %,d quads (named graphs and their union as the "
                + "default graph). coop-kg reads %d CSV files, maps, materialises, validates with SHACL and builds the "
                + "in-memory dataset `coopkg serve` queries; the baseline is what `riot --sink` does, RIOT parsing the same quads "
                + "as N-Quads into a null sink. Both in the harness JVM (`-Xmx%dg`), alternating.", loadScale, quads,
                org.coopkg.load.CuratedSchema.fileNames().size(), Runtime.getRuntime().maxMemory() >> 30));
        lines.add("");
        table(lines);
        row(lines, "load rate (quads/s)", ours, riot, true, "≥ 0.8×", 0.8, "%,.0f");
        // Where the time goes, so that the ratio can be read: RIOT's work is the first step's counterpart only.
        double readAndMap = Stats.median(phases.get("read CSV")) + Stats.median(phases.get("map to RDF"));
        lines.add("");
        lines.add("coop-kg's load, step by step (median seconds): " + String.join(", ", phases.entrySet().stream()
                .map(e -> e.getKey() + " " + fmt("%.2f", Stats.median(e.getValue()))).toList())
                + fmt(". Reading and mapping the CSV alone, the counterpart of RIOT's parsing, runs at %,.0f quads/s, ",
                        quads / readAndMap)
                + fmt("%.2f× RIOT's median rate; materialising, SHACL validation and building the indexed dataset are "
                        + "the rest, work a parser into a null sink does not do.", quads / readAndMap / Stats.median(riot)));
    }

    private void loadTdb2(List<String> lines) throws Exception {
        Path data = synth(loadScale);
        new Tdb2LoadBench(work, coopJar, fusekiJar, runs).compare(lines, jvmFlags(), loadScale, data,
                dump(data, "syn-" + loadScale + ".nq"));
    }

    // ---------------------------------------------------------------- endpoint

    private void endpoint(List<String> lines) throws Exception {
        Path dump = dump(null, "bundled.nq");
        List<String> mix = Gallery.bundled().stream().filter(q -> !NEEDS_TEXT_INDEX.contains(q.file()))
                .map(GalleryQuery::sparql).toList();
        int ourPort = freePort();
        int stockPort = freePort();
        try (Jvm ours = Jvm.start(jvmFlags(), work.resolve("logs/endpoint-coopkg.log"), "-jar", coopJar.toString(),
                "serve", "--localhost", "--port", Integer.toString(ourPort));
             Jvm stock = Jvm.start(jvmFlags(), work.resolve("logs/endpoint-fuseki.log"), "-jar", fusekiJar.toString(),
                     "--localhost", "--port", Integer.toString(stockPort), "--file", dump.toString(), DATASET)) {
            String ourUrl = sparqlUrl(ourPort);
            String stockUrl = sparqlUrl(stockPort);
            ours.awaitFirstAnswer(ourUrl, Duration.ofMinutes(5));
            stock.awaitFirstAnswer(stockUrl, Duration.ofMinutes(5));
            lines.add(String.format(Locale.ROOT, "Bundled data; both servers in memory on loopback, `%s`: coop-kg "
                    + "`serve` (from the curated CSV) and the stock `jena-fuseki-server` 5.6.0 jar (`--file` with the same "
                    + "quads as N-Quads). Mix: the %d gallery queries that need no text index, each client starting at a "
                    + "different one; %d s per run, runs alternating between the servers. Every answer was checked to be "
                    + "200.", String.join(" ", jvmFlags()), mix.size(), seconds));
            lines.add("");
            table(lines);
            for (int concurrency : List.of(1, 2)) {
                List<Double> ourQps = new ArrayList<>();
                List<Double> stockQps = new ArrayList<>();
                long failed = 0;
                for (int i = 0; i <= runs; i++) {
                    HttpBench.Throughput a = http.throughput(ourUrl, mix, concurrency, Duration.ofSeconds(seconds));
                    HttpBench.Throughput b = http.throughput(stockUrl, mix, concurrency, Duration.ofSeconds(seconds));
                    failed += a.failed() + b.failed();
                    if (i > 0) {
                        ourQps.add(a.qps());
                        stockQps.add(b.qps());
                    }
                    log(String.format(Locale.ROOT, "concurrency %d run %d: coop-kg %.1f qps, stock %.1f qps", concurrency,
                            i, a.qps(), b.qps()));
                }
                if (failed > 0) throw new IOException(failed + " gallery queries failed at concurrency " + concurrency);
                row(lines, "gallery mix QPS, concurrency " + concurrency, ourQps, stockQps, true, "≥ 1.0×", 1.0, "%,.1f");
            }
            List<Double> ourP50 = new ArrayList<>();
            List<Double> ourP99 = new ArrayList<>();
            List<Double> stockP50 = new ArrayList<>();
            List<Double> stockP99 = new ArrayList<>();
            int count = 2000;
            for (int i = 0; i <= runs; i++) {
                List<Double> a = http.latencies(ourUrl, "ASK {}", count);
                List<Double> b = http.latencies(stockUrl, "ASK {}", count);
                if (i > 0) {
                    ourP50.add(Stats.percentile(a, 50));
                    ourP99.add(Stats.percentile(a, 99));
                    stockP50.add(Stats.percentile(b, 50));
                    stockP99.add(Stats.percentile(b, 99));
                }
            }
            row(lines, "`ASK {}` p50 latency (ms), " + count + " sequential requests per run", ourP50, stockP50, false,
                    "≤ 1.1×", 1.1, "%.2f");
            row(lines, "`ASK {}` p99 latency (ms)", ourP99, stockP99, false, "(reported)", 0, "%.2f");
            lines.add("");
            lines.add(String.format(Locale.ROOT, "Peak resident memory during this section: coop-kg %,.0f MiB, stock "
                    + "Fuseki %,.0f MiB.", ours.peakMib(), stock.peakMib()));
        }
    }

    // ---------------------------------------------------------------- start-up

    private void startup(List<String> lines) throws Exception {
        Path scaled = synth(startupScale);
        Path bundledDump = dump(null, "bundled.nq");
        Path scaledDump = dump(scaled, "syn-" + startupScale + ".nq");
        Path ourDb = startupDb();
        Path stockDb = work.resolve("tdb2-startup-fuseki-" + startupScale);
        Path stockDone = stockDb.resolveSibling(stockDb.getFileName() + ".done");
        if (!Files.isRegularFile(stockDone)) {
            fresh(stockDb);
            try (Jvm jvm = Jvm.tdbloader(jvmFlags(), work.resolve("logs/startup-tdbloader.log"), fusekiJar, stockDb, scaledDump)) {
                jvm.await(Duration.ofMinutes(30));
            }
            Files.writeString(stockDone, "");
        }
        lines.add(String.format(Locale.ROOT, "Wall time from starting the JVM (`%s`) to the first `ASK {}` answered "
                + "200, polled every 20 ms. Three ways to start: from the curated CSV (coop-kg only: it maps, "
                + "materialises and validates, work the stock server does not do; its cost is the load figure above), "
                + "from a release dump (both parse the same N-Quads into memory: coop-kg `serve --dump`, stock "
                + "`--file`), and from a TDB2 database of the same quads (coop-kg `serve --tdb2` opens the full-text "
                + "index `load --tdb2` wrote; stock `--tdb2 --loc`). coop-kg's Linked Data pages, VoID and entity "
                + "catalogue are still being prepared in the background at that moment (the large section below "
                + "gives the time until they are ready).", String.join(" ", jvmFlags())));
        lines.add("");
        table(lines);
        startupRow(lines, "bundled data, coop-kg from CSV, stock from the dump",
                List.of("-jar", coopJar.toString(), "serve", "--localhost"),
                List.of("-jar", fusekiJar.toString(), "--localhost", "--file", bundledDump.toString(), DATASET));
        startupRow(lines, "bundled data, both from the dump",
                List.of("-jar", coopJar.toString(), "serve", "--localhost", "--dump", bundledDump.toString()),
                List.of("-jar", fusekiJar.toString(), "--localhost", "--file", bundledDump.toString(), DATASET));
        startupRow(lines, "scale " + startupScale + ", both from TDB2",
                List.of("-jar", coopJar.toString(), "serve", "--localhost", "--tdb2", ourDb.toString()),
                List.of("-jar", fusekiJar.toString(), "--localhost", "--tdb2", "--loc", stockDb.toString(), DATASET));
    }

    private void startupRow(List<String> lines, String label, List<String> ours, List<String> stock) throws Exception {
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            double x = timeToFirstAnswer(ours, "coopkg");
            double y = timeToFirstAnswer(stock, "fuseki");
            if (i > 0) {
                a.add(x);
                b.add(y);
            }
            log(String.format(Locale.ROOT, "%s run %d: coop-kg %.2f s, stock %.2f s", label, i, x, y));
        }
        row(lines, "start-up (s), " + label, a, b, false, "≤ 1.0×", 1.0, "%.2f");
    }

    private double timeToFirstAnswer(List<String> args, String name) throws Exception {
        int port = freePort();
        List<String> withPort = new ArrayList<>(args);
        withPort.add(withPort.indexOf("--localhost") + 1, "--port");
        withPort.add(withPort.indexOf("--port") + 1, Integer.toString(port));
        try (Jvm jvm = Jvm.start(jvmFlags(), work.resolve("logs/startup-" + name + ".log"), withPort.toArray(String[]::new))) {
            return jvm.awaitFirstAnswer(sparqlUrl(port), Duration.ofMinutes(20));
        }
    }

    // ---------------------------------------------------------------- inference

    private void inference(List<String> lines) throws Exception {
        Path data = synth(inferenceScale);
        GalleryQuery query = galleryQuery("14-everything-located-in-china.rq");
        Path queryFile = work.resolve(query.file());
        Files.writeString(queryFile, query.sparql());
        Path log = work.resolve("logs/inference.log");
        Duration limit = Duration.ofMinutes(20);
        Map<String, String> values = new LinkedHashMap<>();
        try (Jvm jvm = Jvm.start(List.of("-Xmx12g", "-cp", System.getProperty("java.class.path")), log,
                InferenceProbe.class.getName(), data.toString(), queryFile.toString(), Integer.toString(runs))) {
            try {
                jvm.await(limit);
            } catch (IOException e) {
                log("inference probe: " + e.getMessage());
            }
        }
        for (String line : Files.readAllLines(log)) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).matches("[a-z_]+")) values.put(line.substring(0, eq), line.substring(eq + 1));
        }
        lines.add(String.format(Locale.ROOT, "Gallery query 14 (%s: subclasses, sub-properties of `coop:locatedIn` and "
                + "its closure over `coop:within`) at scale %d, in one JVM: over the materialised dataset, and over "
                + "`ModelFactory.createInfModel(ReasonerRegistry.getOWLMicroReasoner(), asserted)` where `asserted` is "
                + "every named graph but the inferred one (data, metadata and the ontology: %s triples). A different "
                + "query runs first on the materialised data, so that neither side pays for loading the query engine; "
                + "warm figures are after one more warm-up run of query 14 itself.", query.title(), inferenceScale, values.getOrDefault("asserted_triples", "?")));
        lines.add("");
        if (!values.containsKey("inference_ms")) {
            lines.add(String.format(Locale.ROOT, "The InfModel did not finish within %s (materialised query: median "
                    + "%s ms; InfModel prepare: %s ms). Its figure is at least the time limit.", limit,
                    values.containsKey("materialised_ms") ? fmt("%.1f", Stats.median(parse(values.get("materialised_ms"))))
                            : "?", values.getOrDefault("inference_prepare_ms", "> limit")));
            return;
        }
        table(lines);
        List<Double> materialised = parse(values.get("materialised_ms"));
        row(lines, "query 14, warm (ms): materialised vs InfModel after prepare() and a first query", materialised,
                parse(values.get("inference_ms")), false, "≥ 100× faster", 0.01, "%.1f");
        row(lines, "first answer once the data is in memory (ms): materialised, first query vs fresh InfModel, "
                        + "prepare() and first query", List.of(Double.parseDouble(values.get("materialised_first_query_ms"))),
                List.of(Double.parseDouble(values.get("inference_first_query_ms"))), false, "≥ 100× faster", 0.01, "%.1f");
        lines.add("");
        lines.add(String.format(Locale.ROOT, "The InfModel took %s ms to prepare. Materialising costs the loader %s ms "
                        + "once per load at this scale (%s inferred triples, measured on the same asserted data). Rows: "
                        + "materialised %s, InfModel %s (OWL Micro has no property chains, so it cannot close "
                        + "`coop:locatedIn` over `coop:within`: it finds only what is located in China directly).",
                fmt("%.0f", Double.parseDouble(values.get("inference_prepare_ms"))),
                fmt("%.0f", Double.parseDouble(values.get("materialise_ms"))),
                values.get("materialised_inferred_triples"), values.get("materialised_rows"), values.get("inference_rows")));
    }

    // ---------------------------------------------------------------- large

    private void large(List<String> lines) throws Exception {
        Path data = synth(largeScale);
        Path db = work.resolve("tdb2-large-" + largeScale);
        List<String> flags = List.of("-Xmx" + largeHeap, "-XX:+UseG1GC");
        double[] load = loadOnce(flags, db, "load", "--no-duplicate-check", "--data", data.toString(), "--tdb2", db.toString());
        int port = freePort();
        List<GalleryQuery> gallery = Gallery.bundled();
        try (Jvm server = Jvm.start(flags, work.resolve("logs/large-serve.log"), "-jar", coopJar.toString(), "serve",
                "--localhost", "--port", Integer.toString(port), "--tdb2", db.toString())) {
            String url = sparqlUrl(port);
            double startup = server.awaitFirstAnswer(url, Duration.ofMinutes(30));
            double ready = awaitPrepared(server, port);
            String storeLine = Files.readAllLines(work.resolve("logs/large-" + largeScale + "-load.log")).stream()
                    .filter(l -> l.startsWith("loaded ")).findFirst().orElse("?");
            lines.add(String.format(Locale.ROOT, "Scale %d synthetic data loaded with `coopkg load --tdb2` (%s; %s), "
                    + "served with `coopkg serve --tdb2` (`%s`): first answer after %.1f s, VoID, Linked Data pages, "
                    + "catalogue and reconciliation index prepared after %.1f s. The queries ran after that. Each gallery query: 2 warm-up runs, "
                    + "then sequential runs, at least 5 and up to %d within 30 s; rows is the size of its answer. The "
                    + "baseline is the stock `jena-fuseki-server` 5.6.0 jar over the same database (`--tdb2 --loc`, "
                    + "whose stored default graph is the union and whose join statistics, `stats.opt`, it reads as coop-kg does; same JVM flags, `--timeout=30000`), 1 warm-up and 5 runs "
                    + "per query, after coop-kg's server has stopped.",
                    largeScale, storeLine,
                    load == null ? "the database of an earlier run, reused" : fmt("%.0f s, peak resident memory %,.0f MiB",
                            load[0], load[1]), String.join(" ", flags), startup, ready, 20));
            Map<String, ScaleRun> ours = new LinkedHashMap<>();
            for (GalleryQuery q : gallery) ours.put(q.file(), scaleRun(url, q, 20));
            double liveHeap = server.liveHeapMib();
            double peak = server.peakMib();
            // The database admits one process at a time.
            server.close();
            // It has no text index, so query 17 has no stock figure; fewer runs, as only its median is shown.
            Map<String, ScaleRun> stock = new LinkedHashMap<>();
            int stockPort = freePort();
            try (Jvm fuseki = Jvm.start(flags, work.resolve("logs/large-fuseki.log"), "-jar", fusekiJar.toString(),
                    "--localhost", "--port", Integer.toString(stockPort), "--timeout=30000", "--tdb2", "--loc",
                    db.toString(), DATASET)) {
                String stockUrl = sparqlUrl(stockPort);
                fuseki.awaitFirstAnswer(stockUrl, Duration.ofMinutes(30));
                for (GalleryQuery q : gallery) {
                    if (!q.sparql().contains("text:query")) stock.put(q.file(), scaleRun(stockUrl, q, 5));
                }
            }
            galleryTable(lines, gallery, ours, stock);
            lines.add("");
            lines.add(String.format(Locale.ROOT, "Server memory: peak resident %,.0f MiB (the G1 heap grows towards "
                    + "`-Xmx` under the allocation of large answers, and the memory-mapped database pages count too); "
                    + "heap in use after a full collection once the queries had run: %,.0f MiB.", peak, liveHeap));
            // The profiles and plans of each query (issue 17 §1), kept beside the figures.
            lines.add("");
            lines.addAll(Files.readAllLines(Path.of("bench/where-the-time-goes.md")));
        }
    }

    /**
     * The per-query table of a scale section, with the figures of §3 of issue 17: the geometric mean of the per-query
     * p50 ratios (stock ÷ coop-kg: above 1 is faster than stock), queries over the 30 s limit, and the queries whose
     * answer has under 10,000 rows with p95 under 1 s.
     */
    private static void galleryTable(List<String> lines, List<GalleryQuery> gallery, Map<String, ScaleRun> ours,
            Map<String, ScaleRun> stock) {
        lines.add("");
        lines.add("| gallery query | rows | runs | p50 (ms) | p95 (ms) | p95 < 1 s | stock Fuseki p50 (ms) | speed-up (stock ÷ coop-kg p50) |");
        lines.add("|---|---:|---:|---:|---:|---|---:|---:|");
        double logSum = 0;
        int ratios = 0;
        int overLimit = 0;
        int small = 0;
        int smallFast = 0;
        for (GalleryQuery q : gallery) {
            ScaleRun a = ours.get(q.file());
            ScaleRun b = stock.get(q.file());
            String baseline = b == null ? "— (needs the text index)" : b.failure != null ? b.failure
                    : fmt("%.1f", Stats.median(b.millis));
            if (a.failure != null) {
                overLimit++;
                lines.add("| " + q.file() + " | " + a.failure + " | | | | **no** | " + baseline + " | — |");
                continue;
            }
            String ratio = "—";
            if (b != null && b.failure == null) {
                double r = Stats.median(b.millis) / Stats.median(a.millis);
                logSum += Math.log(r);
                ratios++;
                ratio = fmt("%.2f×", r);
            } else if (b != null) {
                // Stock failed (the 30 s limit): coop-kg is at least this much faster.
                double r = 30_000 / Stats.median(a.millis);
                logSum += Math.log(r);
                ratios++;
                ratio = fmt("≥ %.2f×", r);
            }
            double p95 = Stats.percentile(a.millis, 95);
            if (a.rows < 10_000) {
                small++;
                if (p95 < 1000) smallFast++;
            }
            lines.add(String.format(Locale.ROOT, "| %s | %,d | %d | %.1f | %.1f | %s | %s | %s |", q.file(), a.rows,
                    a.millis.size(), Stats.percentile(a.millis, 50), p95, p95 < 1000 ? "yes" : "**no**", baseline, ratio));
        }
        double geomean = ratios == 0 ? Double.NaN : Math.exp(logSum / ratios);
        lines.add("");
        lines.add(fmt("Geometric mean of the per-query p50 speed-ups (stock ÷ coop-kg, %d queries; a query stock could not "
                + "answer within 30 s counts as 30 s): **%.2f×** (target ≥ 3×: %s). Queries over the 30 s limit: %d (target 0: "
                + "%s). Queries whose answer has under 10,000 rows with p95 < 1 s: %d of %d (target all: %s).", ratios,
                geomean, geomean >= 3 ? "met" : "**not met**", overLimit, overLimit == 0 ? "met" : "**not met**", smallFast,
                small, smallFast == small ? "met" : "**not met**"));
    }

    /** One gallery query's runs at scale: its answer size and latencies, or why it failed. */
    private static final class ScaleRun {
        final List<Double> millis = new ArrayList<>();
        long rows;
        String failure;
    }

    /** Warm-up, then at least 5 sequential runs and up to {@code maxRuns} within 30 s. */
    private ScaleRun scaleRun(String url, GalleryQuery q, int maxRuns) throws InterruptedException {
        ScaleRun run = new ScaleRun();
        try {
            http.latencies(url, q.sparql(), maxRuns > 5 ? 2 : 1);
            run.rows = http.rows(url, q.sparql());
            long budgetEnd = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (run.millis.size() < 5 || (run.millis.size() < maxRuns && System.nanoTime() < budgetEnd)) {
                run.millis.addAll(http.latencies(url, q.sparql(), 1));
            }
            log(String.format(Locale.ROOT, "%s %s p50 %.1f ms p95 %.1f ms", url, q.file(), Stats.percentile(run.millis, 50),
                    Stats.percentile(run.millis, 95)));
        } catch (IOException e) {
            // The message ends with the query text: keep the first line, the status.
            String status = e.getMessage().lines().findFirst().orElse("").replaceAll(" to #.*", "")
                    .replaceAll(".* answered ", "answered ");
            run.failure = "failed: " + status + " (30 s query limit)";
            log(url + " " + q.file() + " " + run.failure);
        }
        return run;
    }

    /**
     * Runs a coopkg command into {@code db} unless an earlier run completed it (it leaves a marker file); returns
     * {seconds, peak MiB}, or null when the database was reused.
     */
    /**
     * Seconds until a server's background preparations have ended, so that they do not share the cores with the
     * timed queries: they run one after the other (VoID, then the entity catalogue, then the reconciliation index,
     * the last), and a reconciliation query answers 200 only once that index is ready.
     */
    private static double awaitPrepared(Jvm server, int port) throws IOException, InterruptedException {
        server.awaitOk("http://localhost:" + port + "/.well-known/void", Duration.ofMinutes(60));
        String queries = java.net.URLEncoder.encode("{\"q0\":{\"query\":\"China\"}}", java.nio.charset.StandardCharsets.UTF_8);
        return server.awaitOk("http://localhost:" + port + CoopIris.RECONCILE_PATH + "?queries=" + queries, Duration.ofMinutes(60));
    }

    private double[] loadOnce(List<String> flags, Path db, String... args) throws Exception {
        Path done = db.resolveSibling(db.getFileName() + ".done");
        if (Files.isRegularFile(done) && Files.isDirectory(db)) return null;
        fresh(db);
        Path log = work.resolve("logs/" + db.getFileName().toString().replace("tdb2-", "") + "-load.log");
        List<String> command = new ArrayList<>(List.of("-jar", coopJar.toString()));
        command.addAll(List.of(args));
        try (Jvm jvm = Jvm.start(flags, log, command.toArray(String[]::new))) {
            double[] figures = {jvm.await(Duration.ofMinutes(90)), jvm.peakMib()};
            Files.writeString(done, "");
            return figures;
        }
    }

    // ---------------------------------------------------------------- memory, json, cache

    private void memory(List<String> lines) throws Exception {
        Path data = synth(memoryScale);
        Path dump = dump(data, "syn-" + memoryScale + ".nq");
        List<GalleryQuery> gallery = Gallery.bundled();
        Map<String, ScaleRun> ours = new LinkedHashMap<>();
        Map<String, ScaleRun> stock = new LinkedHashMap<>();
        double startup;
        double peak;
        double liveHeap;
        int port = freePort();
        try (Jvm server = Jvm.start(jvmFlags(), work.resolve("logs/memory-serve.log"), "-jar", coopJar.toString(), "serve",
                "--localhost", "--port", Integer.toString(port), "--data", data.toString())) {
            String url = sparqlUrl(port);
            startup = server.awaitFirstAnswer(url, Duration.ofMinutes(30));
            awaitPrepared(server, port);
            for (GalleryQuery q : gallery) ours.put(q.file(), scaleRun(url, q, 20));
            liveHeap = server.liveHeapMib();
            peak = server.peakMib();
        }
        int stockPort = freePort();
        double stockPeak;
        try (Jvm fuseki = Jvm.start(jvmFlags(), work.resolve("logs/memory-fuseki.log"), "-jar", fusekiJar.toString(),
                "--localhost", "--port", Integer.toString(stockPort), "--timeout=30000", "--file", dump.toString(), DATASET)) {
            String stockUrl = sparqlUrl(stockPort);
            fuseki.awaitFirstAnswer(stockUrl, Duration.ofMinutes(30));
            for (GalleryQuery q : gallery) {
                if (!q.sparql().contains("text:query")) stock.put(q.file(), scaleRun(stockUrl, q, 5));
            }
            stockPeak = fuseki.peakMib();
        }
        lines.add(String.format(Locale.ROOT, "Scale %d synthetic data in memory, both servers `%s`: coop-kg `serve --data` "
                + "(read-only dataset, first answer after %.1f s; the queries ran once its Linked Data pages were prepared) "
                + "and the stock `jena-fuseki-server` 5.6.0 jar (`--file` with the same quads as N-Quads, `--timeout=30000`), "
                + "one after the other. Each gallery query: coop-kg 2 warm-up runs then 5 to 20 runs within 30 s; stock 1 "
                + "warm-up and 5 runs.", memoryScale, String.join(" ", jvmFlags()), startup));
        galleryTable(lines, gallery, ours, stock);
        lines.add("");
        lines.add(fmt("Peak resident memory: coop-kg %,.0f MiB (heap in use after a full collection once the queries had "
                + "run: %,.0f MiB), stock Fuseki %,.0f MiB.", peak, liveHeap, stockPeak));
    }

    /**
     * The storage choices of issue 17 §2 but the layout: TDB2's node cache on the database of the start-up section's
     * scale, the in-memory graph class at the load and memory sections' scales.
     */
    private void storage(List<String> lines) throws Exception {
        StorageBench bench = new StorageBench(work, jvmFlags(), fusekiJar, runs);
        bench.nodeCache(lines, startupDb(), startupScale, List.of(1_000_000, 100_000, 5_000_000));
        lines.add("");
        Map<Integer, Path> dumps = new LinkedHashMap<>();
        for (int scale : new java.util.TreeSet<>(List.of(loadScale, memoryScale))) {
            dumps.put(scale, dump(synth(scale), "syn-" + scale + ".nq"));
        }
        bench.unionGraphClass(lines, dumps);
    }

    /** The TDB2 layout: the stored union copy against {@code unionDefaultGraph}, at the start-up section's scale. */
    private void union(List<String> lines) throws Exception {
        StorageBench bench = new StorageBench(work, jvmFlags(), fusekiJar, runs);
        Path dump = dump(synth(startupScale), "syn-" + startupScale + ".nq");
        bench.unionCopy(lines, dump, TdbStore.statisticsOf(startupDb()), startupScale);
    }

    /** coop-kg's TDB2 database at the start-up section's scale, loaded once per work folder. */
    private Path startupDb() throws Exception {
        Path scaled = synth(startupScale);
        Path ourDb = work.resolve("tdb2-startup-coopkg-" + startupScale);
        loadOnce(jvmFlags(), ourDb, "load", "--no-duplicate-check", "--data", scaled.toString(), "--tdb2", ourDb.toString());
        return ourDb;
    }

    private void json(List<String> lines) throws Exception {
        int count = 235_454;
        List<org.apache.jena.sparql.core.Var> vars = org.apache.jena.sparql.core.Var.varList(
                List.of("kind", "kindLabel", "entity", "label", "ref"));
        List<org.apache.jena.sparql.engine.binding.Binding> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String kind = List.of("Organisation", "Person", "Facility", "Project", "Event").get(i % 5);
            rows.add(org.apache.jena.sparql.engine.binding.BindingFactory.builder()
                    .add(vars.get(0), org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/coop-kg/ontology#" + kind))
                    .add(vars.get(1), org.apache.jena.graph.NodeFactory.createLiteralLang(kind.toLowerCase(Locale.ROOT), "en"))
                    .add(vars.get(2), org.apache.jena.graph.NodeFactory.createURI("http://localhost:3030/id/" + kind.toLowerCase(Locale.ROOT) + "/syn-" + i))
                    .add(vars.get(3), org.apache.jena.graph.NodeFactory.createLiteralString("Synthetic " + kind + " n° " + i + " \"quoted\""))
                    .add(vars.get(4), org.apache.jena.graph.NodeFactory.createLiteralString(kind.toLowerCase(Locale.ROOT) + "/syn-" + i))
                    .build());
        }
        var jena = org.apache.jena.riot.rowset.rw.RowSetWriterJSON.factory.create(org.apache.jena.riot.resultset.ResultSetLang.RS_JSON);
        var compact = org.coopkg.query.exec.CompactJsonResults.writer();
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        long[] sizes = new long[2];
        for (int i = 0; i <= runs; i++) {
            for (int w = 0; w < 2; w++) {
                var counter = new java.io.OutputStream() {
                    long n;
                    @Override public void write(int b) { n++; }
                    @Override public void write(byte[] b, int off, int len) { n += len; }
                };
                System.gc();
                long start = System.nanoTime();
                (w == 0 ? compact : jena).write(counter, org.apache.jena.sparql.exec.RowSetStream.create(vars, rows.iterator()),
                        org.apache.jena.query.ARQ.getContext());
                double ms = (System.nanoTime() - start) / 1e6;
                sizes[w] = counter.n;
                if (i > 0) (w == 0 ? ours : theirs).add(ms);
            }
        }
        lines.add(fmt("A %,d-row answer of five variables (IRIs, language-tagged and plain literals, quotes and non-ASCII "
                + "letters: the shape of gallery query 13's answer at scale 2400), already computed, written as SPARQL JSON to a "
                + "counting stream in the harness JVM: coop-kg's compact writer (%,d bytes) against Jena's `RowSetWriterJSON` "
                + "(%,d bytes; the same bindings, indented). Alternating, after a warm-up.", count, sizes[0], sizes[1]));
        lines.add("");
        table(lines);
        row(lines, fmt("writing %,d rows as SPARQL JSON (ms)", count), ours, theirs, false, "≥ 2× faster", 0.5, "%.1f");
    }

    private void cache(List<String> lines) throws Exception {
        Path data = synth(loadScale);
        int port = freePort();
        List<String> rowsOut = new ArrayList<>();
        try (Jvm server = Jvm.start(jvmFlags(), work.resolve("logs/cache-serve.log"), "-jar", coopJar.toString(), "serve",
                "--localhost", "--port", Integer.toString(port), "--data", data.toString(), "--result-cache", "512")) {
            String url = sparqlUrl(port);
            server.awaitFirstAnswer(url, Duration.ofMinutes(30));
            server.awaitOk("http://localhost:" + port + "/.well-known/void", Duration.ofMinutes(30));
            for (GalleryQuery q : Gallery.bundled()) {
                try {
                    List<Double> first = http.latencies(url, q.sparql(), 1);
                    List<Double> hits = http.latencies(url, q.sparql(), 20);
                    rowsOut.add(fmt("| %s | %.1f | %.2f | %.0f× |", q.file(), first.get(0), Stats.median(hits),
                            first.get(0) / Stats.median(hits)));
                } catch (IOException e) {
                    // A failed answer (the 30 s limit) is not kept: there is nothing to serve from the cache.
                    rowsOut.add("| " + q.file() + " | failed: " + e.getMessage().lines().findFirst().orElse("")
                            .replaceAll(" to #.*", "").replaceAll(".* answered ", "answered ") + " | — | — |");
                }
            }
        }
        lines.add(fmt("Scale %d synthetic data in memory, `coopkg serve --result-cache 512` (`%s`). Once its Linked Data pages "
                + "are prepared, each gallery query once (not in the cache: the cold answer, as the tables above measure it), then 20 times (answered from the cache, "
                + "with the same bytes). These are warm figures, for a read-only server that is asked the same questions again; "
                + "no other figure of this report uses the cache.", loadScale, String.join(" ", jvmFlags())));
        lines.add("");
        lines.add("| gallery query | first answer (ms) | from the cache, p50 (ms) | ratio |");
        lines.add("|---|---:|---:|---:|");
        lines.addAll(rowsOut);
    }

    // ---------------------------------------------------------------- data

    /** The synthetic data of {@code scale} (seed 1), generated once per work folder. */
    private Path synth(int scale) throws Exception {
        Path dir = work.resolve("syn-" + scale);
        if (!Files.isRegularFile(dir.resolve("sources.csv"))) {
            fresh(dir);
            new SyntheticData(scale, 1).writeTo(dir);
        }
        return dir;
    }

    /** Every quad the data loads to (named graphs and the union default graph) as N-Quads; null data = bundled. */
    private Path dump(Path data, String name) throws Exception {
        Path file = work.resolve(name);
        if (Files.isRegularFile(file)) return file;
        CuratedFiles files = data == null ? CuratedFiles.bundled() : CuratedFiles.directory(data);
        LoadedGraph loaded = new CoopLoader(files, CoopIris.DEFAULT_BASE).load();
        Path partial = work.resolve(name + ".part");
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20)) {
            StreamRDF writer = StreamRDFWriter.getWriterStream(stream, RDFFormat.NQUADS_UTF8);
            writer.start();
            loaded.quads().forEachRemaining(writer::quad);
            writer.finish();
        }
        Files.move(partial, file);
        return file;
    }

    static long countQuads(Path nquads) throws IOException {
        try (Stream<String> lines = Files.lines(nquads)) {
            return lines.filter(l -> !l.isBlank()).count();
        }
    }

    private static GalleryQuery galleryQuery(String file) {
        return Gallery.bundled().stream().filter(q -> q.file().equals(file)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no gallery query " + file));
    }

    static Path fresh(Path dir) throws IOException {
        Folders.deleteTree(dir);
        return dir;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String sparqlUrl(int port) {
        return "http://localhost:" + port + DATASET + "/sparql";
    }

    // ---------------------------------------------------------------- report

    static void table(List<String> lines) {
        lines.add("| figure | coop-kg (median) | baseline (median) | ratio | target | met |");
        lines.add("|---|---:|---:|---:|---|---|");
    }

    /**
     * A table row. The ratio is coop-kg ÷ baseline for rates ({@code higherIsBetter}) and for times; the target is
     * met when the ratio is at least (rates) or at most (times) {@code bound}. A bound of 0 reports only.
     */
    static void row(List<String> lines, String figure, List<Double> ours, List<Double> baseline,
            boolean higherIsBetter, String target, double bound, String format) {
        double a = Stats.median(ours);
        double b = Stats.median(baseline);
        double ratio = a / b;
        String met = bound == 0 ? "—" : (higherIsBetter ? ratio >= bound : ratio <= bound) ? "yes" : "**no**";
        String ratioText = higherIsBetter || ratio >= 0.1 ? fmt("%.2f×", ratio) : fmt("%.4f× (%.0f× faster)", ratio, 1 / ratio);
        lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |", figure, fmt(format, a), fmt(format, b),
                ratioText, target, met));
    }

    static String fmt(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }

    private static List<Double> parse(String csv) {
        return Stream.of(csv.split(",")).map(Double::parseDouble).toList();
    }

    private void writeReport() throws Exception {
        List<String> md = new ArrayList<>();
        if (append && Files.isRegularFile(out)) {
            md.addAll(Files.readAllLines(out));
            md.add("");
            md.add("---");
            md.add("");
            md.add("_The sections below were measured in a separate run._");
            md.add("");
            md.addAll(runDescription());
        } else {
            md.add("# Benchmarks");
            md.add("");
            md.add("Written by `bench/run.sh` (`" + BenchmarkRunner.class.getName() + "`); do not edit by hand. Each "
                    + "figure is the median of " + runs + " runs after one warm-up run, measured in the same run as "
                    + "its baseline. Ratios are coop-kg ÷ baseline.");
            md.add("");
            md.addAll(runDescription());
        }
        for (Map.Entry<String, List<String>> section : report.entrySet()) {
            md.add("");
            md.add("## " + section.getKey());
            md.add("");
            md.addAll(section.getValue());
        }
        md.add("");
        Files.write(out, md);
        log("wrote " + out.toAbsolutePath());
    }

    private List<String> runDescription() throws IOException {
        return List.of(
                "- Date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                "- Command: `bench/run.sh" + (commandLine.isEmpty() ? "" : " " + String.join(" ", commandLine)) + "`",
                "- Commit: " + git("rev-parse", "--short", "HEAD")
                        // The report itself does not count: --append extends an edited copy of it.
                        + (git("status", "--porcelain", "--", ".", ":!" + out.getFileName()).isBlank() ? "" : " (with local changes)"),
                "- Machine: " + cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                        + memoryGib() + " GiB memory",
                "- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + "; servers and loaders run with `" + String.join(" ", jvmFlags()) + "` (the large section "
                        + "with `-Xmx" + largeHeap + "`)",
                "- Baselines: Apache Jena 5.6.0 (`jena-fuseki-server` jar: Fuseki, RIOT, `tdb2.tdbloader`)");
    }

    private static String git(String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("git"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? text : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static String cpu() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    }

    private static long memoryGib() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / (1024 * 1024)).findFirst().orElse(0L);
    }

    static void log(String message) {
        System.err.println("bench: " + message);
    }
}

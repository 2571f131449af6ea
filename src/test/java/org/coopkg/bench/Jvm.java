package org.coopkg.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java process started by the benchmark, with its output in a log file, and its peak resident memory (VmHWM) and
 * CPU time (user and system, all threads) sampled every 200 ms while it runs.
 */
final class Jvm implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final long startNanos;
    private volatile long peakKib;
    private volatile long cpuNanos;
    private final Thread sampler;

    private Jvm(Process process, Path log, long startNanos) {
        this.process = process;
        this.log = log;
        this.startNanos = startNanos;
        this.sampler = new Thread(this::samplePeak, "peak-memory");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts {@code java FLAGS ARGS...}, output to {@code log}. */
    static Jvm start(List<String> flags, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of(args));
        Files.createDirectories(log.getParent());
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // The stock Fuseki server keeps its run area here, not in the working directory.
        builder.environment().put("FUSEKI_BASE", log.getParent().resolveSibling("fuseki-base").toAbsolutePath().toString());
        Process p = builder.start();
        return new Jvm(p, log, start);
    }

    /** The baseline loader: {@code tdb2.tdbloader --loader=phased} of the stock Fuseki jar, {@code nquads} into {@code db}. */
    static Jvm tdbloader(List<String> flags, Path log, Path fusekiJar, Path db, Path nquads) throws IOException {
        return start(flags, log, "-cp", fusekiJar.toString(), "tdb2.tdbloader", "--loader=phased", "--loc", db.toString(),
                nquads.toString());
    }

    /** Runs to the end; returns the wall time in seconds, or throws with the log's tail when it fails. */
    double await(Duration limit) throws IOException, InterruptedException {
        if (!process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out after " + limit + ": " + describe());
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (process.exitValue() != 0) throw new IOException("exit " + process.exitValue() + ": " + describe());
        return seconds;
    }

    /** Seconds from process start until {@code sparqlUrl} answers {@code ASK {}} with 200. */
    double awaitFirstAnswer(String sparqlUrl, Duration limit) throws IOException, InterruptedException {
        HttpRequest ask = HttpRequest.newBuilder(URI.create(sparqlUrl + "?query=ASK%7B%7D"))
                .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(30)).build();
        // Until the port is open the request fails: try again.
        return await200(ask, limit, Duration.ofMillis(20), true);
    }

    /** Seconds from process start until a GET of {@code url} answers 200 (503 means: not ready yet). */
    double awaitOk(String url, Duration limit) throws IOException, InterruptedException {
        return await200(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(), limit,
                Duration.ofMillis(500), false);
    }

    /**
     * Polls {@code request} every {@code pause} until it answers 200; 503 (and, if {@code untilListening}, a
     * refused connection) means not yet, any other status fails.
     */
    private double await200(HttpRequest request, Duration limit, Duration pause, boolean untilListening)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = startNanos + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException("the server stopped: " + describe());
            int status;
            try {
                status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException notListening) {
                if (!untilListening) throw notListening;
                status = 503;
            }
            if (status == 200) return (System.nanoTime() - startNanos) / 1e9;
            if (status != 503) throw new IOException(request.uri() + " answered " + status + ": " + describe());
            Thread.sleep(pause.toMillis());
        }
        throw new IOException(request.uri() + " did not answer 200 within " + limit + ": " + describe());
    }

    /** Peak resident memory so far, in MiB. */
    double peakMib() {
        readPeak();
        return peakKib / 1024.0;
    }

    /**
     * The JIT compilers' time, from the report {@code -XX:+CITime} makes the JVM print as it exits; for a process
     * started with that flag, after {@link #await}.
     */
    double compilationSeconds() throws IOException {
        Matcher total = Pattern.compile("Total compilation time\\s*:\\s*([0-9.]+) s")
                .matcher(Files.readString(log));
        if (!total.find()) throw new IOException("no compilation time in " + log + "; was the JVM started with -XX:+CITime?");
        return Double.parseDouble(total.group(1));
    }

    /**
     * The garbage collector's pauses, from the lines {@code -Xlog:gc+cpu} makes the JVM print for each: [0] their CPU
     * time (user and system, all GC threads), [1] their wall time; for a process started with that flag, after
     * {@link #await}. The collector's concurrent work between pauses is not in these lines.
     */
    double[] gcPauseSeconds() throws IOException {
        Matcher pause = Pattern.compile("\\[gc,cpu\\].*User=([0-9.]+)s Sys=([0-9.]+)s Real=([0-9.]+)s")
                .matcher(Files.readString(log));
        double cpu = 0;
        double wall = 0;
        while (pause.find()) {
            cpu += Double.parseDouble(pause.group(1)) + Double.parseDouble(pause.group(2));
            wall += Double.parseDouble(pause.group(3));
        }
        return new double[] {cpu, wall};
    }

    /** CPU seconds (user and system, every thread) at the last sample before the process ended. */
    double cpuSeconds() {
        return cpuNanos / 1e9;
    }

    /** The heap in use after a full collection ({@code jcmd GC.run}, then {@code GC.heap_info}), in MiB. */
    double liveHeapMib() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = Pattern.compile("total \\d+K, used (\\d+)K").matcher(jcmd("GC.heap_info"));
        if (!used.find()) throw new IOException("no heap figure from jcmd GC.heap_info for process " + process.pid());
        return Long.parseLong(used.group(1)) / 1024.0;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        jcmd.waitFor();
        return out;
    }

    private void samplePeak() {
        while (process.isAlive()) {
            readPeak();
            process.info().totalCpuDuration().ifPresent(cpu -> cpuNanos = cpu.toNanos());
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void readPeak() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    if (kib > peakKib) peakKib = kib;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // The process has ended: keep the last reading.
        }
    }

    String describe() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return log + "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        sampler.interrupt();
    }
}

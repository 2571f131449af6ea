package org.coopkg.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coopkg.testing.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accepted writes are never lost (issue 15 §2): a server in a child JVM ({@code coopkg serve --update}, from the test
 * class path) acknowledges N updates, is killed with SIGKILL, and is started again on the same journal or TDB2
 * database: all N are there. A journal whose last record was cut short (a power cut while appending) is reported with
 * the record's position at the next start, the record is skipped, never half-applied, and moved aside.
 */
class KillRestartTest {
    private static final int UPDATES = 12;
    private static final Pattern ENDPOINT = Pattern.compile("SPARQL endpoint: http://localhost:(\\d+)/");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedUpdateSurvivesKillNineWithAJournalAndATornRecordIsSkipped() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd"), "curator: s3cret\n");
        Path journal = dir.resolve("updates.rdfp");
        List<String> serve = List.of("serve", "--port", "0", "--localhost", "--update", "--passwd", passwd.toString(),
                "--journal", journal.toString());
        Child first = Child.start(serve);
        try {
            for (int i = 1; i <= UPDATES; i++) assertEquals(204, first.insert(i), "update " + i);
        } finally {
            first.kill();
        }
        long complete = Files.size(journal);
        // A power cut while the next record was being appended: its first lines, without the commit line.
        String torn = "H id <urn:uuid:00000000-0000-0000-0000-000000000000> .\nTX .\nA <urn:x:torn> <urn:x:p> \"half\" <urn:x:g> .\n";
        Files.writeString(journal, torn, StandardOpenOption.APPEND);

        Child second = Child.start(serve);
        try {
            assertEquals(UPDATES, second.countInserted(), second.output());
            assertFalse(second.ask("ASK { <urn:x:torn> ?p ?o }"), "the torn record is not applied");
            assertTrue(second.output().contains("WARNING: the journal " + journal + " ends with an incomplete record at byte "
                    + complete + " (line "), second.output());
            assertTrue(second.output().contains("(" + UPDATES + " accepted updates replayed"), second.output());
            assertEquals(complete, Files.size(journal), "the torn tail is cut off");
            assertEquals(torn, Files.readString(dir.resolve("updates.rdfp.torn-" + complete)), "and kept aside");
            assertEquals(204, second.insert(UPDATES + 1));
        } finally {
            second.kill();
        }
        CommandRun show = CommandRun.of("journal", "show", journal.toString());
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().startsWith(journal + ": " + (UPDATES + 1) + " accepted updates"), show.out());
        assertTrue(show.out().contains("#1  ") && show.out().contains("user curator") && show.out().contains("+3 -0"), show.out());
    }

    @Test
    void everyAcknowledgedUpdateSurvivesKillNineOnTdb2() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd"), "curator: s3cret\n");
        Path db = dir.resolve("tdb2");
        CommandRun load = CommandRun.of("load", "--tdb2", db.toString());
        assertEquals(0, load.exit(), load.err());
        List<String> serve = List.of("serve", "--port", "0", "--localhost", "--tdb2", db.toString(), "--update", "--passwd",
                passwd.toString());
        Child first = Child.start(serve);
        try {
            for (int i = 1; i <= UPDATES; i++) assertEquals(204, first.insert(i), "update " + i);
        } finally {
            first.kill();
        }
        Child second = Child.start(serve);
        try {
            assertEquals(UPDATES, second.countInserted(), second.output());
        } finally {
            second.kill();
        }
    }

    /** {@code coopkg serve} in a child JVM of the test class path. */
    private static final class Child {
        final Process process;
        /** Everything the server printed so far (a reader thread goes on appending). */
        final StringBuffer lines;
        final int port;

        private Child(Process process, StringBuffer lines, int port) {
            this.process = process;
            this.lines = lines;
            this.port = port;
        }

        static Child start(List<String> args) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-cp", System.getProperty("java.class.path"), "org.coopkg.cli.Main"));
            command.addAll(args);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            StringBuffer out = new StringBuffer();
            int[] port = {-1};
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        out.append(line).append('\n');
                        Matcher m = ENDPOINT.matcher(line);
                        if (m.find()) {
                            synchronized (port) {
                                port[0] = Integer.parseInt(m.group(1));
                                port.notifyAll();
                            }
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the process ended
                }
            }, "child-output");
            reader.setDaemon(true);
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            synchronized (port) {
                while (port[0] < 0 && System.nanoTime() < deadline && process.isAlive()) port.wait(200);
            }
            if (port[0] < 0) {
                process.destroyForcibly();
                throw new AssertionError("the server did not start:\n" + out);
            }
            return new Child(process, out, port[0]);
        }

        String output() throws InterruptedException {
            Thread.sleep(100);
            return lines.toString();
        }

        int insert(int i) throws Exception {
            String w = "<urn:coopkg:kill:w/" + i + ">";
            String update = "INSERT DATA { GRAPH <urn:coopkg:kill:g/" + i + "> { " + w + " <urn:coopkg:kill:part> \"a\" } "
                    + w + " <urn:coopkg:kill:part> \"b\" GRAPH <urn:coopkg:kill:h/" + i + "> { " + w + " <urn:coopkg:kill:part> \"c\" } }";
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/coop/update"))
                    .header("Content-Type", "application/sparql-update")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("curator:s3cret".getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode();
        }

        int countInserted() throws Exception {
            String query = "SELECT (COUNT(DISTINCT ?w) AS ?n) { ?w <urn:coopkg:kill:part> \"a\", \"b\", \"c\" }";
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/coop/sparql?query="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "text/csv").timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            return Integer.parseInt(r.body().lines().skip(1).findFirst().orElse("-1").strip());
        }

        boolean ask(String query) throws Exception {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/coop/sparql?query="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "application/sparql-results+json")
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return r.body().contains("true");
        }

        /** SIGKILL: no shutdown hook runs, nothing is flushed. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the killed server did not end");
        }
    }
}

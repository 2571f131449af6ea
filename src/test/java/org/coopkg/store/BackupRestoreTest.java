package org.coopkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.coopkg.core.CoopIris;
import org.coopkg.testing.CommandRun;
import org.coopkg.web.CoopServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TDB2 backups: the online backup ({@code GET /$/backup} of a server with updates, after updates it accepted) and
 * {@code coopkg backup} of the stopped database hold the same data as the database, compared as datasets by
 * isomorphism; {@code coopkg restore} makes a new database that is isomorphic to the backup, records the base, and
 * serves.
 */
class BackupRestoreTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void anOnlineBackupAfterUpdatesRestoresToAnIsomorphicDatabase() throws Exception {
        Path db = dir.resolve("tdb2");
        assertEquals(0, CommandRun.of("load", "--tdb2", db.toString()).exit());
        Path passwd = Files.writeString(dir.resolve("passwd"), "curator: s3cret\n");
        Path online = dir.resolve("online.nq.gz");
        DatasetGraph served;
        StoredDataset stored = TdbStore.openForServing(db, true);
        try (CoopServer server = CoopServer.builder().port(0).loopback(true).stored(stored).updates(passwd).build().start()) {
            String update = "INSERT DATA { GRAPH <urn:x:backup> { <urn:x:s> <urn:x:p> \"kept\" } <urn:x:s> <urn:x:q> _:b . "
                    + "_:b <urn:x:r> 1 }";
            HttpResponse<String> written = HTTP.send(HttpRequest.newBuilder(URI.create(server.updateUrl()))
                    .header("Content-Type", "application/sparql-update").header("Authorization", basic())
                    .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(204, written.statusCode(), written.body());
            HttpResponse<Path> backup = HTTP.send(HttpRequest.newBuilder(URI.create(server.url(CoopIris.BACKUP_PATH)))
                    .header("Authorization", basic()).build(), HttpResponse.BodyHandlers.ofFile(online));
            assertEquals(200, backup.statusCode());
            assertEquals("application/gzip", backup.headers().firstValue("Content-Type").orElse(""));
            assertTrue(backup.headers().firstValue("Content-Disposition").orElse("").matches("attachment; filename=\"coop-kg-backup-.*\\.nq\\.gz\""));
            served = copy(stored.dataset());
        } finally {
            TdbStore.release(TdbStore.open(db));
        }
        DatasetGraph fromOnline = read(online);
        assertTrue(isomorphic(served, fromOnline), "the online backup holds the served data");

        Path offline = dir.resolve("offline.nq.gz");
        CommandRun backup = CommandRun.of("backup", "--tdb2", db.toString(), "--out", offline.toString());
        assertEquals(0, backup.exit(), backup.err());
        assertTrue(isomorphic(fromOnline, read(offline)), "coopkg backup of the stopped database gives the same data");

        Path restored = dir.resolve("restored");
        CommandRun restore = CommandRun.of("restore", "--from", online.toString(), "--tdb2", restored.toString());
        assertEquals(0, restore.exit(), restore.err());
        assertTrue(restore.out().startsWith("coop-kg: restored " + String.format("%,d", fromOnline.stream().count()) + " quads"), restore.out());
        DatasetGraph tdb = TdbStore.open(restored);
        try {
            DatasetGraph copy = copy(tdb);
            assertTrue(isomorphic(fromOnline, copy), "the restored database holds the backup");
            assertTrue(TdbStore.isComplete(tdb));
            assertEquals(CoopIris.DEFAULT_BASE, TdbStore.base(tdb));
        } finally {
            TdbStore.release(tdb);
        }
        CommandRun again = CommandRun.of("restore", "--from", online.toString(), "--tdb2", restored.toString());
        assertEquals(3, again.exit());
        assertTrue(again.err().contains("already holds a TDB2 database; restore into a new folder"), again.err());
    }

    /**
     * Graph by graph isomorphism (Jena's graph matcher): the same graph names, and each graph, the default graph
     * included, isomorphic to its namesake. (Jena's dataset-wide matcher is far too slow for 14,000 quads.)
     */
    private static boolean isomorphic(DatasetGraph a, DatasetGraph b) {
        Set<Node> names = new HashSet<>();
        a.listGraphNodes().forEachRemaining(names::add);
        Set<Node> others = new HashSet<>();
        b.listGraphNodes().forEachRemaining(others::add);
        if (!names.equals(others) || !a.getDefaultGraph().isIsomorphicWith(b.getDefaultGraph())) return false;
        return names.stream().allMatch(g -> a.getGraph(g).isIsomorphicWith(b.getGraph(g)));
    }

    private static DatasetGraph copy(DatasetGraph source) {
        DatasetGraph copy = DatasetGraphFactory.create();
        Txn.executeRead(source, () -> source.find().forEachRemaining(copy::add));
        return copy;
    }

    private static DatasetGraph read(Path gz) throws Exception {
        DatasetGraph dataset = DatasetGraphFactory.create();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(dataset);
        }
        return dataset;
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("curator:s3cret".getBytes(StandardCharsets.UTF_8));
    }
}

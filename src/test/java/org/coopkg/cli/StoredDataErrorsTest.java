package org.coopkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.coopkg.store.TdbStore;
import org.coopkg.testing.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user is told when a dump or a database given to serve or load cannot be used. */
class StoredDataErrorsTest {
    @TempDir
    Path dir;

    @Test
    void aMissingDumpSaysHowToMakeOne() {
        CommandRun run = CommandRun.of("serve", "--dump", dir.resolve("coop-kg.nq.gz").toString());
        assertEquals(Main.FAILED, run.exit());
        assertTrue(run.err().contains("there is no dump " + dir.resolve("coop-kg.nq.gz")), run.err());
        assertTrue(run.err().contains("coopkg dist --out DIR"), run.err());
        run.assertNoStackTrace();
    }

    @Test
    void aDumpInAnotherSyntaxIsNamed() throws Exception {
        Path turtle = Files.writeString(dir.resolve("data.ttl"), "<a:s> <a:p> <a:o> .\n");
        CommandRun run = CommandRun.of("serve", "--dump", turtle.toString());
        assertEquals(Main.FAILED, run.exit());
        assertTrue(run.err().contains("cannot serve 'data.ttl' as a dump: it must be N-Quads or TriG"), run.err());
        run.assertNoStackTrace();
    }

    @Test
    void aDamagedDumpIsNamedWithTheFix() throws Exception {
        Path truncated = dir.resolve("coop-kg.nq.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(truncated))) {
            out.write("<http://example.org/s> <http://example.org/p> <http://example.org/o> <http://example.org/g> .\n".repeat(2000).getBytes());
        }
        byte[] whole = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        CommandRun run = CommandRun.of("serve", "--dump", truncated.toString());
        assertEquals(Main.FAILED, run.exit());
        assertTrue(run.err().contains("cannot read the dump " + truncated), run.err());
        assertTrue(run.err().contains("serve an unmodified release file"), run.err());
        run.assertNoStackTrace();

        Path bad = Files.writeString(dir.resolve("bad.nq"), "not n-quads\n");
        CommandRun syntax = CommandRun.of("serve", "--dump", bad.toString());
        assertTrue(syntax.err().contains("cannot read the dump " + bad + ": [line: 1, col: 1 ]"), syntax.err());
    }

    @Test
    void aReplicaTakesNoUpdatesAndOneDataSetOnly() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd"), "curator:secret\n");
        CommandRun update = CommandRun.of("serve", "--dump", "x.nq", "--update", "--passwd", passwd.toString());
        assertEquals(Main.USAGE, update.exit());
        assertTrue(update.err().contains("--update does not apply to --dump"), update.err());

        CommandRun both = CommandRun.of("serve", "--dump", "x.nq", "--tdb2", dir.toString());
        assertEquals(Main.USAGE, both.exit());
        assertTrue(both.err().contains("give one of --data DIR, --tdb2 DIR, --dump FILE and --config FILE"), both.err());
    }

    @Test
    void aDatabaseWithoutTheIdPrefixIsRefusedByLoadAndServe() {
        Path db = dir.resolve("db");
        DatasetGraph tdb = TdbStore.open(db);
        try {
            Txn.executeWrite(tdb, () -> tdb.add(Quad.create(NodeFactory.createURI("http://example.org/g"),
                    NodeFactory.createURI("http://example.org/s"), NodeFactory.createURI("http://example.org/p"),
                    NodeFactory.createURI("http://example.org/o"))));
        } finally {
            TdbStore.release(tdb);
        }
        for (String command : new String[] {"load", "serve"}) {
            CommandRun run = CommandRun.of(command, "--tdb2", db.toString());
            assertEquals(Main.FAILED, run.exit(), command + ": " + run.err());
            assertTrue(run.err().contains("has data but no id: prefix"), command + ": " + run.err());
            assertTrue(run.err().contains("delete the folder and run 'coopkg load --tdb2 " + db + "'"), run.err());
            run.assertNoStackTrace();
        }
    }
}

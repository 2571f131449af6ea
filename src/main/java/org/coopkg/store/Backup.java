package org.coopkg.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.AsyncParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.coopkg.core.CoopIris;
import org.coopkg.core.Ontology;

/**
 * Backups of the served data as gzipped N-Quads: every quad of every graph, the default graph (the stored union)
 * included, written in one read transaction, so a backup taken while updates are accepted is one consistent state
 * (TDB2 and the in-memory store are both MVCC). {@link #restore} makes a new TDB2 database from one; N-Quads carry no
 * prefixes, so the restored database gets the ontology's prefixes and the {@code id:} prefix of the base its
 * metadata graph names, as a load writes them.
 */
public final class Backup {
    private Backup() {}

    /** Writes {@code dataset} to {@code out} as gzipped N-Quads; the number of quads written. */
    public static long write(DatasetGraph dataset, OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        long[] count = {0};
        Txn.executeRead(dataset, () -> {
            StreamRDF writer = StreamRDFWriter.getWriterStream(gzip, Lang.NQUADS);
            writer.start();
            dataset.find().forEachRemaining(quad -> {
                writer.quad(quad);
                count[0]++;
            });
            writer.finish();
        });
        gzip.finish();
        gzip.flush();
        return count[0];
    }

    /** Writes the TDB2 database of a folder no server is using to {@code file}. */
    public static long writeStopped(Path dir, Path file) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("there is no TDB2 database in " + dir + "; name the folder of 'coopkg load --tdb2'");
        }
        DatasetGraph tdb;
        try {
            tdb = TdbStore.open(dir);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot open the TDB2 database in " + dir + " (" + e.getMessage() + "); is a "
                    + "server using it? Take an online backup from that server instead (GET " + CoopIris.BACKUP_PATH + ")", e);
        }
        try {
            if (!TdbStore.hasData(tdb)) throw new IllegalArgumentException("the TDB2 database in " + dir + " is empty: nothing to back up");
            try (OutputStream out = Files.newOutputStream(file)) {
                return write(tdb, out);
            }
        } finally {
            TdbStore.release(tdb);
        }
    }

    /**
     * Makes a new TDB2 database in {@code dir} (which must hold none) from a backup, gzipped or not; the number of quads.
     * The full-text index is not restored: {@code serve --tdb2} builds one in memory at start-up.
     */
    public static long restore(Path backup, Path dir, PrintWriter progress) throws IOException {
        if (!Files.isRegularFile(backup)) throw new IllegalArgumentException("there is no backup " + backup);
        Files.createDirectories(dir);
        DatasetGraph tdb = TdbStore.open(dir);
        try {
            if (TdbStore.hasData(tdb)) {
                throw new IllegalArgumentException("the folder " + dir + " already holds a TDB2 database; restore into a new "
                        + "folder (then serve that one), or delete it first");
            }
            try (InputStream in = open(backup)) {
                Map<String, String> prefixes = new LinkedHashMap<>();
                BaseFinding quads = new BaseFinding(AsyncParser.asyncParseQuads(in, Lang.NQUADS, null), prefixes);
                try {
                    return TdbStore.bulkLoad(tdb, quads, prefixes, progress);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("cannot read the backup " + backup + ": " + e.getMessage()
                            + "; restore from an unmodified backup file", e);
                }
            }
        } finally {
            TdbStore.release(tdb);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** Passes the quads on; at their end, fills the prefixes a load writes, with the base the metadata graph names. */
    private static final class BaseFinding implements Iterator<Quad> {
        private final Iterator<Quad> quads;
        private final Map<String, String> prefixes;
        private String base;

        BaseFinding(Iterator<Quad> quads, Map<String, String> prefixes) {
            this.quads = quads;
            this.prefixes = prefixes;
        }

        @Override
        public boolean hasNext() {
            boolean more = quads.hasNext();
            if (!more && prefixes.isEmpty()) {
                prefixes.putAll(Ontology.graph().getPrefixMapping().getNsPrefixMap());
                prefixes.put(CoopIris.ENTITY_PREFIX, new CoopIris(base == null ? CoopIris.DEFAULT_BASE : base).entitySpace());
            }
            return more;
        }

        @Override
        public Quad next() {
            if (!hasNext()) throw new NoSuchElementException();
            Quad quad = quads.next();
            if (base == null && quad.getGraph().isURI()) base = CoopIris.baseOfMetadataGraph(quad.getGraph().getURI()).orElse(null);
            return quad;
        }
    }
}

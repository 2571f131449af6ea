package org.coopkg.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.mem2.GraphMem2Roaring;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.coopkg.core.CoopIris;
import org.coopkg.core.Ontology;
import org.coopkg.derive.UnionIndexedDataset;

/**
 * A release dump ({@code coop-kg.nq.gz} of {@code coopkg dist}, or any N-Quads or TriG file of the graph, gzipped
 * or not) read into the read-only in-memory dataset a server queries, with the union of its named graphs as
 * the default graph, as a load from CSV gives. A read replica serves a dump: the data was validated and
 * materialised when the release was made, so the replica only parses.
 */
public final class ReleaseDump {

    private ReleaseDump() {}

    /** The dump as a read replica serves it: read into memory, with a full-text index built from it at start-up. */
    public static StoredDataset openForServing(Path file, String fallbackBase) {
        StoredDataset read = read(file, fallbackBase);
        return new StoredDataset(TextSearch.withInMemoryIndex(read.dataset()), read.base());
    }

    /**
     * Reads {@code file}. The base IRI is the one the release was made with, found from its metadata graph
     * ({@code {base}graph/metadata}); {@code fallbackBase} only for a dump without one.
     */
    public static StoredDataset read(Path file, String fallbackBase) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("there is no dump " + file + "; make a release with 'coopkg dist --out DIR' "
                    + "and serve DIR/coop-kg.nq.gz");
        }
        String name = file.getFileName().toString();
        Lang lang = RDFLanguages.filenameToLang(name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name);
        if (lang == null || !RDFLanguages.isQuads(lang)) {
            throw new IllegalArgumentException("cannot serve '" + name + "' as a dump: it must be N-Quads or TriG "
                    + "(.nq, .trig, optionally .gz), as 'coopkg dist' writes");
        }
        // As LoadedGraph.readOnlyDataset(): the union an indexed graph, the named graphs plain ones.
        Graph union = new GraphMem2Roaring();
        DatasetGraph dataset = new UnionIndexedDataset(union);
        String[] base = {null};
        Txn.executeWrite(dataset, () -> {
            try (InputStream raw = Files.newInputStream(file);
                 FailureKeepingStream in = new FailureKeepingStream(name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw)) {
                RDFParser.source(in).lang(lang).errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging)
                        .parse(new StreamRDFBase() {
                    @Override
                    public void quad(Quad quad) {
                        if (quad.isDefaultGraph()) {
                            // A dump that repeats the union.
                            union.add(quad.asTriple());
                            return;
                        }
                        dataset.add(quad);
                        if (base[0] == null && quad.getGraph().isURI()) {
                            base[0] = CoopIris.baseOfMetadataGraph(quad.getGraph().getURI()).orElse(null);
                        }
                        // The default graph is the union of the named graphs, whether or not the dump repeats it.
                        union.add(quad.asTriple());
                    }

                    @Override
                    public void triple(Triple triple) {
                        union.add(triple);
                    }

                    @Override
                    public void prefix(String prefix, String iri) {
                        dataset.prefixes().add(prefix, iri);
                    }
                });
                // RIOT takes a read error for the end of the input: a dump cut short at a line end would parse.
                if (in.failure != null) throw in.failure;
            } catch (IOException | RuntimeException e) {
                // RIOT reports a syntax error as a RiotException and a damaged gzip stream as another runtime exception.
                throw new IllegalArgumentException("cannot read the dump " + file + ": " + e.getMessage()
                        + "; serve an unmodified release file", e);
            }
            if (dataset.prefixes().isEmpty()) dataset.prefixes().putAll(Ontology.graph().getPrefixMapping().getNsPrefixMap());
            if (base[0] == null) base[0] = fallbackBase;
            if (dataset.prefixes().get(CoopIris.ENTITY_PREFIX) == null) {
                dataset.prefixes().add(CoopIris.ENTITY_PREFIX, new CoopIris(base[0]).entitySpace());
            }
        });
        return new StoredDataset(dataset, base[0]);
    }

    /** Keeps the read error that the parser would otherwise take for the end of the input. */
    private static final class FailureKeepingStream extends FilterInputStream {
        IOException failure;

        FailureKeepingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }
}

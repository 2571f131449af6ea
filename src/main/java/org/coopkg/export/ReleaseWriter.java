package org.coopkg.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.coopkg.core.Format;
import org.coopkg.core.Sha256;
import org.coopkg.derive.LoadedGraph;

/**
 * Writes a release for {@code coopkg dist --out DIR}: the graph in every export format, the ontology in
 * Turtle, RDF/XML and JSON-LD, and a {@code SHA256SUMS} file that {@code sha256sum -c SHA256SUMS} checks.
 *
 * <pre>
 * coop-kg.ttl  coop-kg.nt  coop-kg.rdf        the union of all graphs (triple formats)
 * coop-kg.nq   coop-kg.trig  coop-kg.jsonld   every named graph: one per curated row, with its provenance
 * coop-kg.graphml                             the property graph (see PropertyGraphBuilder)
 * coop-kg-neo4j/                              CSV for neo4j-admin, with README.md and the import command
 * coop-ontology.ttl  .rdf  .jsonld            the ontology graph alone
 * SHA256SUMS
 * </pre>
 *
 * <p><b>Compression.</b> A file larger than {@value #GZIP_THRESHOLD} bytes (1 MiB) is shipped gzipped
 * instead ({@code coop-kg.nq.gz}): below that, compression saves little download time and a plain file can
 * be read in a browser or diffed directly. The Neo4j CSV files are never compressed, so that the command in
 * their README works as written.
 *
 * <p><b>Reproducible.</b> The same data gives the same bytes: every exporter is deterministic, and gzip
 * streams are written by {@link GZIPOutputStream}, whose header has modification time 0, no file name and
 * no flags (checked by the tests), at the default compression level. The bytes of a compressed file could
 * only differ between Java runtimes whose bundled zlib compresses differently.
 *
 * <p>The VoID/DCAT description ({@code coop-kg-void.ttl}) is the one the server publishes at
 * {@code /.well-known/void}, computed from the same data.
 */
public final class ReleaseWriter {
    public static final long GZIP_THRESHOLD = 1L << 20;
    public static final String CHECKSUMS = "SHA256SUMS";
    public static final String NAME = "coop-kg";
    public static final String ONTOLOGY_NAME = "coop-ontology";
    public static final String NEO4J_FOLDER = NAME + "-neo4j";
    public static final String VOID_NAME = NAME + "-void";

    /** One file of the release, as listed in {@code SHA256SUMS}. */
    public record ReleaseFile(String path, long bytes, String sha256, boolean gzipped) {}

    private final LoadedGraph graph;
    private final long gzipThreshold;

    public ReleaseWriter(LoadedGraph graph) {
        this(graph, GZIP_THRESHOLD);
    }

    /** With another threshold, for tests. */
    ReleaseWriter(LoadedGraph graph, long gzipThreshold) {
        this.graph = graph;
        this.gzipThreshold = gzipThreshold;
    }

    /**
     * Writes the release into {@code folder} (created if needed). Files of an earlier release in the folder
     * are replaced; other files are left alone and are not listed in {@code SHA256SUMS}.
     */
    public List<ReleaseFile> write(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<ReleaseFile> files = new ArrayList<>();
        RdfExporter rdf = new RdfExporter(graph.dataset());
        for (Format format : List.of(Format.TURTLE, Format.NTRIPLES, Format.RDFXML,
                Format.NQUADS, Format.TRIG, Format.JSONLD)) {
            files.add(writeFile(folder, NAME + "." + format.extension(),
                    out -> rdf.write(format, GraphSelection.ALL, out)));
        }
        PropertyGraph property = new PropertyGraphBuilder(graph.dataset(), graph.names()).build();
        files.add(writeFile(folder, NAME + "." + Format.GRAPHML.extension(),
                out -> new GraphMlExporter().write(property, out)));

        Path neo4j = folder.resolve(NEO4J_FOLDER);
        if (Files.isDirectory(neo4j)) {
            try (var old = Files.list(neo4j)) {
                for (Path p : old.filter(ReleaseWriter::isNeo4jFile).toList()) Files.delete(p);
            }
        }
        for (String name : new Neo4jExporter().write(property, neo4j)) {
            files.add(describe(folder, NEO4J_FOLDER + "/" + name, false));
        }

        RdfExporter ontology = new RdfExporter(ontologyDataset());
        for (Format format : List.of(Format.TURTLE, Format.RDFXML, Format.JSONLD)) {
            files.add(writeFile(folder, ONTOLOGY_NAME + "." + format.extension(),
                    out -> ontology.write(format, GraphSelection.DEFAULT, out)));
        }

        DatasetGraph description = DatasetGraphFactory.create(
                new DatasetDescription(graph.dataset(), graph.names()).graph());
        DatasetDescription.prefixes().getNsPrefixMap().forEach(description.prefixes()::add);
        files.add(writeFile(folder, VOID_NAME + "." + Format.TURTLE.extension(),
                out -> new RdfExporter(description).write(Format.TURTLE, GraphSelection.DEFAULT, out)));

        files.sort(Comparator.comparing(ReleaseFile::path));
        StringBuilder sums = new StringBuilder();
        files.forEach(f -> sums.append(f.sha256()).append("  ").append(f.path()).append('\n'));
        Files.writeString(folder.resolve(CHECKSUMS), sums, StandardCharsets.UTF_8);
        return files;
    }

    /** The ontology graph alone, as the default graph, with the ontology's prefixes (not {@code id:}). */
    private DatasetGraph ontologyDataset() {
        Node name = NodeFactory.createURI(graph.names().ontologyGraph());
        Graph copy = GraphFactory.createDefaultGraph();
        graph.dataset().getGraph(name).find().forEachRemaining(copy::add);
        DatasetGraph ontology = DatasetGraphFactory.create(copy);
        graph.dataset().prefixes().getMapping().forEach((prefix, iri) -> {
            if (!iri.startsWith(graph.names().base())) ontology.prefixes().add(prefix, iri);
        });
        return ontology;
    }

    @FunctionalInterface
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code name}, then replaces it by {@code name.gz} if it is larger than the threshold. */
    private ReleaseFile writeFile(Path folder, String name, Content content) throws IOException {
        Path plain = folder.resolve(name);
        Path gz = folder.resolve(name + ".gz");
        Files.deleteIfExists(gz);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(plain))) {
            content.writeTo(out);
        }
        if (Files.size(plain) <= gzipThreshold) return describe(folder, name, false);
        try (InputStream in = Files.newInputStream(plain);
             OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(gz)), 1 << 16)) {
            in.transferTo(out);
        }
        Files.delete(plain);
        return describe(folder, name + ".gz", true);
    }

    private static ReleaseFile describe(Path folder, String path, boolean gzipped) throws IOException {
        Path file = folder.resolve(path);
        return new ReleaseFile(path, Files.size(file), sha256(file), gzipped);
    }

    private static boolean isNeo4jFile(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".csv") || name.equals(Neo4jExporter.README);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), Sha256.digest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }
}

package org.coopkg.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.coopkg.core.DataException;
import org.coopkg.load.Cell;
import org.coopkg.load.CsvReader;
import org.coopkg.load.CsvRow;
import org.coopkg.load.CsvTable;
import org.coopkg.load.CuratedFiles;
import org.coopkg.load.CuratedSchema;

/**
 * Synthetic curated data for scale tests: the bundled data set, followed in every file by {@code scale} units of
 * generated rows. Every generated row cites the one source row {@value #SOURCE_ID}, whose title and
 * note say that it is synthetic, so a query can always tell generated rows from curated facts.
 *
 * <p>The shapes follow the bundled data: per unit of scale about 220 rows and 4,300 named-graph quads (the
 * bundled data has 331 rows and 5,946 quads, 64 of its rows being external links, which are never generated) —
 * cities in provinces in countries, institutions, people with posts, facilities, programmes, agreements with 2–5
 * parties, joint laboratories, events, headline figures and relations. Partners are drawn with a power law, so a
 * few countries and institutions (the bundled ones first, China heaviest) take most of the cooperation, as in the
 * real network.
 * The same scale and seed give byte-identical files.
 */
public final class SyntheticData {
    public static final String SOURCE_ID = "synthetic-data";
    /** The synthetic source states what its rows say: they are its only content. */
    static final String SUPPORT = "stated";

    private final int scale;
    private final long seed;

    public SyntheticData(int scale, long seed) {
        if (scale < 1) throw new IllegalArgumentException("--scale " + scale + " must be 1 or more");
        this.scale = scale;
        this.seed = seed;
    }

    /** What {@link #writeTo} wrote. */
    public record Summary(int bundledRows, long syntheticRows, List<Path> files) {}

    /**
     * Writes every curated file into {@code dir} (created if needed): the bundled rows, then the generated ones.
     * Refuses a folder that already holds curated CSV files, so that generated rows are never mixed into data
     * a curator keeps.
     */
    public Summary writeTo(Path dir) throws IOException, DataException {
        for (String name : CuratedSchema.fileNames()) {
            if (Files.exists(dir.resolve(name))) {
                throw new IOException(dir.resolve(name) + " already exists; synth writes only into an empty "
                        + "folder (or one without curated CSV files), so choose a new --out folder");
            }
        }
        Map<String, CsvTable> bundled = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> file : CuratedFiles.bundled().readAll().entrySet()) {
            bundled.put(file.getKey(), CsvReader.read(file.getKey(), file.getValue()));
        }
        // A new generator each call, drawing afresh from the seed, so that every call writes the same files.
        CsvLines generated = new SyntheticRows(scale, seed, bundled).generate();

        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        int bundledRows = 0;
        long syntheticRows = 0;
        for (Map.Entry<String, CsvTable> table : bundled.entrySet()) {
            Path file = dir.resolve(table.getKey());
            List<String> header = table.getValue().header().stream().map(Cell::value).toList();
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                writeLine(out, CsvLines.line(header));
                for (CsvRow row : table.getValue().rows()) {
                    writeLine(out, CsvLines.line(header.stream().map(row::value).toList()));
                }
                for (String line : generated.of(table.getKey())) writeLine(out, line);
            }
            bundledRows += table.getValue().rows().size();
            syntheticRows += generated.of(table.getKey()).size();
            written.add(file);
        }
        return new Summary(bundledRows, syntheticRows, written);
    }

    private static void writeLine(BufferedWriter out, String line) throws IOException {
        out.write(line);
        out.write('\n');
    }
}

package org.coopkg.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.coopkg.core.DataError;
import org.coopkg.core.DataException;

/** Where curated CSV files come from: a folder a curator edits, or the data set bundled in the jar. */
public interface CuratedFiles {

    /** For messages: where the files are. */
    String location();

    /** File name → content of every CSV file present. */
    Map<String, byte[]> readAll() throws DataException;

    static CuratedFiles bundled() {
        return new CuratedFiles() {
            @Override
            public String location() {
                return "the bundled data set";
            }

            @Override
            public Map<String, byte[]> readAll() {
                Map<String, byte[]> files = new LinkedHashMap<>();
                for (String name : CuratedSchema.fileNames()) {
                    try (InputStream in = CuratedFiles.class.getResourceAsStream("/data/" + name)) {
                        if (in != null) files.put(name, in.readAllBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the bundled data file " + name, e);
                    }
                }
                return files;
            }
        };
    }

    static CuratedFiles directory(Path dir) {
        return new CuratedFiles() {
            @Override
            public String location() {
                return dir.toString();
            }

            @Override
            public Map<String, byte[]> readAll() throws DataException {
                if (!Files.isDirectory(dir)) {
                    throw new DataException(DataError.ofFile(dir.toString(), "data.folder",
                            "there is no folder " + dir.toAbsolutePath() + "; --data must name a folder of curated "
                                    + "CSV files (see data/SCHEMA.md)"));
                }
                List<Path> csvs = new ArrayList<>();
                try (Stream<Path> list = Files.list(dir)) {
                    list.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().forEach(csvs::add);
                } catch (IOException e) {
                    throw new DataException(DataError.ofFile(dir.toString(), "data.folder",
                            "cannot list the folder: " + e.getMessage()));
                }
                Map<String, byte[]> files = new LinkedHashMap<>();
                List<DataError> errors = new ArrayList<>();
                for (Path csv : csvs) {
                    String name = csv.getFileName().toString();
                    if (!CuratedSchema.fileNames().contains(name)) {
                        errors.add(DataError.ofFile(name, "data.unknown-file", "'" + name + "' is not a curated "
                                + "data file; rename it to one of " + String.join(", ", CuratedSchema.fileNames())
                                + " or move it out of " + dir));
                        continue;
                    }
                    try {
                        files.put(name, Files.readAllBytes(csv));
                    } catch (IOException e) {
                        errors.add(DataError.ofFile(name, "data.unreadable", "cannot read the file: " + e.getMessage()));
                    }
                }
                if (!errors.isEmpty()) throw new DataException(errors);
                return files;
            }
        };
    }
}

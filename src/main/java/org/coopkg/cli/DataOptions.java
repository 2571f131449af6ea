package org.coopkg.cli;

import java.nio.file.Path;

import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which curated data to load ({@code --data}), and under which base IRI: shared by every command that loads. */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder of curated CSV files (default: the data set bundled in the jar).")
    Path data;

    @Mixin
    BaseOption base;

    public String base() {
        return base.base();
    }

    public CuratedFiles files() {
        return files(data);
    }

    public CoopLoader loader() {
        return new CoopLoader(files(), base());
    }

    /** The curated files of a folder, or the bundled ones for null. */
    static CuratedFiles files(Path folder) {
        return folder == null ? CuratedFiles.bundled() : CuratedFiles.directory(folder);
    }
}

package org.coopkg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The folders coop-kg writes whole: databases, full-text indexes, work areas. */
public final class Folders {
    private Folders() {}

    /** Deletes {@code dir} and everything in it; does nothing when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            // Deepest first, so that every folder is empty when its turn comes.
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}

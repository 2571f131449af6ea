package org.coopkg.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The gallery of example queries, {@code NN-short-name.rq} files whose header comment starts with
 * {@code # Title: …} and {@code # Question: …}. Bundled in the jar under {@code /queries/}.
 */
public final class Gallery {
    private static final Pattern FILE_NAME = Pattern.compile("\\d{2}-[a-z0-9-]+\\.rq");
    private static final Pattern TITLE = Pattern.compile("(?m)^#\\s*Title:\\s*(.+)$");
    private static final Pattern QUESTION = Pattern.compile("(?m)^#\\s*Question:\\s*(.+)$");

    private Gallery() {}

    /** The queries bundled with coop-kg, in file-name order: read once, on first use. */
    public static List<GalleryQuery> bundled() {
        return Bundled.QUERIES;
    }

    /**
     * The bundled gallery, read when this holder class is first used: the JVM runs that once, however many
     * threads ask at the same time, and the queries cannot change while it runs.
     */
    private static final class Bundled {
        static final List<GalleryQuery> QUERIES = fromResource(Gallery.class.getResource("/queries/"));
    }

    /**
     * The gallery queries of a classpath folder ({@code file:} or {@code jar:} URL; null is none). A jar is
     * opened as a file system for the reading only, and closed again.
     */
    static List<GalleryQuery> fromResource(URL root) {
        if (root == null) return List.of();
        try {
            URI uri = root.toURI();
            if (!"jar".equals(uri.getScheme())) return fromDirectory(Path.of(uri));
            String folder = uri.getSchemeSpecificPart().substring(uri.getSchemeSpecificPart().indexOf("!/") + 1);
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return fromDirectory(jar.getPath(folder));
            } catch (FileSystemAlreadyExistsException e) {
                // Someone else opened the jar as a file system; it is theirs to close.
                return fromDirectory(FileSystems.getFileSystem(uri).getPath(folder));
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the query gallery at " + root + ": " + e.getMessage(), e);
        }
    }

    /** The gallery queries of a folder, in file-name order; other files are ignored. */
    public static List<GalleryQuery> fromDirectory(Path dir) {
        List<GalleryQuery> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (FILE_NAME.matcher(name).matches()) queries.add(read(name, Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the query gallery in " + dir, e);
        }
        return List.copyOf(queries);
    }

    static GalleryQuery read(String file, String text) {
        return new GalleryQuery(file, header(TITLE, text, file), header(QUESTION, text, ""), text);
    }

    private static String header(Pattern pattern, String text, String fallback) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1).strip() : fallback;
    }
}

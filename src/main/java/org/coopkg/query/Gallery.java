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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;

/**
 * The gallery of example queries, {@code NN-short-name.rq} files whose header comment starts with
 * {@code # Title: …} and {@code # Question: …}, and may say {@code # View: network} (the view it is meant for)
 * and {@code # Parameter: ?name type  description} (a variable with a {@code VALUES} block a caller may
 * replace). Bundled in the jar under {@code /queries/}.
 */
public final class Gallery {
    private static final Pattern FILE_NAME = Pattern.compile("\\d{2}-[a-z0-9-]+\\.rq");
    private static final Pattern TITLE = Pattern.compile("(?m)^#\\s*Title:\\s*(.+)$");
    private static final Pattern QUESTION = Pattern.compile("(?m)^#\\s*Question:\\s*(.+)$");
    private static final Pattern VIEW = Pattern.compile("(?m)^#\\s*View:\\s*(\\S+)\\s*$");
    /** {@code # Parameter: ?name type  description}. */
    private static final Pattern PARAMETER = Pattern.compile("(?m)^#\\s*Parameter:\\s*\\?(\\w+)\\s+(\\S+)\\s+(.+)$");
    /** A line of the {@code # Columns:} block: {@code #   ?a, ?b   description}, continued by deeper-indented lines. */
    private static final Pattern COLUMN_LINE = Pattern.compile("^#\\s{2,}(\\?\\w+(?:\\s*,\\s*\\?\\w+)*)\\s+(.+)$");

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
        String view = header(VIEW, text, "table");
        if (!GalleryQuery.VIEWS.contains(view)) {
            throw new IllegalStateException(file + ": unknown view '" + view + "' in '# View:' (one of " + GalleryQuery.VIEWS + ")");
        }
        Query query = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        List<QueryParameter> parameters = new ArrayList<>();
        Matcher m = PARAMETER.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (!QueryParameter.isType(m.group(2))) {
                throw new IllegalStateException(file + ": parameter ?" + name + " has an unknown type '" + m.group(2) + "'");
            }
            List<Node> defaults = ValuesBinding.defaults(query, name);
            if (defaults.isEmpty()) throw new IllegalStateException(file + ": parameter ?" + name + " has no VALUES block");
            parameters.add(new QueryParameter(name, m.group(2), m.group(3).strip(),
                    defaults.stream().map(Gallery::lexical).toList()));
        }
        return new GalleryQuery(file, header(TITLE, text, file), header(QUESTION, text, ""), view, parameters,
                columns(query, text), text);
    }

    /** The value of a default as a caller would give it: an IRI as itself, a literal as its text. */
    private static String lexical(Node n) {
        return n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }

    /** The projected variables, in order, each with what the {@code # Columns:} block says of it. */
    private static List<GalleryQuery.Column> columns(Query query, String text) {
        Map<String, StringBuilder> described = new LinkedHashMap<>();
        boolean inBlock = false;
        List<StringBuilder> current = List.of();
        for (String line : text.lines().toList()) {
            if (line.matches("^#\\s*Columns:.*")) {
                inBlock = true;
                continue;
            }
            if (!inBlock) continue;
            Matcher c = COLUMN_LINE.matcher(line);
            if (c.matches()) {
                List<StringBuilder> words = new ArrayList<>();
                for (String v : c.group(1).split(",")) {
                    StringBuilder b = new StringBuilder(c.group(2).strip());
                    described.put(v.strip().substring(1), b);
                    words.add(b);
                }
                current = words;
            } else if (line.matches("^#\\s{4,}\\S.*") && !current.isEmpty()) {
                String more = line.substring(1).strip();
                current.forEach(b -> b.append(' ').append(more));
            } else {
                break;
            }
        }
        if (!query.isSelectType()) return List.of();
        return query.getResultVars().stream()
                .map(v -> new GalleryQuery.Column(v, described.getOrDefault(v, new StringBuilder()).toString()))
                .toList();
    }

    private static String header(Pattern pattern, String text, String fallback) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1).strip() : fallback;
    }
}

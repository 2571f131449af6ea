package org.coopkg.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Assumptions;

/**
 * The W3C Entity Reconciliation Community Group's JSON Schemas for the Reconciliation Service API 0.2, read from
 * {@code coopkg.specs.dir} (default {@code ../shared/specs/reconciliation-api-0.2}), and one validator over them
 * (networknt json-schema-validator, draft 7). The schemas reference each other ({@code type.json}, and the manifest
 * the Swagger 2.0 schema for {@code authentication}) by their {@code $id}s, which are mapped to the local files, so
 * nothing is fetched from the network. Where the folder is absent a test that needs it is skipped with that reason,
 * unless {@code coopkg.specs.required=true} (as in CI), where absence is a failure.
 */
public final class ReconciliationSchemas {
    private static final Pattern ID = Pattern.compile("\"\\$id\"\\s*:\\s*\"([^\"#]+)#?\"");
    /** Their {@code $schema} names the meta-schema by the generic IRI of 2019, which meant draft 7 then. */
    private static final Pattern META_SCHEMA = Pattern.compile("\"\\$schema\"\\s*:\\s*\"http://json-schema.org/schema#\"\\s*,");

    private final Path dir;
    private final SchemaRegistry registry;
    private final Map<String, Schema> byFile = new HashMap<>();

    private ReconciliationSchemas(Path dir) {
        this.dir = dir;
        Map<String, String> byId = new HashMap<>();
        for (Path file : list(dir.resolve("schemas"))) {
            String text = read(file);
            Matcher id = ID.matcher(text);
            if (id.find()) byId.put(id.group(1), META_SCHEMA.matcher(text).replaceFirst(""));
        }
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, builder -> builder.schemas(byId));
        for (Path file : list(dir.resolve("schemas"))) {
            Matcher id = ID.matcher(read(file));
            if (id.find()) byFile.put(file.getFileName().toString(), registry.getSchema(SchemaLocation.of(id.group(1))));
        }
    }

    /** The schemas, or the test is skipped (failed where they are required) when the folder is absent. */
    public static ReconciliationSchemas load() {
        Path dir = Path.of(System.getProperty("coopkg.specs.dir", "../shared/specs/reconciliation-api-0.2"));
        if (!Files.isDirectory(dir.resolve("schemas"))) {
            if (Boolean.getBoolean("coopkg.specs.required")) {
                fail("the Reconciliation API 0.2 schemas are required (coopkg.specs.required=true) but "
                        + dir.toAbsolutePath() + "/schemas does not exist; set -Dcoopkg.specs.dir=DIR");
            }
            Assumptions.abort("Reconciliation API 0.2 schemas not found at " + dir.toAbsolutePath()
                    + "; set -Dcoopkg.specs.dir=DIR to validate against them");
        }
        return new ReconciliationSchemas(dir);
    }

    /** The group's example documents: {@code examples/}. */
    public Path examples() {
        return dir.resolve("examples");
    }

    /** Whether a schema of this file name ({@code manifest.json}) is there. */
    public boolean has(String schemaFile) {
        return byFile.containsKey(schemaFile);
    }

    /** The problems of {@code json} against the schema in {@code schemaFile} ({@code manifest.json}); empty when valid. */
    public List<String> problems(String schemaFile, String json) {
        Schema schema = byFile.get(schemaFile);
        if (schema == null) throw new IllegalArgumentException("no schema " + schemaFile + " in " + dir);
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    /** Asserts that {@code json} is valid against {@code schemaFile}, listing the problems if not. */
    public void assertValid(String schemaFile, String json) {
        List<String> problems = problems(schemaFile, json);
        if (!problems.isEmpty()) fail("not valid against " + schemaFile + ": " + problems + "\n" + json);
    }

    static List<Path> list(Path folder) {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

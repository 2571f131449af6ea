package org.coopkg.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.coopkg.testing.ReconciliationSchemas;
import org.junit.jupiter.api.Test;

/**
 * The validator that checks coop-kg's reconciliation answers is proven on the group's own examples: every document
 * in an {@code examples/KIND/valid/} folder passes the schema {@code KIND.json}, and every one in
 * {@code examples/KIND/invalid/} fails it. Example kinds without a schema of their own (previews, flyouts, the
 * metadata fragments of a manifest) are listed and left out.
 */
class ReconciliationSchemasTest {
    @Test
    void everyValidExamplePassesAndEveryInvalidOneFails() throws IOException {
        ReconciliationSchemas schemas = ReconciliationSchemas.load();
        List<String> wrong = new ArrayList<>();
        int valid = 0;
        int invalid = 0;
        try (Stream<Path> kinds = Files.list(schemas.examples())) {
            for (Path kind : kinds.sorted().toList()) {
                String schema = kind.getFileName() + ".json";
                if (!schemas.has(schema)) continue;
                for (Path example : jsonFiles(kind.resolve("valid"))) {
                    valid++;
                    List<String> problems = schemas.problems(schema, Files.readString(example));
                    if (!problems.isEmpty()) wrong.add("valid example rejected: " + example + " " + problems);
                }
                for (Path example : jsonFiles(kind.resolve("invalid"))) {
                    invalid++;
                    if (schemas.problems(schema, Files.readString(example)).isEmpty()) {
                        wrong.add("invalid example accepted: " + example);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        // The 0.2 folder (commit 8d66bdb): 28 valid and 16 invalid documents have a schema of their kind.
        assertEquals(28, valid, "valid examples checked");
        assertEquals(16, invalid, "invalid examples checked");
    }

    @Test
    void theValidatorRejectsWhatTheSchemasForbid() {
        ReconciliationSchemas schemas = ReconciliationSchemas.load();
        String candidate = "{\"q0\":{\"result\":[{\"id\":\"organisation/x\",\"name\":\"X\",\"score\":%s,\"match\":%s}]}}";
        assertTrue(schemas.problems("reconciliation-result-batch.json", candidate.formatted("97", "true")).isEmpty());
        assertFalse(schemas.problems("reconciliation-result-batch.json", candidate.formatted("\"97\"", "true")).isEmpty(),
                "a score given as a string");
        assertFalse(schemas.problems("reconciliation-result-batch.json", candidate.formatted("97", "\"yes\"")).isEmpty(),
                "a match flag that is not a boolean");
        assertFalse(schemas.problems("manifest.json", "{\"versions\":[\"0.2\"],\"name\":\"x\",\"identifierSpace\":\"http://a/\","
                + "\"schemaSpace\":\"http://b/\",\"defaultTypes\":[{\"id\":\"T\"}]}").isEmpty(), "a type without a name");
    }

    private static List<Path> jsonFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }
}

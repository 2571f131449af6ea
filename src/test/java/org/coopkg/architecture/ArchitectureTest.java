package org.coopkg.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape ARCHITECTURE.md describes, checked over the compiled main classes (every reference, not just import
 * lines): packages depend one way, core ← load ← derive ← store / export ← reconcile ← web ← cli, with query (core
 * only) and synth (core and load) beside them; no package cycle; no class over 350 lines; the IRI scheme and routes spelled
 * only in core.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/coopkg");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.coopkg");
    }

    @Test
    void layersDependOneWay() {
        EvaluationResult result = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("core").definedBy("org.coopkg.core..")
                .layer("load").definedBy("org.coopkg.load..")
                .layer("derive").definedBy("org.coopkg.derive..")
                .layer("store").definedBy("org.coopkg.store..")
                .layer("export").definedBy("org.coopkg.export..")
                .layer("query").definedBy("org.coopkg.query..")
                .layer("synth").definedBy("org.coopkg.synth..")
                .layer("reconcile").definedBy("org.coopkg.reconcile..")
                .layer("web").definedBy("org.coopkg.web..")
                .layer("cli").definedBy("org.coopkg.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("web").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("reconcile").mayOnlyBeAccessedByLayers("web", "cli")
                .whereLayer("store").mayOnlyBeAccessedByLayers("reconcile", "web", "cli")
                .whereLayer("export").mayOnlyBeAccessedByLayers("web", "cli")
                .whereLayer("query").mayOnlyBeAccessedByLayers("web", "cli")
                .whereLayer("synth").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("derive").mayOnlyBeAccessedByLayers("store", "export", "reconcile", "web", "cli")
                .whereLayer("load").mayOnlyBeAccessedByLayers("derive", "store", "export", "reconcile", "synth", "web", "cli")
                .evaluate(classes);
        assertTrue(result.getFailureReport().isEmpty(), () -> String.join("\n", result.getFailureReport().getDetails()));
    }

    @Test
    void noPackageCycles() {
        EvaluationResult result = slices().matching("org.coopkg.(*)..").should().beFreeOfCycles().evaluate(classes);
        assertTrue(result.getFailureReport().isEmpty(), () -> String.join("\n", result.getFailureReport().getDetails()));
    }

    @Test
    void theRulesSeeEveryPackage() {
        // A package missing from the layers would escape every rule.
        List<String> packages = classes.stream().map(c -> c.getPackageName().split("\\.")[2]).distinct().sorted().toList();
        assertEquals(List.of("cli", "core", "derive", "export", "load", "query", "reconcile", "store", "synth", "web"), packages);
    }

    @Test
    void noClassIsOver350Lines() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<String> big = files.filter(p -> p.toString().endsWith(".java")).filter(p -> lines(p) > 350)
                    .map(p -> p + " " + lines(p)).toList();
            assertEquals(List.of(), big, "classes of more than one job");
        }
    }

    @Test
    void iriSchemeAndRoutesAreSpelledOnlyInCore() throws IOException {
        Pattern route = Pattern.compile("\"/?(id|graph|coop|\\.well-known|ontology|reconcile)/[^\"]*\"|\"/(coop|ontology|reconcile|\\.well-known/void)\"");
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<String> spelled = files.filter(p -> p.toString().endsWith(".java") && !p.startsWith(MAIN.resolve("core")))
                    .filter(p -> route.matcher(read(p)).find()).map(Path::toString).toList();
            assertEquals(List.of(), spelled, "IRI patterns or routes outside core/CoopIris");
        }
    }

    private static long lines(Path file) {
        return read(file).chars().filter(c -> c == '\n').count();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

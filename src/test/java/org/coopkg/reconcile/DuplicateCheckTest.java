package org.coopkg.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.coopkg.synth.SyntheticData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The duplicate check finds what comparing every row with every entity finds: the same duplicates, with the same
 * scores, on synthetic data (whose names share words, as at scale) with planted near-duplicates of bundled names: a
 * typo, two typos, a short form, a name split in two, an acronym as the whole label, and a second candidate close
 * enough behind the first to stop its match.
 */
class DuplicateCheckTest {
    @TempDir
    static Path dir;

    private static Reconciler reconciler;

    @BeforeAll
    static void load() throws Exception {
        Path data = dir.resolve("data");
        new SyntheticData(4, 11).writeTo(data);
        Path organisations = data.resolve("organisations.csv");
        StringBuilder text = new StringBuilder(Files.readString(organisations, StandardCharsets.UTF_8));
        for (String[] row : List.of(
                new String[] {"tsinghua-univeristy", "Tsinghua Univeristy"},
                new String[] {"stellenbsoch-univeristy", "Stellenbsoch Univeristy"},
                new String[] {"chinese-acad-sciences", "Chinese Acad. Sciences"},
                new String[] {"tsing-hua-university", "Tsing Hua University"},
                new String[] {"cas-again", "CAS"},
                new String[] {"stellenbosch-univ", "Stellenbosch Univ. School"})) {
            text.append(row[0]).append(",University,").append(row[1]).append(",,,,,,article-000-lead,\"a joint team led by "
                    + "Tsinghua University and scientists from Italy, Australia and Germany\",stated,\n");
        }
        Files.writeString(organisations, text, StandardCharsets.UTF_8);
        var graph = new CoopLoader(CuratedFiles.directory(data), CoopIris.DEFAULT_BASE).load();
        reconciler = Reconciler.of(graph.unionView(), graph.names());
    }

    @Test
    void theCheckFindsWhatComparingWithEveryEntityFinds() {
        List<String> found = describe(DuplicateCheck.find(reconciler));
        List<String> everyEntity = describe(DuplicateCheck.find(reconciler, row -> reconciler.catalogue().entries()));
        assertEquals(everyEntity, found);
        assertTrue(found.size() >= 5, "the comparison is not vacuous: " + found);
        for (String planted : List.of("organisation/tsinghua-univeristy", "organisation/chinese-acad-sciences",
                "organisation/tsing-hua-university")) {
            assertTrue(found.stream().anyMatch(d -> d.startsWith(planted + " ")), planted + " in " + found);
        }
        // Stellenbosch University (90) would match, but Stellenbosch Univ. School (84) is too close behind it.
        assertTrue(found.stream().noneMatch(d -> d.startsWith("organisation/stellenbsoch-univeristy ")), found::toString);
    }

    private static List<String> describe(List<DuplicateCheck.Duplicate> duplicates) {
        return duplicates.stream().map(d -> d.entry().id() + " ~ " + d.existing().id() + " " + d.score()).toList();
    }
}

package org.coopkg.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.coopkg.load.CuratedSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces of the generator that the synth command's tests do not reach directly. */
class SyntheticDataTest {
    @TempDir
    Path dir;

    @Test
    void oneGeneratorWritesTheSameFilesEachTime() throws Exception {
        SyntheticData data = new SyntheticData(1, 5);
        SyntheticData.Summary first = data.writeTo(dir.resolve("a"));
        SyntheticData.Summary second = data.writeTo(dir.resolve("b"));
        assertEquals(first.syntheticRows(), second.syntheticRows());
        for (String file : CuratedSchema.fileNames()) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)),
                    Files.readAllBytes(dir.resolve("b").resolve(file)), file);
        }
    }

    @Test
    void cellsAreQuotedOnlyWhenTheyMustBe() {
        assertEquals("plain,,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\"",
                CsvLines.line(List.of("plain", "", "a, b", "say \"hi\"", "two\nlines")));
    }

    @Test
    void linesAreKeptByFileInTheOrderAdded() {
        CsvLines lines = new CsvLines();
        lines.add("places.csv", "a", "b");
        lines.add("places.csv", "c");
        assertEquals(List.of("a,b", "c"), lines.of("places.csv"));
        assertEquals(List.of(), lines.of("labs.csv"));
    }
}

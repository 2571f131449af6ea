package org.coopkg.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {
    @TempDir
    Path dir;

    @Test
    void deleteTreeRemovesNestedFoldersAndLeavesTheirNeighbours() throws Exception {
        Path tree = dir.resolve("index");
        Files.createDirectories(tree.resolve("a/b"));
        Files.writeString(tree.resolve("a/b/segment"), "x");
        Files.writeString(tree.resolve("top"), "y");
        Path neighbour = Files.writeString(dir.resolve("index.keep"), "z");
        Folders.deleteTree(tree);
        assertFalse(Files.exists(tree));
        assertTrue(Files.exists(neighbour));
    }

    @Test
    void deleteTreeOfAMissingFolderDoesNothing() throws Exception {
        Folders.deleteTree(dir.resolve("absent"));
        assertTrue(Files.isDirectory(dir));
    }
}

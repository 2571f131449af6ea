package org.coopkg.web;

import java.nio.file.Path;

import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.coopkg.store.Tdb2Load;
import org.coopkg.store.TdbStore;

/**
 * The same updates on a TDB2 database, as {@code serve --tdb2 DIR --update} opens it: the queries of a write
 * transaction (an update's WHERE) must see the data as the write has changed it so far, not only the stored quads.
 */
class UpdateSemanticsOnTdb2Test extends UpdateSemanticsTest {
    @Override
    DatasetGraph storedData(Path dir) throws Exception {
        // As 'coopkg load --tdb2' writes it: bulk load, join statistics, full-text index.
        Path tdb2 = dir.resolve("tdb2");
        new Tdb2Load(tdb2, null).write(new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load());
        return TdbStore.openForServing(tdb2, true).dataset();
    }
}

package org.coopkg.query.exec;

import java.util.List;
import org.apache.jena.mem2.GraphMem2Roaring;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.coopkg.derive.UnionIndexedDataset;

/**
 * The three kinds of dataset coop-kg's engine runs on, holding the same data and with the engine installed: a TDB2
 * database, the transactional in-memory dataset, and the read-only one a server loads, whose default graph holds the
 * named graphs' triples too, as the loader builds it.
 */
record EngineDatasets(DatasetGraph tdb2, DatasetGraph inMemory, DatasetGraph readOnly) {
    /** The datasets holding {@code data} (Turtle or TriG). */
    static EngineDatasets of(String data, Lang lang) {
        DatasetGraph inMemory = DatasetGraphFactory.createTxnMem();
        DatasetGraph tdb2 = DatabaseMgr.createDatasetGraph();
        // In memory, installing the engine also orders joins by the data's statistics, for ARQ's engine too: both sides
        // of a comparison run with that order, whose effect on answers the gallery test compares with plain ARQ.
        for (DatasetGraph d : List.of(inMemory, tdb2)) {
            Txn.executeWrite(d, () -> RDFParser.fromString(data, lang).parse(d));
            CoopQueryEngine.install(d);
        }
        GraphMem2Roaring union = new GraphMem2Roaring();
        DatasetGraph readOnly = new UnionIndexedDataset(union);
        Txn.executeRead(inMemory, () -> inMemory.find().forEachRemaining(quad -> {
            union.add(quad.asTriple());
            if (!quad.isDefaultGraph()) readOnly.add(quad);
        }));
        CoopQueryEngine.install(readOnly);
        return new EngineDatasets(tdb2, inMemory, readOnly);
    }
}

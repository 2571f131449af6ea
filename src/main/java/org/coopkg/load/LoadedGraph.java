package org.coopkg.load;

import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The result of a successful load: named graphs per curated row, the metadata, ontology and inferred
 * graphs, and a default graph that is their union (so plain queries see everything).
 */
public record LoadedGraph(DatasetGraph dataset, GraphNames names, int rows, long inferredTriples) {

    /** The quads of the named graphs: what an N-Quads dump holds (the default graph repeats them as their union). */
    public long namedGraphQuads() {
        return dataset.stream().filter(quad -> !quad.isDefaultGraph()).count();
    }
}

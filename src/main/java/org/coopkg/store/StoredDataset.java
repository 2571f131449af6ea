package org.coopkg.store;

import org.apache.jena.sparql.core.DatasetGraph;

/** Data served without reading the curated CSV (a TDB2 database, a release dump), and the base IRI it was made with. */
public record StoredDataset(DatasetGraph dataset, String base) {}

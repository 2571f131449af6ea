package org.coopkg.store;

import org.apache.jena.sparql.core.Quad;

/** One change an update made to a curated named graph: the quad was added ({@code added}) or deleted. */
public record QuadChange(boolean added, Quad quad) {}

package org.coopkg.derive;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.Shapes;

/**
 * What coop-kg computes from the curated statements, the same way at load time and after every update: the
 * inferences the ontology declares ({@link Materialiser}), the union of curated, ontology and inferred statements
 * that queries see, and the SHACL violations of that union ({@link ShaclCheck}).
 */
public final class Derivation {
    private final Graph ontology;
    private final Materialiser materialiser;
    private final ShaclCheck shapes;

    public Derivation(Graph ontology, Shapes shapes) {
        this.ontology = ontology;
        this.materialiser = new Materialiser(ontology);
        this.shapes = new ShaclCheck(shapes);
    }

    /** The inferred triples (also in the union), the union and its violations, with the time each step took. */
    public record Derived(List<Triple> inferred, Graph union, List<Violation> violations, long materialiseMillis,
                          long validateMillis) {}

    /**
     * Derives from {@code curated}, the statements of every curated named graph (the rows' graphs and the metadata
     * graph) as one graph, which becomes the union: the ontology and the inferences are added to it rather than to
     * a copy, since at scale the union is the largest structure of a load. Pass an indexed graph (GraphMem2Roaring)
     * for the lookups that materialising, validating and then queries make.
     */
    public Derived derive(Graph curated) {
        long start = System.nanoTime();
        List<Triple> inferred = materialiser.addEntailments(curated);
        ontology.find().forEachRemaining(curated::add);
        long materialised = System.nanoTime();
        List<Violation> violations = shapes.violations(curated);
        long validated = System.nanoTime();
        return new Derived(inferred, curated, violations, (materialised - start) / 1_000_000,
                (validated - materialised) / 1_000_000);
    }
}

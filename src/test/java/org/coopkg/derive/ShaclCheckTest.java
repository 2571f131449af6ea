package org.coopkg.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.coopkg.core.CoopIris;
import org.coopkg.core.Ontology;
import org.coopkg.load.CuratedFiles;
import org.junit.jupiter.api.Test;

class ShaclCheckTest {

    /** The bundled data's union with every seventh statement removed: violations of many shapes. */
    private static Graph damagedBundledData() throws Exception {
        var dataset = new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load().dataset();
        List<Triple> triples = Txn.calculateRead(dataset, () -> dataset.getDefaultGraph().find().toList());
        triples = triples.stream().sorted(Comparator.comparing(Triple::toString)).toList();
        Graph graph = GraphFactory.createDefaultGraph();
        for (int i = 0; i < triples.size(); i++) {
            if (i % 7 != 3) graph.add(triples.get(i));
        }
        return graph;
    }

    private static List<String> describe(Collection<ReportEntry> entries) {
        return entries.stream().map(e -> e.severity() + " " + e.focusNode() + " " + e.resultPath() + " " + e.value() + " "
                + e.sourceConstraintComponent() + " " + e.message()).sorted().toList();
    }

    @Test
    void parallelValidationReportsWhatJenaReports() throws Exception {
        Graph graph = damagedBundledData();
        Shapes shapes = Ontology.shapes();
        List<String> jena = describe(ShaclValidator.get().validate(shapes, graph).getEntries());
        List<String> ours = describe(new ShaclCheck(shapes).validate(graph));
        assertTrue(jena.size() > 20, "the damage violates shapes: " + jena.size());
        assertEquals(jena, ours);
    }
}

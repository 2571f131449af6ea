package org.coopkg.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.graph.Node;

/**
 * The numbered source references of one page. Numbers follow first use across all sections, so the sources
 * list at the end reads in the order the page cites them, and a row cited twice keeps its first number.
 */
final class Footnotes {
    private final KnowledgeGraphView view;
    private final Map<Node, Integer> numbers = new LinkedHashMap<>();

    Footnotes(KnowledgeGraphView view) {
        this.view = view;
    }

    /**
     * Writes the reference mark of the graph's row, marked "implied" where the row is the curator's reading of its
     * quote rather than what the quote says; graphs that are not curated rows (the metadata graph) have no source quote.
     */
    void ref(Html h, Node graph) {
        if (!view.isAssertion(graph)) return;
        int n = numbers.computeIfAbsent(graph, g -> numbers.size() + 1);
        if (view.isImplied(graph)) {
            h.open("sup", "class", "ref implied").link("#src-" + n, "[" + n + ", implied]", "title",
                    "implied: the curator's reading of the source, not its words; see the note beside the quote").close("sup");
        } else {
            h.open("sup", "class", "ref").link("#src-" + n, "[" + n + "]", "title", "source and evidence quote").close("sup");
        }
    }

    /** The cited assertions and their numbers, in order of first citation. */
    Map<Node, Integer> cited() {
        return Collections.unmodifiableMap(numbers);
    }
}

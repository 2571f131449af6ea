package org.coopkg.load;

import java.util.List;

import org.apache.jena.graph.Node;
import org.coopkg.core.CoopIris;
import org.coopkg.core.DataError;

/**
 * What the table mappers of one {@link CuratedDataMapper#map} call share: the IRIs, the ids of every entity file,
 * where statements go, and the problems found so far.
 */
record MappingContext(CoopIris names, ReferenceIndex index, AssertionGraphs graphs, QuadSink sink,
                      List<DataError> errors) {

    void report(DataError error) {
        errors.add(error);
    }

    /** How many problems have been found so far: a row whose mapping adds to them states nothing. */
    int problemCount() {
        return errors.size();
    }

    void emit(Node graph, Node subject, Node predicate, Node object) {
        sink.emit(graph, subject, predicate, object);
    }
}

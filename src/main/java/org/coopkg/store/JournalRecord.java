package org.coopkg.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;

/**
 * One accepted update as the journal keeps it: its number (from 1) and where it starts in the file, who made it
 * (the user, the request id of the server's log), when it was committed, and the quads it added and deleted.
 */
public record JournalRecord(int number, long offset, int line, String id, String user, Instant time, String requestId,
                            List<QuadChange> changes) {
    public JournalRecord {
        changes = List.copyOf(changes);
    }

    public long added() {
        return changes.stream().filter(QuadChange::added).count();
    }

    public long deleted() {
        return changes.size() - added();
    }

    /** The IRIs of the graphs the update changed, sorted. */
    public Set<String> graphs() {
        Set<String> graphs = new TreeSet<>();
        for (QuadChange change : changes) {
            Node g = change.quad().getGraph();
            graphs.add(g.isURI() ? g.getURI() : g.toString());
        }
        return graphs;
    }
}

package org.coopkg.store;

import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/**
 * What a journal changed, against the curated data it was replayed on: the net additions and deletions (a quad
 * added and deleted again is no change, nor is adding a quad the data already has), sorted by graph, as one RDF
 * Patch a curator can read row graph by row graph and carry back to the spreadsheets ({@code coopkg journal export}).
 */
public final class JournalExport {
    private final List<QuadChange> changes;
    private final Set<String> users = new TreeSet<>();
    private final Instant first;
    private final Instant last;
    private final int records;

    private JournalExport(List<QuadChange> changes, List<JournalRecord> records) {
        this.changes = changes;
        this.records = records.size();
        records.forEach(r -> {
            if (r.user() != null) users.add(r.user());
        });
        this.first = records.isEmpty() ? null : records.get(0).time();
        this.last = records.isEmpty() ? null : records.get(records.size() - 1).time();
    }

    /** The net changes of {@code records} to {@code curated}, whose graphs {@code computed} are not compared. */
    public static JournalExport of(List<JournalRecord> records, DatasetGraph curated, Set<Node> computed) {
        Map<Quad, Boolean> last = new LinkedHashMap<>();
        for (JournalRecord record : records) {
            for (QuadChange change : record.changes()) {
                if (!computed.contains(change.quad().getGraph())) last.put(change.quad(), change.added());
            }
        }
        List<QuadChange> net = new ArrayList<>();
        Txn.executeRead(curated, () -> last.forEach((quad, added) -> {
            // containsGraph first: asking an in-memory dataset about a graph it lacks may create that graph.
            boolean present = curated.containsGraph(quad.getGraph()) && curated.contains(quad);
            if (added != present) net.add(new QuadChange(added, quad));
        }));
        net.sort(Comparator.comparing((QuadChange c) -> c.quad().getGraph().toString())
                .thenComparing(c -> c.quad().getSubject().toString())
                .thenComparing(c -> c.quad().getPredicate().toString())
                .thenComparing(c -> c.quad().getObject().toString())
                .thenComparing(QuadChange::added));
        return new JournalExport(net, records);
    }

    public List<QuadChange> changes() {
        return changes;
    }

    /** Writes the changes as one RDF Patch, its header naming the journal's users and the time they span. */
    public void write(OutputStream out) {
        Map<String, Node> header = new LinkedHashMap<>();
        header.put("records", NodeFactory.createLiteralDT(Integer.toString(records), XSDDatatype.XSDinteger));
        if (!users.isEmpty()) header.put("users", NodeFactory.createLiteralString(String.join(", ", users)));
        if (first != null) header.put("from", NodeFactory.createLiteralDT(first.toString(), XSDDatatype.XSDdateTime));
        if (last != null) header.put("to", NodeFactory.createLiteralDT(last.toString(), XSDDatatype.XSDdateTime));
        PatchText.write(out, header, changes);
    }
}

package org.coopkg.store;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.text.RDFChangesWriterText;
import org.apache.jena.sparql.core.Quad;

/** Writes one RDF Patch in jena-rdfpatch's text format: header fields, then the changes in one transaction. */
final class PatchText {
    private PatchText() {}

    static void write(OutputStream out, Map<String, Node> header, List<QuadChange> changes) {
        RDFChangesWriterText writer = RDFPatchOps.textWriter(out);
        header.forEach(writer::header);
        writer.txnBegin();
        for (QuadChange change : changes) {
            Quad q = change.quad();
            if (change.added()) writer.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
            else writer.delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
        }
        writer.txnCommit();
        writer.finish();
    }
}

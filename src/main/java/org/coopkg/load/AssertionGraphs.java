package org.coopkg.load;

import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.coopkg.core.CoopIris;
import org.coopkg.core.DataError;
import org.coopkg.core.vocab.Coop;
import org.coopkg.core.vocab.Prov;

/**
 * Where a row's statements go: a row that cites a source gets its own assertion graph, described in the
 * metadata graph by that source, the evidence quote, how the quote supports the row (stated or implied, with the
 * curator's note) and the row's file and line, so that every fact can be traced to the sentence that states or
 * implies it. Also checks the row's provenance cells; that an implied row has a note is a rule of the shapes.
 */
final class AssertionGraphs {
    static final int MAX_EVIDENCE = 300;
    private static final String SOURCE_KIND = "source";
    /** The values of the {@code support} column and what they stand for. */
    private static final Map<String, Node> SUPPORT_LEVELS = Map.of(
            "stated", Coop.Stated.asNode(), "implied", Coop.Implied.asNode());

    private final CoopIris names;
    private final ReferenceIndex index;
    private final QuadSink sink;
    private final List<DataError> errors;
    private final Node metadata;

    AssertionGraphs(CoopIris names, ReferenceIndex index, QuadSink sink, List<DataError> errors) {
        this.names = names;
        this.index = index;
        this.sink = sink;
        this.errors = errors;
        this.metadata = NodeFactory.createURI(names.metadataGraph());
    }

    Node metadataGraph() {
        return metadata;
    }

    /** Checks the source and evidence cells of a row that cites a source, reporting each problem. */
    void check(CsvRow row, TableSpec.Provenance mode) {
        if (citesNoSource(row, mode)) return;
        Cell source = row.cell(TableSpec.SOURCE);
        Cell evidence = row.cell(TableSpec.EVIDENCE);
        if (source.isEmpty()) {
            errors.add(row.error(source, "provenance.source", "the source is empty; name the id of the row in "
                    + "sources.csv that states this fact"));
        } else if (!index.rows(SOURCE_KIND).containsKey(source.value())) {
            errors.add(row.error(source, "ref.unknown", index.unknownReference(source.value(), List.of(SOURCE_KIND))));
        }
        if (evidence.isEmpty()) {
            errors.add(row.error(evidence, "provenance.evidence", "the evidence is empty; copy the sentence "
                    + "of the source that states this fact (at most " + MAX_EVIDENCE + " characters)"));
        } else if (evidence.value().length() > MAX_EVIDENCE) {
            errors.add(row.error(evidence, "provenance.evidence-too-long", "the evidence quote has "
                    + evidence.value().length() + " characters; shorten it to the words that state the fact "
                    + "(at most " + MAX_EVIDENCE + ")"));
        }
        Cell support = row.cell(TableSpec.SUPPORT);
        if (!support.isEmpty() && !SUPPORT_LEVELS.containsKey(support.value())) {
            errors.add(row.error(support, "provenance.support", "'" + CsvReader.shorten(support.value())
                    + "' in column 'support' is not one of: stated (the quote says it), implied (your reading of "
                    + "the quote in its context, explained in curator_note)"));
        }
    }

    /**
     * The graph for a valid row's statements: its own assertion graph ({@code assertionIri}, from
     * {@link CoopIris#rowAssertion} or {@link CoopIris#assertion}), described in the metadata graph.
     */
    Node graphOf(CsvRow row, String assertionIri, Node subject, TableSpec.Provenance mode) {
        if (citesNoSource(row, mode)) return metadata;
        Node assertion = NodeFactory.createURI(assertionIri);
        describe(assertion, subject, NodeFactory.createURI(names.entity(SOURCE_KIND, row.value(TableSpec.SOURCE))),
                row.value(TableSpec.EVIDENCE), row);
        // An empty support cell writes nothing: the shapes then ask for it, at this row.
        Node support = SUPPORT_LEVELS.get(row.value(TableSpec.SUPPORT));
        if (support != null) sink.emit(metadata, assertion, Coop.support.asNode(), support);
        String note = row.value(TableSpec.CURATOR_NOTE);
        if (!note.isEmpty()) sink.emit(metadata, assertion, Coop.curatorNote.asNode(), NodeFactory.createLiteralString(note));
        return assertion;
    }

    /** States in the metadata graph what {@code assertion} is about, where it comes from and which row made it. */
    void describe(Node assertion, Node subject, Node source, String evidence, CsvRow row) {
        sink.emit(metadata, assertion, RDF.type.asNode(), Coop.Assertion.asNode());
        sink.emit(metadata, assertion, Coop.describes.asNode(), subject);
        sink.emit(metadata, assertion, Prov.wasDerivedFrom.asNode(), source);
        if (evidence != null) {
            sink.emit(metadata, assertion, Coop.evidence.asNode(), NodeFactory.createLiteralString(evidence));
        }
        sink.emit(metadata, assertion, Coop.sourceFile.asNode(), NodeFactory.createLiteralString(row.file()));
        sink.emit(metadata, assertion, Coop.sourceLine.asNode(),
                NodeFactory.createLiteralDT(String.valueOf(row.line()), XSDDatatype.XSDinteger));
    }

    /**
     * Whether the row cites no source: rows of sources.csv never do, rows of vocabulary tables may, and their
     * statements then go to the metadata graph.
     */
    private static boolean citesNoSource(CsvRow row, TableSpec.Provenance mode) {
        return mode == TableSpec.Provenance.NONE || mode == TableSpec.Provenance.OPTIONAL
                && row.value(TableSpec.SOURCE).isEmpty() && row.value(TableSpec.EVIDENCE).isEmpty();
    }
}

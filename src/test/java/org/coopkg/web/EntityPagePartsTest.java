package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.coopkg.core.CoopIris;
import org.coopkg.core.vocab.Coop;
import org.junit.jupiter.api.Test;

/** The footnote numbering all sections of a page share, and the words for a post's dates. */
class EntityPagePartsTest {
    private final CoopIris iris = new CoopIris("https://example.org/");
    private final DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
    private final KnowledgeGraphView view = new KnowledgeGraphView(dataset, iris);

    @Test
    void footnotesAreNumberedByFirstUseAndKeepTheirNumber() {
        Node a = NodeFactory.createURI(iris.assertion("a"));
        Node b = NodeFactory.createURI(iris.assertion("b"));
        Footnotes footnotes = new Footnotes(view);
        Html h = new Html();
        footnotes.ref(h, b);
        footnotes.ref(h, a);
        footnotes.ref(h, b);
        assertEquals(List.of(b, a), List.copyOf(footnotes.cited().keySet()));
        assertEquals(List.of(1, 2), List.copyOf(footnotes.cited().values()));
        assertEquals(mark(1) + mark(2) + mark(1), h.toString());
    }

    private static String mark(int n) {
        return "<sup class=\"ref\"><a href=\"#src-" + n + "\" title=\"source and evidence quote\">[" + n + "]</a></sup>";
    }

    @Test
    void anImpliedRowIsMarkedWhereverItIsCited() {
        Node stated = NodeFactory.createURI(iris.assertion("stated"));
        Node implied = NodeFactory.createURI(iris.assertion("implied"));
        dataset.add(view.metadataGraph(), stated, Coop.support.asNode(), Coop.Stated.asNode());
        dataset.add(view.metadataGraph(), implied, Coop.support.asNode(), Coop.Implied.asNode());
        Footnotes footnotes = new Footnotes(view);
        Html h = new Html();
        footnotes.ref(h, stated);
        footnotes.ref(h, implied);
        assertEquals(mark(1) + "<sup class=\"ref implied\"><a href=\"#src-2\" title=\"implied: the curator&#39;s reading "
                + "of the source, not its words; see the note beside the quote\">[2, implied]</a></sup>", h.toString());
    }

    @Test
    void graphsThatAreNotCuratedRowsGetNoFootnote() {
        Footnotes footnotes = new Footnotes(view);
        Html h = new Html();
        footnotes.ref(h, view.metadataGraph());
        assertTrue(footnotes.cited().isEmpty());
        assertEquals("", h.toString());
    }

    @Test
    void postDatesSayWhatIsKnown() {
        Node post = post("both", "2019-03-01", "2021");
        Node from = post("from", "2019-03-01", null);
        Node until = post("until", null, "2021");
        Node none = post("none", null, null);
        ValueRenderer values = new ValueRenderer(view, new TermLabels(GraphMemFactory.createDefaultGraph()), new PageLinks(iris),
                post, "/id/post/both");
        assertEquals("from 1 March 2019 until 2021", values.dates(post));
        assertEquals("from 1 March 2019", values.dates(from));
        assertEquals("until 2021", values.dates(until));
        assertEquals("", values.dates(none));
    }

    private Node post(String id, String start, String end) {
        Node post = NodeFactory.createURI(iris.entity("post", id));
        Graph g = GraphMemFactory.createDefaultGraph();
        if (start != null) g.add(post, Coop.startDate.asNode(), NodeFactory.createLiteralDT(start, XSDDatatype.XSDdate));
        if (end != null) g.add(post, Coop.endDate.asNode(), NodeFactory.createLiteralDT(end, XSDDatatype.XSDgYear));
        dataset.addGraph(NodeFactory.createURI(iris.assertion(id)), g);
        return post;
    }
}

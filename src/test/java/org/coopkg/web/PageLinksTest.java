package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.graph.NodeFactory;
import org.coopkg.core.CoopIris;
import org.coopkg.core.LabelOrder;
import org.junit.jupiter.api.Test;

/** Relative links between pages, the base mapping, and escaping: the pieces that keep pages correct behind a proxy and safe. */
class PageLinksTest {
    @Test
    void relativeLinksBetweenServerPaths() {
        assertEquals("../organisation/cas", PageLinks.relative("/id/person/x", "/id/organisation/cas"));
        assertEquals("y", PageLinks.relative("/id/person/x", "/id/person/y"));
        assertEquals("./", PageLinks.relative("/id/person/x", "/id/person/"));
        assertEquals("person/", PageLinks.relative("/id/", "/id/person/"));
        assertEquals("../../ontology#Post", PageLinks.relative("/id/person/x", "/ontology#Post"));
        assertEquals("../../", PageLinks.relative("/id/person/x", "/"));
        assertEquals("ontology", PageLinks.relative("/ontology", "/ontology"));
        assertEquals("../id/", PageLinks.relative("/.well-known/void", "/id/"));
    }

    @Test
    void requestPathsMapOntoTheBaseWhateverTheHost() {
        CoopIris iris = new CoopIris("https://example.org/coop/");
        assertEquals("https://example.org/coop/id/person/x", iris.iriOfPath("/id/person/x"));
        assertEquals("/id/person/x", iris.pathOfIri("https://example.org/coop/id/person/x").orElseThrow());
        assertTrue(iris.pathOfIri("http://localhost:3030/id/person/x").isEmpty());
        assertEquals("person", iris.kindOf("https://example.org/coop/id/person/x").orElseThrow());
        assertTrue(iris.kindOf("https://example.org/coop/id/person/").isEmpty());
        assertEquals("https://example.org/coop/coop/sparql", iris.sparqlEndpoint());
    }

    @Test
    void anEntityIsKindAndIdInTheSlugAlphabetAndNothingInsideIt() {
        CoopIris iris = new CoopIris("https://example.org/coop/");
        assertEquals("event", iris.kindOf("https://example.org/coop/id/event/big-science-forum").orElseThrow());
        for (String notAnEntity : List.of("https://example.org/coop/id/event/big-science-forum#time",
                "https://example.org/coop/id/event/big-science-forum/more", "https://example.org/coop/id/event",
                "https://example.org/coop/id/Event/x", "https://example.org/coop/id/event/x y",
                "https://example.org/coop/graph/ontology")) {
            assertTrue(iris.kindOf(notAnEntity).isEmpty(), notAnEntity);
            assertFalse(iris.isEntity(NodeFactory.createURI(notAnEntity)), notAnEntity);
        }
        assertEquals(iris, CoopIris.ofEntitySpace(iris.entitySpace()));
    }

    @Test
    void englishLabelsComeFirstThenUntaggedThenOthers() {
        List<org.apache.jena.graph.Node> labels = new java.util.ArrayList<>(List.of(
                NodeFactory.createLiteralLang("Akademie", "de"), NodeFactory.createLiteralString("Academy (plain)"),
                NodeFactory.createLiteralLang("Academy (GB)", "en-GB"), NodeFactory.createLiteralLang("Academy", "en")));
        labels.sort(LabelOrder.ENGLISH_FIRST);
        assertEquals(List.of("Academy", "Academy (GB)", "Academy (plain)", "Akademie"),
                labels.stream().map(org.apache.jena.graph.Node::getLiteralLexicalForm).toList());
    }

    @Test
    void hrefsForOwnOntologyAndOutsideIris() {
        PageLinks links = new PageLinks(new CoopIris("https://example.org/"));
        assertEquals("../place/china", links.href(NodeFactory.createURI("https://example.org/id/place/china"), "/id/person/x"));
        assertEquals("../../ontology#Person", links.href(NodeFactory.createURI("https://w3id.org/coop-kg/ontology#Person"), "/id/person/x"));
        assertEquals("http://www.wikidata.org/entity/Q148", links.href(NodeFactory.createURI("http://www.wikidata.org/entity/Q148"), "/id/place/china"));
        assertNull(links.href(NodeFactory.createURI("javascript:alert(1)"), "/id/person/x"));
        assertNull(links.href(NodeFactory.createLiteralString("x"), "/id/person/x"));
    }

    @Test
    void escapingCoversTextAndAttributes() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;s&#39;",
                Html.escape("<script>alert(1)</script> & \"q\" 's'"));
        Html h = new Html().link("javascript:alert(1)", "<b>x</b>").element("span", "\"", "title", "\"><script>");
        assertEquals("&lt;b&gt;x&lt;/b&gt;<span title=\"&quot;&gt;&lt;script&gt;\">&quot;</span>", h.toString());
        assertFalse(Html.safeHref("data:text/html,hi"));
        assertTrue(Html.safeHref("../a:b"));
    }
}

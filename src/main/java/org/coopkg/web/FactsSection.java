package org.coopkg.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.coopkg.core.LinkPredicate;
import org.coopkg.core.vocab.Coop;

/** The entity's curated statements, a row per property with its ontology label, each value with its sources. */
final class FactsSection implements PageSection {
    /** Shown in the page header rather than the facts table. */
    private static final Set<Node> HEADER = Set.of(RDF.type.asNode(), RDFS.label.asNode(), DCTerms.description.asNode(),
            SKOS.altLabel.asNode(), SKOS.prefLabel.asNode(), SKOS.definition.asNode());

    @Override
    public void write(Html h, EntityContext page) {
        TermLabels terms = page.terms();
        Map<Node, Map<Node, List<Node>>> byProperty = page.values().grouped(page.view().asserted(page.entity(), Node.ANY, Node.ANY));
        // Identifiers (links out, the ISO code) have their own table.
        byProperty.keySet().removeIf(p -> HEADER.contains(p) || LinkPredicate.of(p).isPresent() || p.equals(Coop.isoCode.asNode()));
        if (byProperty.isEmpty()) return;
        h.element("h2", "Facts");
        h.open("table", "class", "facts").open("tbody");
        byProperty.forEach((p, values) -> {
            h.open("tr").open("th", "scope", "row");
            h.link(page.href(p), terms.label(p.getURI()), "title", terms.definition(p.getURI()).orElse(terms.shortName(p.getURI())));
            h.close("th").open("td").open("ul", "class", "values");
            values.forEach((o, graphs) -> {
                h.open("li");
                page.values().value(h, o, 0);
                graphs.forEach(g -> page.footnotes().ref(h, g));
                h.close("li");
            });
            h.close("ul").close("td").close("tr");
        });
        h.close("tbody").close("table");
    }
}

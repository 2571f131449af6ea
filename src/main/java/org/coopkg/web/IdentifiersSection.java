package org.coopkg.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.coopkg.core.ExternalDataset;
import org.coopkg.core.LinkPredicate;
import org.coopkg.core.vocab.Coop;

/** The entity's counterparts in outside data sets, and its ISO country code. */
final class IdentifiersSection implements PageSection {
    @Override
    public void write(Html h, EntityContext page) {
        KnowledgeGraphView view = page.view();
        Node entity = page.entity();
        List<Quad> quads = new ArrayList<>();
        for (LinkPredicate p : LinkPredicate.values()) quads.addAll(view.asserted(entity, p.node(), Node.ANY));
        Optional<Node> iso = page.values().first(entity, Coop.isoCode);
        if (quads.isEmpty() && iso.isEmpty()) return;
        quads.sort(KnowledgeGraphView.QUAD_ORDER);
        h.element("h2", "External identifiers");
        PageSection.openTable(h, List.of("Data set", "Identifier", "Match", "Verified"));
        for (Quad q : quads) {
            String iri = q.getObject().getURI();
            Optional<ExternalDataset> set = ExternalDataset.of(iri);
            h.open("tr").element("td", set.map(ExternalDataset::title).orElse("other")).open("td");
            h.link(iri, set.map(s -> s.identifier(iri)).orElse(iri));
            h.close("td").open("td").text(page.terms().label(q.getPredicate().getURI())).close("td").open("td");
            page.footnotes().ref(h, q.getGraph());
            h.close("td").close("tr");
        }
        iso.ifPresent(code -> {
            h.open("tr").element("td", "ISO 3166-1 alpha-2").open("td").open("code").text(code.getLiteralLexicalForm())
                    .close("code").close("td").element("td", "country code").open("td");
            view.asserted(entity, Coop.isoCode.asNode(), Node.ANY).forEach(q -> page.footnotes().ref(h, q.getGraph()));
            h.close("td").close("tr");
        });
        h.close("tbody").close("table");
    }
}

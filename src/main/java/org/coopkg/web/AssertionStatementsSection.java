package org.coopkg.web;

import java.util.List;

import org.apache.jena.sparql.core.Quad;

/** On an assertion's page: the statements its graph holds. */
final class AssertionStatementsSection implements PageSection {
    @Override
    public void write(Html h, EntityContext page) {
        if (!page.view().isAssertion(page.entity())) return;
        List<Quad> quads = page.view().graph(page.entity());
        if (quads.isEmpty()) return;
        h.element("h2", "Statements of this assertion");
        PageSection.openTable(h, List.of("Subject", "Property", "Value"));
        for (Quad q : quads) {
            h.open("tr").open("td");
            page.values().value(h, q.getSubject(), 1);
            h.close("td").open("td");
            h.link(page.href(q.getPredicate()), page.terms().label(q.getPredicate().getURI()));
            h.close("td").open("td");
            page.values().value(h, q.getObject(), 1);
            h.close("td").close("tr");
        }
        h.close("tbody").close("table");
    }
}

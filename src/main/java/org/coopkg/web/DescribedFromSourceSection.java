package org.coopkg.web;

import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.coopkg.core.vocab.Coop;
import org.coopkg.core.vocab.Prov;

/** On a source document's page: what the curated rows citing it describe. */
final class DescribedFromSourceSection implements PageSection {
    @Override
    public void write(Html h, EntityContext page) {
        Set<Node> described = new LinkedHashSet<>();
        for (Quad q : page.view().asserted(Node.ANY, Prov.wasDerivedFrom.asNode(), page.entity())) {
            page.view().value(q.getSubject(), Coop.describes.asNode()).ifPresent(described::add);
        }
        if (described.isEmpty()) return;
        h.element("h2", "Described from this source");
        h.element("p", described.size() + " entities have curated statements that cite this source.", "class", "muted");
        h.open("ul", "class", "index");
        for (Node d : page.values().sortedByLabel(described)) {
            h.open("li");
            page.values().value(h, d, 1);
            h.close("li");
        }
        h.close("ul");
    }
}

package org.coopkg.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.coopkg.core.vocab.Coop;
import org.coopkg.core.vocab.Prov;

/** The links pointing at the entity, phrased from its side ("leads", "topic of"), with their sources. */
final class LinkedFromSection implements PageSection {
    /** Incoming links shown in their own tables (posts, parties) or that are provenance, not relations. */
    private static final Set<Node> SHOWN_ELSEWHERE = Set.of(Coop.holder.asNode(), Coop.postIn.asNode(),
            Coop.postAtFacility.asNode(), Coop.party.asNode(), Coop.partyIn.asNode(), Coop.describes.asNode(),
            Prov.wasDerivedFrom.asNode());

    @Override
    public void write(Html h, EntityContext page) {
        List<Quad> quads = new ArrayList<>(page.view().asserted(Node.ANY, Node.ANY, page.entity()));
        quads.removeIf(q -> SHOWN_ELSEWHERE.contains(q.getPredicate()) || q.getSubject().equals(page.entity()));
        if (quads.isEmpty()) return;
        Map<String, Map<Node, List<Node>>> byPhrase = new TreeMap<>();
        for (Quad q : quads) {
            byPhrase.computeIfAbsent(page.terms().incomingLabel(q.getPredicate().getURI()), k -> new TreeMap<>(page.values().byLabel()))
                    .computeIfAbsent(q.getSubject(), k -> new ArrayList<>()).add(q.getGraph());
        }
        h.element("h2", "Linked from");
        h.open("table").open("tbody");
        byPhrase.forEach((phrase, subjects) -> {
            h.open("tr").element("th", phrase, "scope", "row").open("td").open("ul", "class", "values");
            subjects.forEach((s, graphs) -> {
                h.open("li");
                page.values().value(h, s, 1);
                graphs.stream().distinct().forEach(g -> page.footnotes().ref(h, g));
                h.close("li");
            });
            h.close("ul").close("td").close("tr");
        });
        h.close("tbody").close("table");
    }
}

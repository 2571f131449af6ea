package org.coopkg.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.coopkg.core.vocab.Coop;

/** What the loader inferred from the ontology about the entity that no curated row states or the page already shows. */
final class InferredSection implements PageSection {
    /** Inferred links that repeat what the posts and parties tables already say. */
    private static final Set<Node> SHOWN_ELSEWHERE = Set.of(Coop.holds.asNode(), Coop.hasPost.asNode(), Coop.partyTo.asNode(),
            Coop.agreementParty.asNode(), Coop.hasParty.asNode());

    @Override
    public void write(Html h, EntityContext page) {
        KnowledgeGraphView view = page.view();
        TermLabels terms = page.terms();
        Set<Node> connected = new LinkedHashSet<>();
        view.asserted(page.entity(), Node.ANY, Node.ANY).forEach(q -> connected.add(q.getObject()));
        view.asserted(Node.ANY, Node.ANY, page.entity()).forEach(q -> connected.add(q.getSubject()));
        List<Quad> quads = new ArrayList<>(view.inferredOnly(page.entity(), Node.ANY, Node.ANY));
        quads.removeIf(q -> !q.getPredicate().getURI().startsWith(Coop.NS) || connected.contains(q.getObject())
                || SHOWN_ELSEWHERE.contains(q.getPredicate()));
        if (quads.isEmpty()) return;
        h.element("h2", "Inferred from the ontology");
        h.element("p", "Not stated by a curated row: the loader derived these from the ontology (places that contain "
                + "places, property chains such as post holder → organisation).", "class", "muted");
        Map<Node, Map<Node, List<Node>>> byProperty = page.values().grouped(quads);
        h.open("table").open("tbody");
        byProperty.forEach((p, values) -> {
            h.open("tr").open("th", "scope", "row").link(page.href(p), terms.label(p.getURI()),
                    "title", terms.definition(p.getURI()).orElse(null)).close("th").open("td").open("ul", "class", "values");
            values.keySet().forEach(o -> {
                h.open("li");
                page.values().value(h, o, 1);
                h.element("span", "inferred", "class", "inferred");
                h.close("li");
            });
            h.close("ul").close("td").close("tr");
        });
        h.close("tbody").close("table");
    }
}

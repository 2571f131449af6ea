package org.coopkg.web;

import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.coopkg.core.vocab.Coop;

/** On an agreement's page its parties; on a party's page the agreements it is party to. */
final class PartiesSection implements PageSection {
    @Override
    public void write(Html h, EntityContext page) {
        ValueRenderer values = page.values();
        List<Quad> asAgreement = page.view().asserted(Node.ANY, Coop.partyIn.asNode(), page.entity());
        List<Quad> asParty = page.view().asserted(Node.ANY, Coop.party.asNode(), page.entity());
        if (asAgreement.isEmpty() && asParty.isEmpty()) return;
        boolean agreementPage = !asAgreement.isEmpty();
        h.element("h2", agreementPage ? "Parties" : "Agreements");
        PageSection.openTable(h, List.of(agreementPage ? "Party" : "Agreement", "Role", "Source"));
        List<Node> nodes = (agreementPage ? asAgreement : asParty).stream().map(Quad::getSubject).distinct().toList();
        for (Node partyNode : values.sortedByLabel(nodes)) {
            h.open("tr").open("td");
            values.first(partyNode, agreementPage ? Coop.party : Coop.partyIn).ifPresent(o -> values.value(h, o, 1));
            h.close("td").open("td");
            Optional<Node> role = values.first(partyNode, Coop.partyRole);
            h.link(page.href(partyNode), role.map(page.view()::label).orElse("party"));
            h.close("td").open("td");
            page.view().assertionsDescribing(partyNode).forEach(a -> page.footnotes().ref(h, a));
            h.close("td").close("tr");
        }
        h.close("tbody").close("table");
    }
}

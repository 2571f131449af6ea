package org.coopkg.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Property;
import org.coopkg.core.vocab.Coop;

/** On a person's, organisation's or facility's page: the posts held by, in or at it. */
final class PostsSection implements PageSection {
    @Override
    public void write(Html h, EntityContext page) {
        ValueRenderer values = page.values();
        Set<Node> posts = new LinkedHashSet<>();
        for (Property p : List.of(Coop.holder, Coop.postIn, Coop.postAtFacility)) {
            page.view().asserted(Node.ANY, p.asNode(), page.entity()).forEach(q -> posts.add(q.getSubject()));
        }
        if (posts.isEmpty()) return;
        h.element("h2", "Posts");
        PageSection.openTable(h, List.of("Person", "Post", "Organisation or facility", "Dates", "Source"));
        for (Node post : values.sortedByLabel(posts)) {
            h.open("tr").open("td");
            values.first(post, Coop.holder).ifPresent(p -> values.value(h, p, 1));
            h.close("td").open("td");
            h.link(page.href(post), (values.isTrue(post, Coop.former) ? "former " : "") + values.postTitle(post));
            h.close("td").open("td");
            List<Node> where = new ArrayList<>();
            values.first(post, Coop.postIn).ifPresent(where::add);
            values.first(post, Coop.postAtFacility).ifPresent(where::add);
            for (int i = 0; i < where.size(); i++) {
                if (i > 0) h.text("; ");
                values.value(h, where.get(i), 1);
            }
            h.close("td").open("td").text(values.dates(post)).close("td").open("td");
            page.view().assertionsDescribing(post).forEach(a -> page.footnotes().ref(h, a));
            h.close("td").close("tr");
        }
        h.close("tbody").close("table");
    }
}

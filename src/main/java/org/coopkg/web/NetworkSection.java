package org.coopkg.web;

import java.util.List;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;

/**
 * The entity's neighbourhood ({@link Neighbourhood}, two steps) as a network drawn by the page's script, coloured by
 * kind, edges labelled, nodes and folded posts and parties linking to their pages; and, for every reader, the same
 * links as a table.
 */
final class NetworkSection implements PageSection {
    static final String CANVAS = "coop-network";
    static final String DATA = "coop-network-data";

    @Override
    public void write(Html h, EntityContext page) {
        Neighbourhood n = Neighbourhood.of(page, 2);
        if (n.edges().isEmpty()) return;
        h.open("section", "id", "network", "aria-labelledby", "network-title");
        h.element("h2", "Network", "id", "network-title");
        h.element("p", "The entities linked with " + page.label() + ", one and two steps away, through the curated "
                + "statements. Posts and agreement parties are drawn as one link (holder to organisation, agreement to "
                + "party); click a link to open the post or party itself, a circle to open that entity's page.", "class", "muted");
        h.open("p", "class", "coop-view-controls", "hidden", "hidden")
                .element("button", "One step", "type", "button", "data-steps", "1", "aria-pressed", "true")
                .element("button", "Two steps", "type", "button", "data-steps", "2", "aria-pressed", "false")
                .close("p");
        PageViews.canvas(h, CANVAS, "Network of the entities linked with " + page.label());
        PageViews.data(h, DATA, json(n, page));
        if (n.unshown() > 0) {
            h.element("p", n.unshown() + " more entities linked within two steps are not drawn: the network shows at most "
                    + Neighbourhood.MAX_NODES + ".", "class", "muted");
        }
        h.open("details").element("summary", "The links as a table (" + n.edges().size() + ")");
        PageSection.openTable(h, List.of("From", "Link", "To", "Steps away"));
        for (Neighbourhood.Edge e : n.edges()) {
            h.open("tr").open("td");
            page.values().value(h, e.source(), 1);
            h.close("td").open("td");
            if (e.via().isPresent()) h.link(page.href(e.via().get()), e.label());
            else h.text(e.label());
            h.close("td").open("td");
            page.values().value(h, e.target(), 1);
            h.close("td").element("td", Integer.toString(n.step(e))).close("tr");
        }
        h.close("tbody").close("table").close("details");
        h.close("section");
    }

    private static JsonObject json(Neighbourhood n, EntityContext page) {
        JsonArray nodes = new JsonArray();
        for (Neighbourhood.NodeInfo info : n.nodes()) {
            JsonObject o = new JsonObject();
            o.put("id", info.node().getURI());
            o.put("label", page.view().label(info.node()));
            o.put("kind", info.kind());
            o.put("depth", info.depth());
            o.put("href", page.href(info.node()));
            nodes.add(o);
        }
        JsonArray edges = new JsonArray();
        for (Neighbourhood.Edge e : n.edges()) {
            JsonObject o = new JsonObject();
            o.put("source", e.source().getURI());
            o.put("target", e.target().getURI());
            o.put("label", e.label());
            o.put("property", e.property().getURI());
            o.put("step", n.step(e));
            e.via().map(Node::getURI).ifPresent(v -> o.put("via", v));
            e.via().ifPresent(v -> o.put("href", page.href(v)));
            edges.add(o);
        }
        JsonObject data = new JsonObject();
        data.put("center", page.entity().getURI());
        data.put("nodes", nodes);
        data.put("edges", edges);
        return data;
    }
}

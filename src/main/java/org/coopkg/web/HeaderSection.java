package org.coopkg.web;

import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.coopkg.core.vocab.Coop;

/** What the entity is: its classes, name, IRI, descriptions, other names, and the curated row that introduces it. */
final class HeaderSection implements PageSection {
    @Override
    public void write(Html h, EntityContext page) {
        KnowledgeGraphView view = page.view();
        ValueRenderer values = page.values();
        Node entity = page.entity();
        List<Node> types = view.assertedTypes(entity);
        if (!types.isEmpty()) {
            h.open("p", "class", "kind");
            for (int i = 0; i < types.size(); i++) {
                if (i > 0) h.text(" · ");
                h.link(page.href(types.get(i)), values.termLabel(types.get(i)),
                        "title", page.terms().definition(uri(types.get(i))).orElse(null));
            }
            h.close("p");
        }
        h.element("h1", page.label());
        h.open("p", "class", "iri").open("code").text(entity.getURI()).close("code").close("p");
        for (Node d : view.values(entity, DCTerms.description.asNode())) h.element("p", values.text(d), "class", "description");
        for (Node d : view.values(entity, SKOS.definition.asNode())) h.element("p", values.text(d), "class", "description");
        List<Node> aka = view.values(entity, SKOS.altLabel.asNode());
        if (!aka.isEmpty()) {
            h.open("p").element("span", "Also known as: ", "class", "muted");
            h.text(String.join(", ", aka.stream().map(values::text).toList())).close("p");
        }
        summary(h, page);
        // The entity's own row is the assertion whose graph gives it its class (relations and links do not).
        List<Node> rows = view.assertionsDescribing(entity).stream()
                .filter(a -> view.graph(a).stream().anyMatch(q -> q.getSubject().equals(entity)
                        && q.getPredicate().equals(RDF.type.asNode()))).toList();
        if (!rows.isEmpty()) {
            h.open("p", "class", "meta").text("Curated row: ");
            for (Node a : rows) {
                view.provenance(a).file().ifPresent(f -> h.text(f + " line " + view.provenance(a).line().map(String::valueOf).orElse("?")));
                page.footnotes().ref(h, a);
                h.text(" ");
            }
            h.close("p");
        }
    }

    /** Posts and agreement parties are n-ary nodes: say in one line what they stand for. */
    private static void summary(Html h, EntityContext page) {
        ValueRenderer values = page.values();
        Node entity = page.entity();
        Optional<Node> holder = values.first(entity, Coop.holder);
        if (holder.isPresent()) {
            h.open("p", "class", "description");
            values.value(h, holder.get(), 1);
            h.text(values.isTrue(entity, Coop.former) ? " — former " : " — ");
            h.text(values.postTitle(entity));
            values.first(entity, Coop.postIn).ifPresent(o -> { h.text(", "); values.value(h, o, 1); });
            values.first(entity, Coop.postAtFacility).ifPresent(f -> { h.text(", at "); values.value(h, f, 1); });
            h.close("p");
        }
        Optional<Node> party = values.first(entity, Coop.party);
        Optional<Node> agreement = values.first(entity, Coop.partyIn);
        if (party.isPresent() && agreement.isPresent()) {
            h.open("p", "class", "description");
            values.value(h, party.get(), 1);
            h.text(" is a party");
            values.first(entity, Coop.partyRole).ifPresent(r -> h.text(" (" + page.view().label(r) + ")"));
            h.text(" to ");
            values.value(h, agreement.get(), 1);
            h.text(".");
            h.close("p");
        }
    }

    private static String uri(Node n) {
        return n.isURI() ? n.getURI() : "";
    }
}

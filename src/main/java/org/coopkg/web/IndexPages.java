package org.coopkg.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.jena.graph.Node;
import org.coopkg.core.CoopIris;

/**
 * The home of the Linked Data ({@code /id/}), listing each kind of entity with its count, and one index
 * page per kind ({@code /id/{kind}/}) listing its entities by name with their classes.
 */
public final class IndexPages {
    private final KnowledgeGraphView view;
    private final TermLabels terms;
    private final PageLinks links;
    private final EntityCatalog catalog;

    public IndexPages(KnowledgeGraphView view, TermLabels terms, PageLinks links, EntityCatalog catalog) {
        this.view = view;
        this.terms = terms;
        this.links = links;
        this.catalog = catalog;
    }

    public String home() {
        String path = CoopIris.HOME_PATH;
        Html h = new Html();
        h.element("h1", "coop-kg as Linked Data");
        h.element("p", "Every organisation, person, programme, facility, agreement, event and place in coop-kg has an IRI "
                + "that answers with a page for people and with RDF for programs (Turtle, JSON-LD, N-Triples, RDF/XML, "
                + "TriG, N-Quads; ask with the Accept header or add .ttl, .jsonld, .nt, .rdf, .trig or .nq). Each fact "
                + "shows the source sentence it was taken from.", "class", "description");
        h.open("p", "class", "meta").text("Entity IRIs: ").open("code").text(view.iris().entitySpace() + "{kind}/{id}")
                .close("code").close("p");
        h.element("h2", "Entities by kind");
        h.open("table").open("thead").open("tr").element("th", "Kind").element("th", "Entities").close("tr").close("thead").open("tbody");
        for (String kind : catalog.kinds()) {
            h.open("tr").open("td").link(kind + "/", EntityCatalog.title(kind)).close("td")
                    .element("td", String.valueOf(catalog.entities(kind).size())).close("tr");
        }
        h.close("tbody").close("table");
        h.element("h2", "About the data");
        h.open("ul");
        h.open("li").link(PageLinks.relative(path, CoopIris.ONTOLOGY_PATH), "The coop-kg ontology")
                .text(": classes and properties, with definitions").close("li");
        h.open("li").link(PageLinks.relative(path, CoopIris.VOID_PATH), "Data set description")
                .text(" (VoID and DCAT): licence, counts, links to Wikidata, GeoNames and ROR").close("li");
        h.open("li").link(PageLinks.relative(path, CoopIris.SPARQL_PATH), "SPARQL endpoint")
                .text(" (GET without a query returns its service description)").close("li");
        h.open("li").link("../", "Query page").text(": write SPARQL in the browser").close("li");
        h.close("ul");
        return PageLayout.page("Linked Data", List.of(new PageLayout.Crumb("Linked Data", null)), List.of(), "../", h, "../");
    }

    public String kind(String kind) {
        String path = CoopIris.HOME_PATH + kind + "/";
        String title = EntityCatalog.title(kind);
        List<Node> entities = new ArrayList<>(catalog.entities(kind));
        view.read(() -> {
            entities.sort(Comparator.comparing((Node n) -> view.label(n).toLowerCase(java.util.Locale.ROOT)).thenComparing(Node::getURI));
            return null;
        });
        Html h = new Html();
        h.element("h1", title);
        h.element("p", entities.size() + " entities, IRIs " + view.iris().entitySpace() + kind + "/{id}", "class", "meta");
        h.open("table").open("thead").open("tr").element("th", "Name").element("th", "Class").element("th", "Id")
                .close("tr").close("thead").open("tbody");
        view.read(() -> {
            for (Node e : entities) {
                h.open("tr").open("td").link(EntityCatalog.slug(e), view.label(e)).close("td").open("td");
                List<Node> types = view.assertedTypes(e);
                for (int i = 0; i < types.size(); i++) {
                    if (i > 0) h.text(", ");
                    h.link(links.href(types.get(i), path), terms.label(types.get(i).getURI()));
                }
                h.close("td").open("td").open("code").text(EntityCatalog.slug(e)).close("code").close("td").close("tr");
            }
            return null;
        });
        h.close("tbody").close("table");
        return PageLayout.page(title, List.of(new PageLayout.Crumb("Linked Data", "../"), new PageLayout.Crumb(title, null)),
                List.of(), "../../", h, "../../");
    }
}

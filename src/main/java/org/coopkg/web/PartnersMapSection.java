package org.coopkg.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.coopkg.core.vocab.Coop;
import org.coopkg.query.Gallery;
import org.coopkg.query.GalleryQuery;
import org.coopkg.query.InvalidParameterException;

/**
 * On a country's page, its partner countries on a world map and in a table: the answer of gallery query 20 (the
 * partners of a country) for this country, so the page, the gallery and the web API agree on what a partner is.
 * Countries are drawn from the Natural Earth boundaries bundled with the page, matched by ISO 3166-1 code; no place
 * below a country is drawn, since the data holds no coordinates that a cited record states.
 */
final class PartnersMapSection implements PageSection {
    static final String CANVAS = "coop-map";
    static final String DATA = "coop-map-data";
    /** The gallery query whose answer this section shows, by its name. */
    static final String QUERY = "20-partners-of-a-country";

    @Override
    public void write(Html h, EntityContext page) {
        Node entity = page.entity();
        if (page.view().all(entity, RDF.Nodes.type, Coop.Country.asNode()).isEmpty()) return;
        Optional<GalleryQuery> query = Gallery.bundled().stream().filter(q -> q.name().equals(QUERY)).findFirst();
        if (query.isEmpty()) return;
        List<QuerySolution> partners = partners(query.get(), page);
        h.open("section", "id", "partners", "aria-labelledby", "partners-title");
        h.element("h2", "Partners on the map", "id", "partners-title");
        if (partners.isEmpty()) {
            h.element("p", "The data links " + page.label() + " with no other country.", "class", "muted").close("section");
            return;
        }
        h.element("p", "The countries that share projects, agreements, laboratories, facilities or events with "
                + page.label() + ", darker for more shared things (the answer of gallery query 20). Only countries are "
                + "drawn: the data holds no verified coordinates of cities or sites.", "class", "muted");
        PageViews.canvas(h, CANVAS, "World map of the partner countries of " + page.label());
        JsonArray rows = new JsonArray();
        h.open("details").element("summary", "The partners as a table (" + partners.size() + ")");
        PageSection.openTable(h, List.of("Partner", "ISO 3166-1", "Shared things", "Through"));
        for (QuerySolution row : partners) {
            Node partner = row.getResource("partner").asNode();
            String iso = row.contains("isoCode") ? row.getLiteral("isoCode").getLexicalForm() : "";
            int links = row.getLiteral("links").getInt();
            h.open("tr").open("td");
            page.values().value(h, partner, 1);
            h.close("td").element("td", iso).element("td", Integer.toString(links))
                    .element("td", row.getLiteral("examples").getLexicalForm()).close("tr");
            JsonObject o = new JsonObject();
            o.put("iri", partner.getURI());
            o.put("label", row.getLiteral("partnerLabel").getLexicalForm());
            o.put("iso", iso);
            o.put("links", links);
            o.put("href", page.href(partner));
            rows.add(o);
        }
        h.close("tbody").close("table").close("details");
        JsonObject data = new JsonObject();
        data.put("country", entity.getURI());
        data.put("label", page.label());
        data.put("iso", page.values().first(entity, Coop.isoCode).map(Node::getLiteralLexicalForm).orElse(""));
        data.put("partners", rows);
        PageViews.data(h, DATA, data);
        h.close("section");
    }

    private static List<QuerySolution> partners(GalleryQuery query, EntityContext page) {
        String name = page.view().values(page.entity(), RDFS.label.asNode()).stream()
                .filter(Node::isLiteral).filter(n -> n.getLiteralLanguage().equals("en")).findFirst()
                .map(Node::getLiteralLexicalForm).orElse(page.label());
        try (QueryExecution execution = QueryExecution.dataset(DatasetFactory.wrap(page.view().dataset()))
                .query(query.bind(Map.of("countryName", List.of(name)))).build()) {
            ResultSet results = execution.execSelect();
            List<QuerySolution> rows = new ArrayList<>();
            results.forEachRemaining(rows::add);
            return rows;
        } catch (InvalidParameterException e) {
            throw new IllegalStateException("gallery query " + QUERY + " has no parameter countryName: " + e.getMessage(), e);
        }
    }
}

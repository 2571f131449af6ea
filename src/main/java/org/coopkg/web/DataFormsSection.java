package org.coopkg.web;

import java.util.List;

import org.coopkg.core.Format;

/** The entity's description in the RDF formats, which the page head also announces as alternates. */
final class DataFormsSection implements PageSection {
    /** The data forms of the page at this slug, relative to it; HTML is the page itself. */
    static List<PageLayout.Alternate> alternates(String slug) {
        return ContentNegotiation.ENTITY.stream().filter(t -> t != Format.HTML)
                .map(t -> new PageLayout.Alternate(t, slug + "." + t.extension())).toList();
    }

    @Override
    public void write(Html h, EntityContext page) {
        h.element("h2", "This description as data");
        h.open("ul", "class", "formats");
        for (PageLayout.Alternate a : alternates(page.slug())) {
            h.open("li").link(a.href(), a.type().title(), "type", a.type().mediaType()).close("li");
        }
        h.close("ul");
        h.element("p", "The same IRI answers with any of these types by content negotiation (Accept header). TriG and "
                + "N-Quads keep each statement in the named graph of the curated row it comes from.", "class", "muted");
    }
}

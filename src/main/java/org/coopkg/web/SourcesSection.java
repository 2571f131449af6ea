package org.coopkg.web;

import org.coopkg.core.vocab.Coop;

/**
 * The numbered footnotes: for each cited row its evidence quote, its source, and where it stands in the curated files.
 * A row the curator reads from its quote rather than one the quote states is marked implied, with the curator's note
 * beside the quote.
 */
final class SourcesSection implements PageSection {
    @Override
    public void write(Html h, EntityContext page) {
        KnowledgeGraphView view = page.view();
        if (page.footnotes().cited().isEmpty()) return;
        h.open("section", "id", "sources").element("h2", "Sources");
        h.open("ol", "class", "sources");
        page.footnotes().cited().forEach((assertion, n) -> {
            KnowledgeGraphView.Provenance p = view.provenance(assertion);
            h.open("li", "id", "src-" + n, "class", p.implied() ? "implied" : "stated");
            p.evidence().ifPresent(e -> h.open("blockquote").text("“" + e + "”").close("blockquote"));
            if (p.implied()) {
                h.open("p", "class", "curator-note").open("strong").text("Implied").close("strong")
                        .text(" — the curator's reading, not the source's words: " + p.curatorNote().orElse("(no note)"))
                        .close("p");
            }
            p.source().ifPresent(s -> {
                boolean described = view.iris().pathOfIri(s.getURI()).isPresent();
                // Reference records and outside pages are records an identifier was checked against, not texts a fact was read from.
                boolean reference = view.assertedTypes(s).contains(Coop.ReferenceRecord.asNode()) || !described;
                h.text(reference ? "Verified at " : "Source: ");
                if (described) h.link(page.href(s), view.label(s));
                else h.link(s.getURI(), s.getURI());
            });
            p.note().ifPresent(note -> h.text(" — " + note));
            h.open("span", "class", "muted").text(" · ");
            p.file().ifPresent(f -> h.text(f + " line " + p.line().map(String::valueOf).orElse("?") + " · "));
            h.link(page.href(assertion), "assertion");
            h.close("span").close("li");
        });
        h.close("ol").close("section");
    }
}

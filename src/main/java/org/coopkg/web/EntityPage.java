package org.coopkg.web;

import java.util.List;

import org.apache.jena.graph.Node;
import org.coopkg.core.CoopIris;

/**
 * The HTML page of one entity, rendered on the server and readable without JavaScript: what it is, its
 * curated facts with the properties' ontology labels, its posts and agreement parties as tables, the links
 * pointing at it phrased from its side ("leads", "topic of"), what the ontology lets us infer, its
 * external identifiers, and a numbered list of the source quotes behind every fact.
 */
public final class EntityPage {
    /** In page order; the sources list comes after every section that cites a source, since it lists what they cited. */
    private static final List<PageSection> SECTIONS = List.of(new HeaderSection(), new FactsSection(), new PostsSection(),
            new PartiesSection(), new LinkedFromSection(), new NetworkSection(), new PartnersMapSection(), new DescribedFromSourceSection(), new AssertionStatementsSection(),
            new InferredSection(), new IdentifiersSection(), new SourcesSection(), new DataFormsSection());

    private final KnowledgeGraphView view;
    private final TermLabels terms;
    private final PageLinks links;
    private final Node entity;
    private final String path;

    public EntityPage(KnowledgeGraphView view, TermLabels terms, PageLinks links, Node entity, String path) {
        this.view = view;
        this.terms = terms;
        this.links = links;
        this.entity = entity;
        this.path = path;
    }

    public String render(String kindTitle) {
        return view.read(() -> {
            String label = view.label(entity);
            EntityContext page = new EntityContext(view, terms, links, entity, path, label,
                    new ValueRenderer(view, terms, links, entity, path), new Footnotes(view));
            Html body = new Html();
            for (PageSection section : SECTIONS) section.write(body, page);
            if (PageViews.drawsIn(body)) PageViews.scripts(body, path);
            String root = PageLayout.rootPrefix(path);
            return PageLayout.page(label, List.of(new PageLayout.Crumb("Linked Data", PageLinks.relative(path, CoopIris.HOME_PATH)),
                            new PageLayout.Crumb(kindTitle, "./"), new PageLayout.Crumb(label, null)),
                    DataFormsSection.alternates(page.slug()), root.isEmpty() ? "./" : root, body, root);
        });
    }
}

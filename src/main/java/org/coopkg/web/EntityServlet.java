package org.coopkg.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.core.CoopIris;
import org.coopkg.core.Format;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code /id/…}: the home of the Linked Data ({@code /id/}), the index of a kind
 * ({@code /id/{kind}/}) and each entity ({@code /id/{kind}/{id}}), the last by content negotiation
 * (HTML or RDF, {@code Vary: Accept}) or by suffix ({@code .ttl}, {@code .jsonld}, {@code .nt},
 * {@code .rdf}, {@code .trig}, {@code .nq}, {@code .html}). The IRI described is the configured base plus
 * the request path, whatever host the request reached (see {@link CoopIris}).
 */
public final class EntityServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(EntityServlet.class);

    private final transient KnowledgeGraphView view;
    private final transient TermLabels terms;
    private final transient PageLinks links;
    private final transient EntityDescription descriptions;
    private final transient IndexPages indexPages;
    private final transient EntityCatalog catalog;
    private final transient PrefixMapping prefixes;

    public EntityServlet(KnowledgeGraphView view, TermLabels terms, EntityCatalog catalog, PrefixMapping prefixes) {
        this.view = view;
        this.terms = terms;
        this.links = new PageLinks(view.iris());
        this.descriptions = new EntityDescription(view);
        this.catalog = catalog;
        this.indexPages = new IndexPages(view, terms, links, catalog);
        this.prefixes = prefixes;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Responses.readOnly(request, response, LOG, () -> route(request, response));
    }

    private void route(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String pathInfo = request.getPathInfo();
        if (pathInfo == null) {
            // Relative to /id: the home of the entity space.
            redirect(response, CoopIris.HOME_PATH.substring(1));
            return;
        }
        String path = CoopIris.HOME_PATH + pathInfo.substring(1);
        String[] parts = pathInfo.substring(1).split("/", -1);
        if (pathInfo.equals("/")) {
            htmlOnly(request, response, indexPages::home);
            return;
        }
        if (parts.length == 1) {
            if (catalog.entities(parts[0]).isEmpty()) notFound(request, response, path);
            else redirect(response, parts[0] + "/");
            return;
        }
        if (parts.length == 2 && parts[1].isEmpty()) {
            if (catalog.entities(parts[0]).isEmpty()) notFound(request, response, path);
            else htmlOnly(request, response, () -> indexPages.kind(parts[0]));
            return;
        }
        if (parts.length != 2) {
            notFound(request, response, path);
            return;
        }
        entity(request, response, parts[0], parts[1]);
    }

    private void entity(HttpServletRequest request, HttpServletResponse response, String kind, String last) throws IOException {
        String slug = last;
        Optional<Format> fixed = Optional.empty();
        int dot = last.lastIndexOf('.');
        if (dot > 0) {
            fixed = Format.byExtension(last.substring(dot + 1), ContentNegotiation.ENTITY);
            slug = last.substring(0, dot);
        }
        // Only entity IRIs proper: a decoded '#' would otherwise reach a node inside an entity
        // (id/event/x#time) and answer it as if it were a page of its own.
        Node entity = entityNode(kind, slug);
        if ((dot > 0 && fixed.isEmpty()) || !CoopIris.isEntityPath(kind, slug) || !view.exists(entity)) {
            notFound(request, response, CoopIris.entityPath(kind, last));
            return;
        }
        Format type;
        if (fixed.isPresent()) {
            type = fixed.get();
        } else {
            // The representation depends on Accept: caches must key on it.
            response.setHeader("Vary", "Accept");
            Optional<Format> chosen = ContentNegotiation.choose(request.getHeader("Accept"), ContentNegotiation.ENTITY);
            if (chosen.isEmpty()) {
                Responses.notAcceptable(request, response, ContentNegotiation.ENTITY);
                return;
            }
            type = chosen.get();
            response.setHeader("Content-Location", slug + "." + type.extension());
        }
        response.setHeader("Link", alternates(slug));
        String pagePath = CoopIris.entityPath(kind, slug);
        byte[] body;
        if (type == Format.HTML) {
            Node e = entity;
            body = new EntityPage(view, terms, links, e, pagePath).render(EntityCatalog.title(kind))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } else {
            DatasetGraph description = descriptions.describe(entity);
            body = RdfWriting.write(description, type, prefixes, List.of(entity));
        }
        Responses.send(request, response, 200, type.contentType(), body);
    }

    private Node entityNode(String kind, String slug) {
        return NodeFactory.createURI(view.iris().iriOfPath(CoopIris.entityPath(kind, slug)));
    }

    /** RFC 8288 links to every representation, so a client can find them without guessing suffixes. */
    private static String alternates(String slug) {
        StringBuilder b = new StringBuilder();
        for (Format t : ContentNegotiation.ENTITY) {
            if (b.length() > 0) b.append(", ");
            b.append('<').append(slug).append('.').append(t.extension()).append(">; rel=\"alternate\"; type=\"")
                    .append(t.mediaType()).append('"');
        }
        return b.toString();
    }

    private void htmlOnly(HttpServletRequest request, HttpServletResponse response, java.util.function.Supplier<String> page)
            throws IOException {
        response.setHeader("Vary", "Accept");
        if (ContentNegotiation.choose(request.getHeader("Accept"), List.of(Format.HTML)).isEmpty()) {
            Responses.notAcceptable(request, response, List.of(Format.HTML));
            return;
        }
        Responses.html(request, response, 200, page.get());
    }

    /** 404 as a page for browsers and as one plain line for everyone else. */
    private void notFound(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        response.setHeader("Vary", "Accept");
        String iri = view.iris().iriOfPath(path);
        // Plain text unless the client prefers HTML (a browser does; curl's */* does not).
        Optional<Format> type = ContentNegotiation.choose(request.getHeader("Accept"), List.of(Format.TURTLE, Format.HTML));
        if (type.isPresent() && type.get() == Format.HTML) {
            Html h = new Html();
            h.element("h1", "Not found");
            h.open("p").text("coop-kg has nothing about ").open("code").text(iri).close("code").text(".").close("p");
            h.open("p").link(PageLinks.relative(path, CoopIris.HOME_PATH), "Browse the entities by kind").close("p");
            String root = PageLayout.rootPrefix(path);
            Responses.html(request, response, 404, PageLayout.page("Not found",
                    List.of(new PageLayout.Crumb("Linked Data", PageLinks.relative(path, CoopIris.HOME_PATH)),
                            new PageLayout.Crumb("Not found", null)), List.of(), root.isEmpty() ? "./" : root, h, root));
        } else {
            ErrorLine.send(request, response, 404, "coop-kg has nothing about " + iri);
        }
    }

    /** A relative Location (RFC 9110 allows it), so the redirect stays on whatever host and prefix the client used. */
    private static void redirect(HttpServletResponse response, String location) throws IOException {
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", location);
        response.setContentLength(0);
        response.flushBuffer();
    }
}

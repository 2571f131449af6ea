package org.coopkg.web;

import java.util.List;

import org.coopkg.core.CoopIris;
import org.coopkg.core.Format;

/**
 * The frame every Linked Data page shares: doctype, title, the stylesheet (inline, so a page is one
 * request and needs nothing from outside), a breadcrumb trail, {@code <link rel="alternate">} to the RDF
 * forms, and a footer pointing to the data set description, ontology and SPARQL endpoint. No JavaScript.
 */
public final class PageLayout {
    /** One step of the breadcrumb trail; a null href is the current page. */
    public record Crumb(String text, String href) {}

    /** An RDF form of the page: type and relative href. */
    public record Alternate(Format type, String href) {}

    private static final String STYLE = """
            :root{--ink:#1d2329;--muted:#5b6670;--line:#d8dee4;--accent:#0b5cad;--paper:#fff;--tint:#f5f7f9}
            *{box-sizing:border-box}
            body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:var(--paper)}
            header.site,footer.site{background:var(--tint);border-bottom:1px solid var(--line);padding:.6rem 1.25rem;font-size:.9rem}
            footer.site{border-top:1px solid var(--line);border-bottom:0;margin-top:3rem;color:var(--muted)}
            header.site a.brand{font-weight:700;color:var(--ink)}
            nav.crumbs span+span:before{content:"\\203A";margin:0 .4rem;color:var(--muted)}
            main{max-width:62rem;margin:0 auto;padding:1rem 1.25rem}
            a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
            h1{font-size:1.9rem;line-height:1.2;margin:.2rem 0 .4rem}
            h2{font-size:1.25rem;margin:2rem 0 .6rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}
            h3{font-size:1.05rem;margin:1.4rem 0 .3rem}
            p.kind{margin:1rem 0 0;text-transform:uppercase;letter-spacing:.06em;font-size:.8rem;color:var(--muted)}
            p.iri,p.meta{color:var(--muted);font-size:.85rem;margin:.2rem 0;word-break:break-all}
            p.description{font-size:1.08rem;max-width:48rem}
            code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em}
            table{border-collapse:collapse;width:100%;margin:.4rem 0}
            th,td{text-align:left;vertical-align:top;padding:.4rem .6rem;border-bottom:1px solid var(--line)}
            thead th{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
            tbody th{font-weight:600;width:14rem}
            ul.values{list-style:none;margin:0;padding:0}ul.values li+li{margin-top:.2rem}
            sup.ref a{font-size:.75rem;margin-left:.15rem}
            sup.implied a{color:#8a4b00;font-style:italic}
            ol.sources li.implied blockquote{border-left-color:#d9a45b}
            p.curator-note{margin:.2rem 0;padding:.2rem .8rem;background:#fff6e8;border-left:3px solid #d9a45b;font-size:.92rem}
            span.inferred{font-size:.75rem;color:var(--muted);margin-left:.3rem}
            dl.nested{margin:0;display:grid;grid-template-columns:max-content auto;gap:0 .8rem;font-size:.9rem}
            dl.nested dt{color:var(--muted)}dl.nested dd{margin:0}
            ol.sources li{margin:.5rem 0}
            blockquote{margin:.2rem 0;padding:.2rem .8rem;border-left:3px solid var(--line);font-style:italic}
            ul.formats{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
            ul.formats a{display:inline-block;padding:.2rem .6rem;border:1px solid var(--line);border-radius:4px;font-size:.9rem}
            ul.index{columns:2 20rem;padding-left:1.2rem}ul.index li{margin:.15rem 0;break-inside:avoid}
            .muted{color:var(--muted)}
            section.term{border-top:1px solid var(--line);padding-top:.4rem}
            """;

    private PageLayout() {}

    /**
     * A whole page. {@code footerHrefPrefix} leads from the page back to the server root ({@code ../../}).
     */
    public static String page(String title, List<Crumb> crumbs, List<Alternate> alternates, String homeHref, Html body,
                              String footerHrefPrefix) {
        Html h = new Html();
        h.markup("<!DOCTYPE html>\n").open("html", "lang", "en").open("head")
                .markup("<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .element("title", title + " — coop-kg")
                // No icon to fetch: a browser asks for /favicon.ico otherwise.
                .open("link", "rel", "icon", "href", "data:,");
        for (Alternate a : alternates) {
            h.open("link", "rel", "alternate", "type", a.type().mediaType(), "href", a.href());
        }
        h.open("style").markup(STYLE).close("style").close("head").open("body");
        h.open("header", "class", "site").open("nav", "class", "crumbs", "aria-label", "breadcrumbs");
        h.open("span").link(homeHref, "coop-kg", "class", "brand").close("span");
        for (Crumb c : crumbs) {
            h.open("span");
            if (c.href() == null) h.text(c.text());
            else h.link(c.href(), c.text());
            h.close("span");
        }
        h.close("nav").close("header");
        h.open("main").append(body).close("main");
        h.open("footer", "class", "site")
                .text("coop-kg: international science and technology cooperation as Linked Data · ")
                .link(footerHrefPrefix + CoopIris.HOME_PATH.substring(1), "all entities").text(" · ")
                .link(footerHrefPrefix + CoopIris.ONTOLOGY_PATH.substring(1), "ontology").text(" · ")
                .link(footerHrefPrefix + CoopIris.VOID_PATH.substring(1), "data set description (VoID)").text(" · ")
                .link(footerHrefPrefix + CoopIris.SPARQL_PATH.substring(1), "SPARQL endpoint").text(" · ")
                .link(footerHrefPrefix.isEmpty() ? "./" : footerHrefPrefix, "query page")
                .close("footer");
        h.close("body").close("html");
        return h.toString();
    }

    /** The relative prefix from a server path back to the server root ({@code /id/person/x} → {@code ../../}). */
    public static String rootPrefix(String fromPath) {
        String r = PageLinks.relative(fromPath, "/");
        return r.equals("./") ? "" : r;
    }
}

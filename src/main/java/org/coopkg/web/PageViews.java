package org.coopkg.web;

import java.util.List;

import org.apache.jena.atlas.json.JsonValue;
import org.coopkg.core.CoopIris;

/**
 * What the pictures on an entity's page need besides their table: the data, embedded in the page as JSON (never as
 * HTML, so a name cannot become markup), a place to draw in, and the scripts that draw, all served by this server
 * from the query page's assets ({@code /web/}). Without JavaScript the table is all there is, and it says the same.
 */
final class PageViews {
    /** The scripts of the views, in load order (d3-geo needs d3-array). */
    static final List<String> SCRIPTS = List.of("cytoscape.min.js", "d3-array.min.js", "d3-geo.min.js",
            "topojson-client.min.js", "views.js", "entity-views.js");

    /** The class of every element a view draws in: a page that has one gets the scripts. */
    static final String CANVAS_CLASS = "coop-view";

    private PageViews() {}

    /** Whether a page body has a view to draw. */
    static boolean drawsIn(Html body) {
        return body.toString().contains("class=\"" + CANVAS_CLASS + "\"");
    }

    /** {@code <script type="application/json" id="…">} with the data; {@code <} and {@code &} written as escapes. */
    static void data(Html h, String id, JsonValue json) {
        String text = json.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        h.open("script", "type", "application/json", "id", id).markup(text).close("script");
    }

    /** The element a view draws in, hidden until its script has drawn (so a page without scripts shows no empty box). */
    static void canvas(Html h, String id, String label) {
        h.open("div", "id", id, "class", CANVAS_CLASS, "role", "img", "aria-label", label, "hidden", "hidden").close("div");
    }

    /** The view scripts and their style sheet, once per page, after the sections that use them. */
    static void scripts(Html h, String pagePath) {
        String root = PageLayout.rootPrefix(pagePath);
        h.open("link", "rel", "stylesheet", "href", root + CoopIris.ASSETS_PATH.substring(1) + "views.css");
        for (String script : SCRIPTS) {
            h.open("script", "src", root + CoopIris.ASSETS_PATH.substring(1) + script, "defer", "defer").close("script");
        }
    }
}

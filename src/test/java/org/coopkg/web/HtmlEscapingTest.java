package org.coopkg.web;

import static org.coopkg.web.HttpTestClient.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.coopkg.derive.CoopLoader;
import org.coopkg.load.CuratedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values come from curated data and must never become markup: a tiny folder whose label, description,
 * evidence and note carry script tags and quotes is served, and every page that shows them escapes them.
 */
class HtmlEscapingTest {
    private static final String EVIL_LABEL = "<script>alert(1)</script> \"quotes\" & 'apostrophes'";

    @TempDir
    Path dir;

    @Test
    void markupInValuesIsEscapedOnEveryPage() throws Exception {
        Files.writeString(dir.resolve("sources.csv"), """
                id,type,title,text_file
                s1,Article,"Source <b>bold</b>",s1.txt
                """);
        Files.writeString(dir.resolve("places.csv"), """
                id,type,label,within,iso_code,source,evidence,support
                evil,Country,"<script>alert(1)</script> ""quotes"" & 'apostrophes'",,EV,s1,"quote with <script>alert(3)</script>",stated
                """);
        Files.writeString(dir.resolve("organisations.csv"), """
                id,type,label,country,description,source,evidence,support
                org,University,"Uni ""<i>"" &amp;",evil,"<img src=x onerror=alert(2)> and ""quoted"" text",s1,"evidence <b>",stated
                """);
        Files.writeString(dir.resolve("external-links.csv"), """
                entity,dataset,identifier,match,verified_at,verified_on,note
                place/evil,wikidata,Q1,sameAs,https://example.org/check?a=1&b='x',2026-11-28,"note <script>alert(4)</script>"
                """);
        var graph = new CoopLoader(CuratedFiles.directory(dir), "http://example.org/").load();
        try (CoopServer server = CoopServer.builder().dataset(graph.dataset()).base("http://example.org/")
                .port(0).loopback(true).build().start()) {
            String root = "http://localhost:" + server.port();
            for (String path : List.of("/id/place/evil", "/id/organisation/org", "/id/place/", "/id/organisation/",
                    "/id/source/s1", "/id/assertion/place-evil", "/id/assertion/link-place-evil-wikidata")) {
                var r = get(root + path, "text/html");
                assertEquals(200, r.statusCode(), path);
                String html = r.body();
                assertOnlyOwnScripts(path, html);
                assertFalse(html.contains("<img"), path);
                assertFalse(html.contains("<b>") || html.contains("<i>"), path);
            }
            String place = get(root + "/id/place/evil", "text/html").body();
            assertTrue(place.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;quotes&quot; &amp; &#39;apostrophes&#39;"), place);
            assertTrue(place.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;"), "title element escaped too");
            assertTrue(place.contains("quote with &lt;script&gt;alert(3)&lt;/script&gt;"), "evidence escaped");
            assertTrue(place.contains("note &lt;script&gt;alert(4)&lt;/script&gt;"), "link note escaped");
            assertTrue(place.contains("href=\"https://example.org/check?a=1&amp;b=&#39;x&#39;\""), "attribute values escaped");
            String org = get(root + "/id/organisation/org", "text/html").body();
            assertTrue(org.contains("&lt;img src=x onerror=alert(2)&gt; and &quot;quoted&quot; text"), org);
            assertTrue(org.contains("Uni &quot;&lt;i&gt;&quot; &amp;amp;"), "an entity in data stays text");
            assertTrue(get(root + "/id/place/", "text/html").body().contains("&lt;script&gt;alert(1)"));
            assertTrue(EVIL_LABEL.contains("<script>"));
            assertTrue(place.contains("\\u003cscript\\u003ealert(1)"), "the views' data escapes < too");
        }
    }

    /**
     * The only scripts of a page are the views' own, from this server's /web/, and their data as JSON in which no
     * '<' can close the element (so no value in the data can become markup).
     */
    private static void assertOnlyOwnScripts(String path, String html) {
        java.util.regex.Matcher tag = java.util.regex.Pattern.compile("<script([^>]*)>(.*?)</script>", java.util.regex.Pattern.DOTALL)
                .matcher(html);
        while (tag.find()) {
            String attributes = tag.group(1);
            if (attributes.startsWith(" type=\"application/json\" id=\"coop-")) {
                assertFalse(tag.group(2).contains("<"), path + ": markup in the views' data: " + tag.group(2));
                continue;
            }
            java.util.regex.Matcher src = java.util.regex.Pattern.compile(" src=\"(?:\\.\\./)*web/([a-z0-9.-]+)\" defer=\"defer\"").matcher(attributes);
            assertTrue(src.matches() && PageViews.SCRIPTS.contains(src.group(1)), path + ": a script that is not the views': " + tag.group());
        }
    }
}

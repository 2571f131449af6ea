package org.coopkg.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coopkg.core.Sha256;

/**
 * The query page: {@code GET /} is {@code index.html}, and {@code /web/…} its assets (YASGUI, the page's
 * script and style), all read from the classpath folder {@code /web/} where the build puts them, plus
 * {@code /web/page.json}, the page's data ({@link PageData}). Nothing is fetched from another host: the
 * page's Content-Security-Policy allows this origin only. An unknown asset is a 404.
 */
final class QueryPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** Where the pages and assets are on the classpath. */
    static final String RESOURCES = "/web/";
    /** The path, under {@link #RESOURCES}, of the page's data. */
    static final String DATA = "page.json";

    private static final Pattern ASSET_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8");

    /**
     * The page loads scripts, styles, data and SPARQL results from this origin only; YASGUI sets inline
     * styles and uses data: images for a few icons.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; connect-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    private record Asset(byte[] bytes, String type, String etag) {}

    private final transient PageData data;
    private final boolean root;
    /** Assets read so far, hits only: a request for a missing name must not grow it (any client can send any name). */
    private final transient Map<String, Asset> cache = new ConcurrentHashMap<>();

    private QueryPageServlet(PageData data, boolean root) {
        this.data = data;
        this.root = root;
    }

    /** The servlet for {@code /}: the page itself. */
    static QueryPageServlet page(PageData data) {
        return new QueryPageServlet(data, true);
    }

    /** The servlet for {@code /web/*}: the page's assets and data. */
    static QueryPageServlet assets(PageData data) {
        return new QueryPageServlet(data, false);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name;
        if (root) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!path.equals("/") && !path.isEmpty()) {
                notFound(response);
                return;
            }
            name = "index.html";
        } else {
            String path = request.getPathInfo();
            name = path == null || path.length() < 2 ? "" : path.substring(1);
        }
        // computeIfAbsent stores nothing when load finds nothing (null).
        Optional<Asset> asset = name.equals(DATA) && !root ? Optional.of(data())
                : Optional.ofNullable(cache.computeIfAbsent(name, n -> load(n).orElse(null)));
        if (asset.isEmpty()) {
            notFound(response);
            return;
        }
        send(request, response, asset.get(), name.equals(DATA) || name.equals("index.html"));
    }

    private Asset data() {
        return asset(data.json().getBytes(StandardCharsets.UTF_8), TYPES.get("json"));
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, Asset asset, boolean revalidate)
            throws IOException {
        response.setHeader("ETag", asset.etag());
        // The page and its data are checked on every load; the assets may be reused for an hour.
        response.setHeader("Cache-Control", revalidate ? "no-cache" : "public, max-age=3600");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (asset.type().startsWith("text/html")) {
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.setHeader("Referrer-Policy", "no-referrer");
        }
        if (matches(request.getHeader("If-None-Match"), asset.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(asset.type());
        response.setContentLength(asset.bytes().length);
        if (!"HEAD".equals(request.getMethod())) response.getOutputStream().write(asset.bytes());
    }

    /**
     * Whether an If-None-Match header names this entity tag (RFC 9110 13.1.2): {@code *}, or a list of
     * tags compared weakly, so {@code W/"x"} matches {@code "x"} (a proxy may have weakened ours).
     */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) return true;
        }
        return false;
    }

    /** How many assets are held in memory: for the test that misses do not fill the cache. */
    int cachedAssets() {
        return cache.size();
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/plain; charset=utf-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write("Not found\n".getBytes(StandardCharsets.UTF_8));
    }

    /** A file of {@code /web/} by its name (no sub-folders, no dot files), if it exists and has a known type. */
    private static Optional<Asset> load(String name) {
        if (!ASSET_NAME.matcher(name).matches() || name.contains("..")) return Optional.empty();
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
        if (type == null) return Optional.empty();
        try (InputStream in = QueryPageServlet.class.getResourceAsStream(RESOURCES + name)) {
            return in == null ? Optional.empty() : Optional.of(asset(in.readAllBytes(), type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Asset asset(byte[] bytes, String type) {
        return new Asset(bytes, type, "\"" + Sha256.hex(bytes, 16) + "\"");
    }
}

package org.coopkg.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.coopkg.core.CoopIris;
import org.coopkg.core.Sha256;

/**
 * Answers of a read-only server, kept: the same query (its text and every other parameter), asked with the same
 * {@code Accept}, of the same data gets the same bytes without running again. The data of a read-only server cannot
 * change while it runs, so its version is the server's start ({@code ETag: "version-hash"}); a server that takes
 * updates has no cache. Bounded by size (least recently used answers go first; an answer larger than a tenth of the
 * cache is not kept). Clients get {@code ETag} and {@code Cache-Control: public, max-age=…} on every answer of the
 * query endpoints, and {@code 304 Not Modified} for an {@code If-None-Match} that still holds, whether or not the
 * answer was in the cache. Only complete 200 answers are kept: a timeout, an error or a capped answer with its
 * headers is served again as it was.
 */
final class ResultCache implements Filter {
    static final String STATUS = "X-Coopkg-Cache";
    private static final Set<String> ROUTES = Set.of(CoopIris.SPARQL_PATH, CoopIris.QUERY_PATH, CoopIris.DATASET_PATH);
    /** Headers that belong to one exchange, not to the answer. */
    private static final Set<String> NOT_REPLAYED = Set.of(RequestGuard.REQUEST_ID.toLowerCase(), "fuseki-request-id",
            "date", "content-length", "etag", "cache-control", STATUS.toLowerCase());

    private final String version = UUID.randomUUID().toString().substring(0, 8);
    private final long maxBytes;
    private final long maxAgeSeconds;
    private final Map<String, Answer> answers = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    /** A cache of at most {@code maxBytes}; clients may reuse an answer for {@code maxAgeSeconds}. */
    ResultCache(long maxBytes, long maxAgeSeconds) {
        this.maxBytes = maxBytes;
        this.maxAgeSeconds = maxAgeSeconds;
    }

    private record Answer(String etag, List<String[]> headers, byte[] body) {}

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String key = key(request);
        if (key == null) {
            chain.doFilter(req, res);
            return;
        }
        String etag = "\"" + version + "-" + Sha256.hex(key, 8) + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "public, max-age=" + maxAgeSeconds);
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        Answer kept = get(key);
        if (kept != null) {
            response.setHeader(STATUS, "hit");
            kept.headers.forEach(h -> response.addHeader(h[0], h[1]));
            response.setStatus(200);
            response.setContentLength(kept.body.length);
            response.getOutputStream().write(kept.body);
            return;
        }
        response.setHeader(STATUS, "miss");
        Recording recording = new Recording(response, maxBytes / 10);
        chain.doFilter(req, recording);
        recording.flushBuffer();
        if (recording.status == 200 && !recording.overflowed) put(key, new Answer(etag, recording.headers, recording.copy.toByteArray()));
    }

    /** The cache key of a query request, or null when the request is not a query this cache answers. */
    private static String key(HttpServletRequest request) throws IOException {
        if (!ROUTES.contains(request.getRequestURI())) return null;
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("POST")) return null;
        StringBuilder key = new StringBuilder(request.getRequestURI()).append('\n');
        Map<String, String[]> parameters = new TreeMap<>(request.getParameterMap());
        String contentType = request.getContentType();
        if (method.equals("POST") && contentType != null && contentType.startsWith("application/sparql-query")) {
            key.append("query=").append(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).append('\n');
        } else if (!parameters.containsKey("query")) {
            // Graph Store reads, the service description, updates: not cached.
            return null;
        }
        parameters.forEach((name, values) -> key.append(name).append('=').append(String.join("\u0000", values)).append('\n'));
        key.append("accept=").append(String.valueOf(request.getHeader("Accept")));
        return key.toString();
    }

    private synchronized Answer get(String key) {
        return answers.get(key);
    }

    private synchronized void put(String key, Answer answer) {
        Answer old = answers.put(key, answer);
        if (old != null) bytes -= old.body.length;
        bytes += answer.body.length;
        var eldest = answers.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().body.length;
            eldest.remove();
        }
    }

    /** The response as it is written, with a copy of its body (up to a limit) and of the headers to replay. */
    private static final class Recording extends HttpServletResponseWrapper {
        final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        final List<String[]> headers = new ArrayList<>();
        private final long limit;
        int status = 200;
        boolean overflowed;
        private ServletOutputStream stream;

        Recording(HttpServletResponse response, long limit) {
            super(response);
            this.limit = limit;
        }

        @Override
        public void setStatus(int sc) {
            status(sc);
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            status(sc);
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            status(sc);
            super.sendError(sc);
        }

        /** An error or a timeout is not an answer to reuse: clients are told not to keep it either. */
        private void status(int sc) {
            status = sc;
            if (sc != 200) {
                super.setHeader("ETag", null);
                super.setHeader("Cache-Control", "no-store");
            }
        }

        @Override
        public void setHeader(String name, String value) {
            record(name, value, true);
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            record(name, value, false);
            super.addHeader(name, value);
        }

        @Override
        public void setContentType(String type) {
            record("Content-Type", type, true);
            super.setContentType(type);
        }

        private void record(String name, String value, boolean replace) {
            if (NOT_REPLAYED.contains(name.toLowerCase())) return;
            if (replace) headers.removeIf(h -> h[0].equalsIgnoreCase(name));
            if (value != null) headers.add(new String[] {name, value});
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream out = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                        keep(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                        keep(b, off, len);
                    }

                    @Override
                    public void flush() throws IOException {
                        out.flush();
                    }

                    @Override
                    public boolean isReady() {
                        return out.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        out.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            // Answers written as text are not kept.
            overflowed = true;
            return super.getWriter();
        }

        private void keep(byte[] b, int off, int len) {
            if (overflowed) return;
            if (copy.size() + len > limit) {
                overflowed = true;
                copy.reset();
                return;
            }
            copy.write(b, off, len);
        }
    }
}

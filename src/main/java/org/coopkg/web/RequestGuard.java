package org.coopkg.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first filter every request meets (after CORS). It
 * <ul>
 * <li>gives the request an id, sent back in {@code X-Request-Id} on every response and written in the log
 * line of every error, so a user's report can be matched with the server log;</li>
 * <li>refuses request bodies over the limit (413) and bodies, forms and query strings that are not UTF-8
 * (400), and a request that carries both a query and an update (400);</li>
 * <li>turns every error response into one line of plain text, {@code Error 400: reason}, with no stack
 * trace, exception class or source path: those go to the server log only.</li>
 * </ul>
 */
final class RequestGuard implements Filter {
    static final String REQUEST_ID = "X-Request-Id";
    private static final Logger LOG = LoggerFactory.getLogger("org.coopkg.web.Requests");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern INTERNALS = Pattern.compile(
            "(?s).*(\\bat [a-z]+\\.[\\w.$]+\\(|\\.java:\\d|Exception|Error:|\\bjava\\.|\\borg\\.(apache|eclipse|coopkg)\\.).*");
    private static final int MAX_MESSAGE = 500;
    /** Request attribute: the error body is a report, one line per problem, sent as it is. */
    private static final String REPORT = "org.coopkg.server.report";

    private final long maxBodyBytes;

    RequestGuard(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String id = requestId(request);
        OneLineErrors response = new OneLineErrors((HttpServletResponse) res, id);
        response.setHeader(REQUEST_ID, id);
        try {
            HttpServletRequest checked = check(request);
            if (checked != null) chain.doFilter(checked, response);
        } catch (Refused e) {
            response.refuse(e.status, e.getMessage());
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                LOG.warn("[{}] {} {}: failed after the response started: {}", id, request.getMethod(), request.getRequestURI(), e.toString());
                throw e;
            }
            LOG.error("[{}] {} {}: internal error", id, request.getMethod(), request.getRequestURI(), e);
            response.refuse(500, "internal error; report it with the request id " + id);
        }
        response.finish(request);
    }

    /**
     * Marks the error of this request as a report written by coop-kg (e.g. the SHACL violations of an update):
     * it is sent as {@code Error 422: summary} followed by one line per problem, not cut to one line.
     */
    private static void keepReport(HttpServletRequest request) {
        request.setAttribute(REPORT, Boolean.TRUE);
    }

    /** Runs a write; if the data would break the shapes, the error keeps its whole report (see above). */
    static void reportingShapeViolations(HttpServletRequest request, Runnable write) {
        try {
            write.run();
        } catch (CuratedDataset.ShapesViolated e) {
            keepReport(request);
            throw e;
        }
    }

    private static String requestId(HttpServletRequest request) {
        String given = request.getHeader(REQUEST_ID);
        if (given != null && CLIENT_ID.matcher(given).matches()) return given;
        return Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    /** The request to pass on (its body read and checked), or throws {@link Refused}. */
    private HttpServletRequest check(HttpServletRequest request) throws IOException {
        String query = request.getQueryString();
        if (query != null) strictDecode(query, "the query string");
        long declared = request.getContentLengthLong();
        boolean hasBody = declared > 0 || request.getHeader("Transfer-Encoding") != null;
        if (!hasBody) {
            checkOneOperation(query, null);
            return request;
        }
        if (declared > maxBodyBytes) throw tooLarge();
        byte[] body = readAtMost(request.getInputStream(), maxBodyBytes);
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        String charset = parameter(type, "charset");
        boolean text = type.startsWith("application/sparql-") || type.startsWith("application/x-www-form-urlencoded")
                || type.startsWith("text/") || type.contains("json") || type.contains("xml") || type.contains("n-triples")
                || type.contains("n-quads") || type.contains("trig");
        if (text && charset != null && !charset.equals("utf-8")) {
            throw new Refused(415, "charset '" + charset + "' is not supported; send the body as UTF-8");
        }
        Map<String, List<String>> form = null;
        if (type.startsWith("application/x-www-form-urlencoded")) {
            String formText = utf8(body, "the form body");
            strictDecode(formText, "the form body");
            form = new LinkedHashMap<>();
            if (query != null) addParams(form, query);
            addParams(form, formText);
        } else if (text) {
            utf8(body, "the request body");
        }
        checkOneOperation(query, form);
        return new BufferedRequest(request, body, form);
    }

    /** SPARQL Protocol: a request is either a query or an update. */
    private static void checkOneOperation(String query, Map<String, List<String>> form) {
        Map<String, List<String>> params = form;
        if (params == null) {
            params = new LinkedHashMap<>();
            if (query != null) addParams(params, query);
        }
        if (params.containsKey("query") && params.containsKey("update")) {
            throw new Refused(400, "the request has both a 'query' and an 'update' parameter; send one per request");
        }
    }

    private Refused tooLarge() {
        return new Refused(413, "the request body is larger than " + maxBodyBytes + " bytes");
    }

    private byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            if (out.size() > limit) throw tooLarge();
        }
        return out.toByteArray();
    }

    private static String parameter(String contentType, String name) {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.startsWith(name + "=")) return p.substring(name.length() + 1).replace("\"", "").strip();
        }
        return null;
    }

    private static String utf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(400, what + " is not valid UTF-8; encode it as UTF-8");
        }
    }

    /** Percent-decodes {@code text} to bytes and checks they are UTF-8. */
    private static String strictDecode(String text, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw new Refused(400, what + " has a malformed percent-escape at character " + (i + 1));
                }
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return utf8(bytes.toByteArray(), what);
    }

    private static void addParams(Map<String, List<String>> params, String encoded) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = strictDecode(eq < 0 ? pair : pair.substring(0, eq), "a parameter name");
            String value = eq < 0 ? "" : strictDecode(pair.substring(eq + 1), "the parameter '" + name + "'");
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    /** A message without internals, on one line, at most {@value #MAX_MESSAGE} characters. */
    static String oneLine(int status, String message) {
        String text = message == null ? "" : message.strip();
        if (text.startsWith("Error " + status + ":")) text = text.substring(("Error " + status + ":").length()).strip();
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        // A parse error echoes the query; the line that says where it is wrong is the useful one.
        String located = lines.stream().filter(l -> l.matches(".*\\bline \\d+, column \\d+.*")).findFirst().orElse(null);
        String result = located != null ? (lines.get(0).endsWith(":") ? lines.get(0) + " " : "") + located
                : String.join(" ", lines);
        if (INTERNALS.matcher(result).matches()) {
            result = status >= 500 ? "internal error" : reasonOf(status);
        }
        if (result.isEmpty()) result = reasonOf(status);
        return result.length() <= MAX_MESSAGE ? result : result.substring(0, MAX_MESSAGE - 3) + "...";
    }

    private static String reasonOf(int status) {
        return switch (status) {
            case 400 -> "bad request";
            case 401 -> "authentication required";
            case 404 -> "not found";
            case 405 -> "method not allowed";
            case 406 -> "none of the formats in Accept can be produced";
            case 413 -> "request body too large";
            case 415 -> "unsupported Content-Type";
            case 422 -> "the request breaks a constraint";
            case 503 -> "service unavailable";
            default -> "error";
        };
    }

    /** A request refused before it reaches the endpoint. */
    private static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** The request with its body already read (and checked), served again from memory. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;
        private final Map<String, List<String>> form;

        BufferedRequest(HttpServletRequest request, byte[] body, Map<String, List<String>> form) {
            super(request);
            this.body = body;
            this.form = form;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) { throw new IllegalStateException("blocking only"); }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public String getParameter(String name) {
            if (form == null) return super.getParameter(name);
            List<String> values = form.get(name);
            return values == null ? null : values.get(0);
        }

        @Override
        public String[] getParameterValues(String name) {
            if (form == null) return super.getParameterValues(name);
            List<String> values = form.get(name);
            return values == null ? null : values.toArray(String[]::new);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (form == null) return super.getParameterMap();
            Map<String, String[]> map = new LinkedHashMap<>();
            form.forEach((k, v) -> map.put(k, v.toArray(String[]::new)));
            return Collections.unmodifiableMap(map);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return form == null ? super.getParameterNames() : Collections.enumeration(form.keySet());
        }
    }

    /**
     * Catches the body of every error response (status 400 and above, set before the body starts) and
     * writes it again as one plain-text line; logs it with the request id.
     */
    private static final class OneLineErrors extends HttpServletResponseWrapper {
        private final String id;
        private int status = 200;
        private ByteArrayOutputStream captured;
        private ServletOutputStream capturedStream;
        private PrintWriter capturedWriter;
        /** An error came after the answer had started (e.g. a timeout while streaming): the answer must look cut. */
        private boolean failedAfterCommit;
        /** The error came from {@code sendError} (a bare message), not from a servlet that wrote its own body. */
        private boolean fromSendError;

        OneLineErrors(HttpServletResponse response, String id) {
            super(response);
            this.id = id;
        }

        private boolean capturing() {
            return status >= 400 && !getResponse().isCommitted();
        }

        @Override
        public void setStatus(int sc) {
            if (sc >= 400 && getResponse().isCommitted()) failedAfterCommit = true;
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) {
            if (getResponse().isCommitted()) {
                if (sc >= 400) failedAfterCommit = true;
                return;
            }
            status = sc;
            super.setStatus(sc);
            fromSendError = true;
            captured = new ByteArrayOutputStream();
            captured.writeBytes((msg == null ? "" : msg).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void sendError(int sc) {
            sendError(sc, null);
        }

        @Override
        public void reset() {
            super.reset();
            setHeader(REQUEST_ID, id);
            status = 200;
            fromSendError = false;
            captured = null;
            capturedStream = null;
            capturedWriter = null;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!capturing()) super.flushBuffer();
        }

        @Override
        public void setContentLength(int len) {
            if (!capturing()) super.setContentLength(len);
        }

        @Override
        public void setContentLengthLong(long len) {
            if (!capturing()) super.setContentLengthLong(len);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (failedAfterCommit) return discard();
            if (!capturing()) return super.getOutputStream();
            if (capturedStream == null) {
                if (captured == null) captured = new ByteArrayOutputStream();
                ByteArrayOutputStream sink = captured;
                capturedStream = new ServletOutputStream() {
                    @Override public void write(int b) { sink.write(b); }
                    @Override public void write(byte[] b, int off, int len) { sink.write(b, off, len); }
                    @Override public boolean isReady() { return true; }
                    @Override public void setWriteListener(WriteListener listener) { throw new IllegalStateException("blocking only"); }
                };
            }
            return capturedStream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (failedAfterCommit) return new PrintWriter(discard());
            if (!capturing()) return super.getWriter();
            if (capturedWriter == null) {
                capturedWriter = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), true);
            }
            return capturedWriter;
        }

        private static ServletOutputStream discard() {
            return new ServletOutputStream() {
                @Override public void write(int b) {}
                @Override public boolean isReady() { return true; }
                @Override public void setWriteListener(WriteListener listener) { throw new IllegalStateException("blocking only"); }
            };
        }

        void refuse(int sc, String message) {
            if (getResponse().isCommitted()) return;
            getResponse().resetBuffer();
            sendError(sc, message);
        }

        /** Writes the captured error as one line (and logs it). */
        void finish(HttpServletRequest request) throws IOException {
            if (failedAfterCommit) {
                String what = captured == null ? "" : captured.toString(StandardCharsets.UTF_8).strip();
                LOG.warn("[{}] {} {} -> {} after the answer had started; connection cut: {}", id, request.getMethod(),
                        request.getRequestURI(), status, what);
                // Thrown after the status line was sent, an exception makes Jetty abort the connection: the
                // client sees a broken transfer instead of a short answer that looks complete.
                throw new IOException("answer cut after it had started (" + status + ")");
            }
            if (captured == null) {
                if (status >= 400) LOG.info("[{}] {} {} -> {}", id, request.getMethod(), request.getRequestURI(), status);
                return;
            }
            if (capturedWriter != null) capturedWriter.flush();
            String original = captured.toString(StandardCharsets.UTF_8);
            if (request.getAttribute(REPORT) != null && !getResponse().isCommitted()) {
                String report = original.strip();
                if (report.startsWith("Error " + status + ":")) report = report.substring(("Error " + status + ":").length()).strip();
                LOG.info("[{}] {} {} -> {}: {}", id, request.getMethod(), request.getRequestURI(), status,
                        report.replace('\n', ' '));
                HttpServletResponse response = (HttpServletResponse) getResponse();
                response.resetBuffer();
                response.setStatus(status);
                response.setHeader(REQUEST_ID, id);
                response.setContentType("text/plain;charset=utf-8");
                byte[] body = ("Error " + status + ": " + report + "\n").getBytes(StandardCharsets.UTF_8);
                response.setContentLength(body.length);
                writeBody(response, body);
                return;
            }
            String contentType = getContentType() == null ? "" : getContentType();
            // A body a servlet wrote on purpose (a one-line message, an HTML "not found" page) is kept as it is,
            // unless it shows internals; anything else becomes one line.
            String stripped = original.strip();
            boolean keep = !fromSendError && !original.isBlank() && !INTERNALS.matcher(original).matches()
                    && (contentType.startsWith("text/html") || stripped.lines().count() == 1
                            && (stripped.startsWith(status + " ") || stripped.startsWith("Error " + status + ":")));
            String line = keep ? original.strip().lines().findFirst().orElse("") : oneLine(status, original);
            if (status >= 500) {
                LOG.warn("[{}] {} {} -> {}: {}", id, request.getMethod(), request.getRequestURI(), status, original.strip());
            } else {
                LOG.info("[{}] {} {} -> {}: {}", id, request.getMethod(), request.getRequestURI(), status, line);
            }
            HttpServletResponse response = (HttpServletResponse) getResponse();
            if (response.isCommitted()) return;
            response.resetBuffer();
            if (keep) {
                byte[] body = captured.toByteArray();
                response.setContentLength(body.length);
                writeBody(response, body);
                return;
            }
            response.setStatus(status);
            response.setHeader(REQUEST_ID, id);
            response.setContentType("text/plain;charset=utf-8");
            byte[] body = ("Error " + status + ": " + line + "\n").getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            writeBody(response, body);
        }

        private static void writeBody(HttpServletResponse response, byte[] body) throws IOException {
            try {
                response.getOutputStream().write(body);
            } catch (IllegalStateException writerInUse) {
                response.getWriter().write(new String(body, StandardCharsets.UTF_8));
                response.getWriter().flush();
            }
        }
    }
}

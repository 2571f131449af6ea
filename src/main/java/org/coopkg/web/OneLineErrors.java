package org.coopkg.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches the body of every error response (status 400 and above, set before the body starts) and writes it again
 * as one {@link ErrorLine}; logs it with the request id. A body that already is one error line, an HTML page a
 * servlet wrote on purpose, and a report marked with {@link #reportingShapeViolations} are kept.
 */
final class OneLineErrors extends HttpServletResponseWrapper {
    private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.LOG_NAME);
    /** Request attribute: the error body is a report, one line per problem, sent as it is. */
    private static final String REPORT = "org.coopkg.web.report";

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
        setHeader(RequestGuard.REQUEST_ID, id);
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
            String report = ErrorLine.withoutPrefix(status, original.strip());
            LOG.info("[{}] {} {} -> {}: {}", id, request.getMethod(), request.getRequestURI(), status,
                    report.replace('\n', ' '));
            getResponse().resetBuffer();
            writeErrorLine(report);
            return;
        }
        String contentType = getContentType() == null ? "" : getContentType();
        // A body a servlet wrote on purpose (an error line, an HTML "not found" page) is kept as it is, unless it
        // shows internals; anything else becomes one line.
        boolean keep = !fromSendError && !original.isBlank() && !ErrorLine.showsInternals(original)
                && (contentType.startsWith("text/html") || ErrorLine.isOneLine(status, original));
        String line = keep ? ErrorLine.withoutPrefix(status, original.strip()) : ErrorLine.oneLine(status, original);
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
        writeErrorLine(line);
    }

    /** Replaces whatever was captured by {@code Error N: text}, with the request id. */
    private void writeErrorLine(String text) throws IOException {
        HttpServletResponse response = (HttpServletResponse) getResponse();
        response.setStatus(status);
        response.setHeader(RequestGuard.REQUEST_ID, id);
        response.setContentType("text/plain;charset=utf-8");
        byte[] body = ErrorLine.body(status, text).getBytes(StandardCharsets.UTF_8);
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

    /** Runs a write; if the data would break the shapes, the error keeps its whole report, one line per problem. */
    static void reportingShapeViolations(HttpServletRequest request, Runnable write) {
        try {
            write.run();
        } catch (CuratedDataset.ShapesViolated e) {
            request.setAttribute(REPORT, Boolean.TRUE);
            throw e;
        }
    }
}

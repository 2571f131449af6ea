package org.coopkg.web;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first filter every request meets (after CORS). It gives the request an id, sent back in {@code X-Request-Id}
 * on every response and written in the log line of every error, so a user's report can be matched with the server
 * log; it has the request checked ({@link BodyCheck}); and every error answer leaves as one {@link ErrorLine}
 * ({@link OneLineErrors}), an unexpected exception included.
 */
final class RequestGuard implements Filter {
    static final String REQUEST_ID = "X-Request-Id";
    /** The log of requests that failed, by id. */
    static final String LOG_NAME = "org.coopkg.web.Requests";
    private static final Logger LOG = LoggerFactory.getLogger(LOG_NAME);
    /** An id a client may choose for its request, to find it in the log. */
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final BodyCheck check;

    RequestGuard(long maxBodyBytes) {
        this.check = new BodyCheck(maxBodyBytes);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String id = requestId(request);
        OneLineErrors response = new OneLineErrors((HttpServletResponse) res, id);
        response.setHeader(REQUEST_ID, id);
        request.setAttribute(REQUEST_ID, id);
        try {
            chain.doFilter(check.check(request), response);
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

    private static String requestId(HttpServletRequest request) {
        String given = request.getHeader(REQUEST_ID);
        if (given != null && CLIENT_ID.matcher(given).matches()) return given;
        return Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }
}

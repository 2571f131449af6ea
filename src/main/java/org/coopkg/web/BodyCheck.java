package org.coopkg.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Checks a request before any endpoint sees it: a body over the limit is 413; a body, form or query string that is
 * not UTF-8, or a request that carries both a query and an update, is 400. A body is read once, here, and served
 * again from memory ({@link BufferedRequest}), with the form parameters parsed strictly.
 */
final class BodyCheck {
    /** How much of a body over the limit is read and dropped before the 413 (see {@link #tooLarge}). */
    private static final long DISCARDED_AT_MOST = 1 << 20;

    private final long maxBodyBytes;

    BodyCheck(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The request to pass on (its body read and checked), or throws {@link Refused}. */
    HttpServletRequest check(HttpServletRequest request) throws IOException {
        String query = request.getQueryString();
        if (query != null) strictDecode(query, "the query string");
        long declared = request.getContentLengthLong();
        boolean hasBody = declared > 0 || request.getHeader("Transfer-Encoding") != null;
        if (!hasBody) {
            checkOneOperation(query, null);
            return request;
        }
        if (declared > maxBodyBytes) throw tooLarge(request.getInputStream());
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

    /**
     * The 413, once the rest of the body (up to {@link #DISCARDED_AT_MOST}) has been read and dropped: a server that
     * answers and closes while the client is still sending leaves many clients with a reset connection instead of
     * the answer. Past that bound the connection is closed all the same.
     */
    private Refused tooLarge(InputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        long discarded = 0;
        for (int n; discarded < DISCARDED_AT_MOST && (n = body.read(buffer)) >= 0; ) discarded += n;
        return new Refused(413, "the request body is larger than " + maxBodyBytes + " bytes");
    }

    private byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            if (out.size() > limit) throw tooLarge(in);
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
}

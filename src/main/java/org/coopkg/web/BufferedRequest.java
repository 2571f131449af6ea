package org.coopkg.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** The request with its body already read (and checked), served again from memory. */
final class BufferedRequest extends HttpServletRequestWrapper {
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

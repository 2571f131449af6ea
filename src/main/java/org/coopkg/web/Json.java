package org.coopkg.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Sends a JSON answer of the web API: UTF-8, never sniffed, revalidated on every use; HEAD gets no body. */
final class Json {
    static final String MEDIA_TYPE = "application/json";

    private Json() {}

    static void send(HttpServletRequest request, HttpServletResponse response, String json) throws IOException {
        send(request, response, json, MEDIA_TYPE);
    }

    static void send(HttpServletRequest request, HttpServletResponse response, String body, String mediaType)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(mediaType + "; charset=utf-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(bytes.length);
        if (!"HEAD".equalsIgnoreCase(request.getMethod())) response.getOutputStream().write(bytes);
    }
}

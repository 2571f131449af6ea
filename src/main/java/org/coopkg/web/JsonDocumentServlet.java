package org.coopkg.web;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** One JSON document at one path, made once on first request (e.g. the OpenAPI description). */
final class JsonDocumentServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Supplier<String> document;
    private transient volatile String made;

    JsonDocumentServlet(Supplier<String> document) {
        this.document = document;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String json = made;
        if (json == null) {
            json = document.get();
            made = json;
        }
        Json.send(request, response, json);
    }
}

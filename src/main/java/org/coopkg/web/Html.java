package org.coopkg.web;

import java.util.Locale;


/**
 * A small HTML writer in which every piece of text and every attribute value is escaped: values come from
 * curated data (labels, quotes, descriptions, IRIs) and must never become markup. Tag and attribute names
 * are only ever code constants. Link targets are checked too: only http(s) IRIs and relative paths become
 * {@code href}s, so a {@code javascript:} IRI in the data stays text.
 */
public final class Html {
    private final StringBuilder out = new StringBuilder(8192);

    /** Escapes the five characters that are special in HTML text and in quoted attribute values. */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Whether a link target is safe to put in an href: http(s), or relative without a scheme. */
    public static boolean safeHref(String href) {
        if (href == null || href.isEmpty()) return false;
        String lower = href.toLowerCase(Locale.ROOT).strip();
        if (lower.startsWith("http://") || lower.startsWith("https://")) return true;
        int colon = lower.indexOf(':');
        int slash = lower.indexOf('/');
        int hash = lower.indexOf('#');
        // A colon before any slash or fragment would be read as a scheme (javascript:, data:, …).
        return colon < 0 || (slash >= 0 && slash < colon) || (hash >= 0 && hash < colon);
    }

    /** Opens an element; attributes come as name, value pairs (a null value omits the attribute). */
    public Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] == null) continue;
            out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
        out.append('>');
        return this;
    }

    public Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    public Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** An element holding only text. */
    public Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** A link, or the plain text when the target is missing or unsafe. */
    public Html link(String href, String text, String... attributes) {
        if (!safeHref(href)) return text(text);
        String[] all = new String[attributes.length + 2];
        all[0] = "href";
        all[1] = href;
        System.arraycopy(attributes, 0, all, 2, attributes.length);
        return open("a", all).text(text).close("a");
    }

    /** Markup written by this package's code (never data): doctype, fixed fragments. */
    Html markup(String trusted) {
        out.append(trusted);
        return this;
    }

    public Html append(Html other) {
        out.append(other.out);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}

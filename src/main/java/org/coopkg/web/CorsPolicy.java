package org.coopkg.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which web pages may read coop-kg from a browser (CORS), for every path alike: SPARQL, Linked Data, VoID, the
 * ontology. One policy, applied by Fuseki's CORS filter in front of every servlet; no servlet sets CORS headers of
 * its own. Cookies and credentials never cross origins: updates authenticate with HTTP Basic, which a browser page
 * of another origin cannot send without the user's consent.
 */
final class CorsPolicy {
    /** Response headers a page of another origin may read. */
    private static final List<String> EXPOSED = List.of("Cache-Control", "Content-Language", "Content-Length",
            "Content-Type", "Expires", "Last-Modified", "Pragma", RequestGuard.REQUEST_ID, GuardedQuery.MAX_ROWS,
            GuardedQuery.TRUNCATED);
    private static final List<String> ALLOWED_HEADERS = List.of("X-Requested-With", "Content-Type", "Accept", "Origin",
            "Last-Modified", "Authorization", RequestGuard.REQUEST_ID);

    private final String origins;

    /** {@code *} or a comma-separated list of origins such as {@code https://a.org,https://b.org}. */
    CorsPolicy(String origins) {
        this.origins = origins.strip();
    }

    /**
     * Writes the policy as the properties file Fuseki's CORS filter reads once, when the server is built, and
     * returns it; the caller deletes it after the build.
     */
    Path writeFusekiProperties() {
        try {
            Path file = Files.createTempFile("coopkg-cors", ".properties");
            Files.writeString(file, String.join("\n",
                    "allowedOrigins=" + origins,
                    "allowedMethods=GET,POST,HEAD,OPTIONS",
                    "allowedHeaders=" + String.join(", ", ALLOWED_HEADERS),
                    "exposedHeaders=" + String.join(", ", EXPOSED),
                    "allowCredentials=false",
                    "chainPreflight=false", ""));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CORS settings to a temporary file", e);
        }
    }
}

package org.coopkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.coopkg.core.Format;
import org.junit.jupiter.api.Test;

/** The Accept-header rules, without a server. */
class ContentNegotiationTest {
    private static Optional<Format> choose(String accept) {
        return ContentNegotiation.choose(accept, ContentNegotiation.ENTITY);
    }

    @Test
    void browsersGetHtml() {
        assertEquals(Optional.of(Format.HTML), choose(
                "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8"));
        assertEquals(Optional.of(Format.HTML), choose("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
    }

    @Test
    void rdfClientsGetWhatTheyAskFor() {
        assertEquals(Optional.of(Format.TURTLE), choose("text/turtle"));
        assertEquals(Optional.of(Format.TURTLE), choose("text/turtle;q=0.9, application/rdf+xml;q=0.5"));
        assertEquals(Optional.of(Format.RDFXML), choose("application/rdf+xml, text/turtle;q=0.5"));
        assertEquals(Optional.of(Format.JSONLD), choose("application/ld+json"));
        assertEquals(Optional.of(Format.NTRIPLES), choose("application/n-triples"));
        assertEquals(Optional.of(Format.TRIG), choose("application/trig"));
        assertEquals(Optional.of(Format.NQUADS), choose("application/n-quads"));
    }

    @Test
    void wildcardsAndMissingHeaderFollowTheServersOrder() {
        assertEquals(Optional.of(Format.HTML), choose("*/*"));
        assertEquals(Optional.of(Format.HTML), choose(null));
        assertEquals(Optional.of(Format.HTML), choose(""));
        assertEquals(Optional.of(Format.HTML), choose("text/*"));
        assertEquals(Optional.of(Format.TURTLE), choose("text/html;q=0, text/*"));
        assertEquals(Optional.of(Format.JSONLD), choose("application/*"));
    }

    @Test
    void theMostSpecificRangeDecidesAndQZeroExcludes() {
        assertEquals(Optional.of(Format.TURTLE), choose("text/html;q=0, */*"));
        assertEquals(Optional.of(Format.NTRIPLES), choose("application/n-triples, text/*;q=0.1"));
        assertTrue(choose("image/png").isEmpty());
        assertTrue(choose("text/turtle;q=0").isEmpty());
        assertTrue(choose("application/json").isEmpty());
        assertTrue(choose("nonsense").isEmpty(), "an unparsable range matches nothing");
    }

    @Test
    void theListNamesEveryOfferedType() {
        assertEquals("text/html, text/turtle", ContentNegotiation.list(List.of(Format.HTML, Format.TURTLE)));
    }
}

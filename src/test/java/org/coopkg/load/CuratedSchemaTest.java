package org.coopkg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.coopkg.core.vocab.Coop;
import org.junit.jupiter.api.Test;

/** The table layouts: what a curated file's header may and must hold, and the schemes of concepts.csv. */
class CuratedSchemaTest {

    private static TableSpec table(String file) {
        return CuratedSchema.entityTable(file).orElseThrow();
    }

    @Test
    void theColumnsOfASharedSpecCannotBeChanged() {
        TableSpec places = table("places.csv");
        List<Column> columns = places.columns();
        assertThrows(UnsupportedOperationException.class, () -> columns.add(new Column.Meta("extra", false)));
        assertThrows(UnsupportedOperationException.class, () -> columns.remove(0));
        assertFalse(places.columnNames().contains("extra"));
    }

    @Test
    void implicitColumnsFrameTheTablesOwn() {
        TableSpec places = table("places.csv");
        assertEquals(List.of("id", "type", "label", "alt_labels", "within", "iso_code", "source", "evidence",
                "support", "curator_note"),
                places.columnNames());
        assertEquals(List.of("id", "type", "label", "source", "evidence"), places.requiredColumnNames());
    }

    @Test
    void sourcesHaveNoProvenanceColumns() {
        TableSpec sources = table(CuratedSchema.SOURCES);
        assertFalse(sources.columnNames().contains("source"));
        assertEquals(List.of("id", "type", "title"), sources.requiredColumnNames());
    }

    @Test
    void optionalProvenanceColumnsMayBeMissing() {
        TableSpec concepts = table("concepts.csv");
        assertTrue(concepts.columnNames().containsAll(List.of("source", "evidence")));
        assertEquals(List.of("id", "scheme", "label"), concepts.requiredColumnNames());
    }

    @Test
    void everyConceptSchemeHasItsClassAndLabel() {
        assertEquals(List.of("topics", "roles", "party-roles"),
                CuratedSchema.CONCEPT_SCHEMES.stream().map(CuratedSchema.ConceptScheme::id).toList());
        CuratedSchema.ConceptScheme roles = CuratedSchema.conceptScheme("roles").orElseThrow();
        assertEquals(Coop.Role, roles.conceptClass());
        assertEquals("Roles and posts", roles.label());
        assertTrue(CuratedSchema.conceptScheme("colours").isEmpty());
        assertThrows(NullPointerException.class, () -> new CuratedSchema.ConceptScheme("x", Coop.Topic, null));
    }
}

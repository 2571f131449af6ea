package org.coopkg.core;

import java.util.Arrays;
import java.util.Optional;

import org.coopkg.load.CuratedSchema;

/**
 * The outside data sets that {@code external-links.csv} links to, with the IRI space of their entities (the
 * same one the loader writes, from {@link CuratedSchema#LINK_TARGETS}) and a name and home page for people.
 */
public enum ExternalDataset {
    WIKIDATA("wikidata", "Wikidata", "https://www.wikidata.org/"),
    GEONAMES("geonames", "GeoNames", "https://www.geonames.org/"),
    ROR("ror", "ROR (Research Organization Registry)", "https://ror.org/");

    private final String id;
    private final String title;
    private final String homepage;

    ExternalDataset(String id, String title, String homepage) {
        this.id = id;
        this.title = title;
        this.homepage = homepage;
    }

    /** The column value in external-links.csv: {@code wikidata}, {@code geonames}, {@code ror}. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String homepage() {
        return homepage;
    }

    /** The IRI prefix of the data set's entities, e.g. {@code http://www.wikidata.org/entity/}. */
    public String uriSpace() {
        return CuratedSchema.LINK_TARGETS.get(id).iriPrefix();
    }

    /** The identifier inside one of the data set's IRIs ({@code Q148}, {@code 1814991}). */
    public String identifier(String iri) {
        String rest = iri.substring(uriSpace().length());
        String suffix = CuratedSchema.LINK_TARGETS.get(id).iriSuffix();
        return !suffix.isEmpty() && rest.endsWith(suffix) ? rest.substring(0, rest.length() - suffix.length()) : rest;
    }

    public static Optional<ExternalDataset> of(String iri) {
        return Arrays.stream(values()).filter(d -> iri.startsWith(d.uriSpace())).findFirst();
    }
}

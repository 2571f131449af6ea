package org.coopkg.reconcile;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.coopkg.core.CoopIris;
import org.coopkg.core.ExternalDataset;

/**
 * The properties a reconciliation query may use besides the name ({@code properties: [{pid, v}]}), by id, with the
 * Wikidata property of the same meaning as an alias so that columns already mapped for Wikidata work unchanged.
 * Places agree or disagree with what the entity is known to be in; an outside identifier matches on the link itself.
 */
public enum QueryProperty {
    COUNTRY("country", "P17", "Country", "The country the entity is in or of: its name, ISO 3166-1 code, coop-kg id, "
            + "Wikidata QID or GeoNames id.", null),
    CITY("city", "P131", "City or place", "A place the entity is located or held in (a city, province or country), "
            + "named as for country.", null),
    WIKIDATA("wikidata", null, "Wikidata ID", "The entity's Wikidata item (Q16955 or its IRI): matches exactly on the link.",
            ExternalDataset.WIKIDATA),
    ROR("ror", "P6782", "ROR ID", "The organisation's ROR id (03cve4549 or https://ror.org/03cve4549): matches exactly on "
            + "the link.", ExternalDataset.ROR),
    GEONAMES("geonames", "P1566", "GeoNames ID", "The place's GeoNames id (1814991 or its IRI): matches exactly on the link.",
            ExternalDataset.GEONAMES);

    private final String id;
    private final String wikidataAlias;
    private final String label;
    private final String description;
    private final ExternalDataset dataset;

    QueryProperty(String id, String wikidataAlias, String label, String description, ExternalDataset dataset) {
        this.id = id;
        this.wikidataAlias = wikidataAlias;
        this.label = label;
        this.description = description;
        this.dataset = dataset;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The outside data set of an identifier property; empty for a place property. */
    public Optional<ExternalDataset> dataset() {
        return Optional.ofNullable(dataset);
    }

    /** The property a client names by id ({@code country}) or Wikidata alias ({@code P17}); unknown is a {@link ReconcileException}. */
    public static QueryProperty resolve(String pid) {
        String p = pid == null ? "" : pid.strip();
        return Arrays.stream(values()).filter(q -> q.id.equalsIgnoreCase(p) || p.equalsIgnoreCase(q.wikidataAlias))
                .findFirst().orElseThrow(() -> new ReconcileException("unknown property '" + p + "'; a query may use "
                        + String.join(", ", Arrays.stream(values()).map(QueryProperty::id).toList()) + " (GET "
                        + CoopIris.RECONCILE_SUGGEST_PROPERTY_PATH + "?prefix=… lists them)"));
    }

    /**
     * The identifier a cell holds for {@code dataset}, as the data set writes it: the identifier itself (any case for
     * Wikidata and ROR) or any http(s) IRI or page URL with it as a path segment. Empty when it holds none.
     */
    static Optional<String> identifier(ExternalDataset dataset, String value) {
        String text = value.strip();
        Optional<String> plain = normalised(dataset, text);
        if (plain.isPresent() || !text.matches("(?i)https?://.*")) return plain;
        try {
            String path = URI.create(text.replace(" ", "%20")).getPath();
            if (path == null) return Optional.empty();
            for (String segment : path.split("/")) {
                Optional<String> id = normalised(dataset, segment);
                if (id.isPresent()) return id;
            }
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> normalised(ExternalDataset dataset, String text) {
        String candidate = dataset == ExternalDataset.WIKIDATA ? text.toUpperCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT);
        return dataset.isIdentifier(candidate) ? Optional.of(candidate) : Optional.empty();
    }
}

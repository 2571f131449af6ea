package org.coopkg.core;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The outside data sets that {@code external-links.csv} links to: the value of its {@code dataset} column, the IRI
 * space of their entities (an identifier {@code id} stands for {@code {iriPrefix}{id}{iriSuffix}}), the syntax of
 * their identifiers with an example for messages, and a name and home page for people.
 */
public enum ExternalDataset {
    WIKIDATA("wikidata", "Wikidata", "https://www.wikidata.org/", "http://www.wikidata.org/entity/", "",
            "Q[1-9][0-9]*", "Q148"),
    GEONAMES("geonames", "GeoNames", "https://www.geonames.org/", "https://sws.geonames.org/", "/",
            "[1-9][0-9]*", "1814991"),
    ROR("ror", "ROR (Research Organization Registry)", "https://ror.org/", "https://ror.org/", "",
            "0[a-z0-9]{6}[0-9]{2}", "03cve4549");

    private final String id;
    private final String title;
    private final String homepage;
    private final String iriPrefix;
    private final String iriSuffix;
    private final Pattern identifierSyntax;
    private final String example;

    ExternalDataset(String id, String title, String homepage, String iriPrefix, String iriSuffix, String identifierSyntax,
                    String example) {
        this.id = id;
        this.title = title;
        this.homepage = homepage;
        this.iriPrefix = iriPrefix;
        this.iriSuffix = iriSuffix;
        this.identifierSyntax = Pattern.compile(identifierSyntax);
        this.example = example;
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
        return iriPrefix;
    }

    /** The IRI an identifier ({@code Q148}) stands for. */
    public String iri(String identifier) {
        return iriPrefix + identifier + iriSuffix;
    }

    /** Whether {@code identifier} is written as the data set writes its identifiers. */
    public boolean isIdentifier(String identifier) {
        return identifierSyntax.matcher(identifier).matches();
    }

    /** An identifier of the data set, for messages that say how to write one. */
    public String example() {
        return example;
    }

    /** The identifier inside one of the data set's IRIs ({@code Q148}, {@code 1814991}). */
    public String identifier(String iri) {
        String rest = iri.substring(iriPrefix.length());
        return !iriSuffix.isEmpty() && rest.endsWith(iriSuffix) ? rest.substring(0, rest.length() - iriSuffix.length()) : rest;
    }

    /** The data set whose column value is {@code id}. */
    public static Optional<ExternalDataset> byId(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
    }

    /** The data set an IRI belongs to. */
    public static Optional<ExternalDataset> of(String iri) {
        return Arrays.stream(values()).filter(d -> iri.startsWith(d.iriPrefix)).findFirst();
    }
}

package org.coopkg.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.rdf.model.Resource;
import org.coopkg.core.vocab.Coop;

/**
 * The curated CSV files and what their columns mean. This is the one place that ties the spreadsheet
 * layout documented in {@code data/SCHEMA.md} to the ontology.
 */
public final class CuratedSchema {
    public static final String SOURCES = "sources.csv";
    public static final String RELATIONS = "relations.csv";
    public static final String EXTERNAL_LINKS = "external-links.csv";

    private static final String DATE = "date";

    private static final List<TableSpec> ENTITY_TABLES = List.of(
            TableSpec.of(SOURCES, "source")
                    .type("Article", "ArticleSection", "ReferenceRecord")
                    .requiredText("title", "rdfs:label dcterms:title")
                    .ref("section_of", "partOf", "source")
                    .plain("byline", "byline")
                    .refs("authors", "author", "person")
                    .plain("publisher", "dcterms:publisher")
                    .date(DATE, DATE)
                    .meta("text_file")
                    .url("url", "foaf:page")
                    .text("note", "rdfs:comment")
                    .provenance(TableSpec.Provenance.NONE),
            TableSpec.of("places.csv", "place")
                    .type("Country", "Province", "City", "Region")
                    .label()
                    .texts("alt_labels", "skos:altLabel")
                    .ref("within", "within", "place")
                    .plain("iso_code", "isoCode", "[A-Z]{2}", "two capital letters (ISO 3166-1 alpha-2, e.g. CN)"),
            TableSpec.of("organisations.csv", "organisation")
                    .type("University", "Academy", "ResearchInstitute", "AcademicUnit", "Ministry", "Government",
                            "MunicipalGovernment", "Embassy", "Company", "InternationalOrganisation",
                            "GoverningCouncil", "Secretariat", "ObservatoryOrganisation", "OrganisationGroup")
                    .label()
                    .texts("alt_labels", "skos:altLabel")
                    .ref("country", "country", "place")
                    .ref("located_in", "locatedIn", "place")
                    .ref("part_of", "subOrganisationOf", "organisation")
                    .text("description", "dcterms:description"),
            TableSpec.of("people.csv", "person", Coop.Person)
                    .label()
                    .plain("honorific", "honorific")
                    .text("occupation", "occupation")
                    .ref("nationality", "nationality", "place")
                    .text("description", "dcterms:description"),
            TableSpec.of("posts.csv", "post", Coop.Post)
                    .requiredRef("person", "holder", "person")
                    .ref("role", "role", "concept")
                    .text("title", "postTitle")
                    .ref("organisation", "postIn", "organisation")
                    .ref("facility", "postAtFacility", "facility")
                    .bool("former", "former")
                    .date("start", "startDate")
                    .date("end", "endDate")
                    .labelFrom("", "person", ", ", "role", ", ", "organisation", ", ", "facility"),
            TableSpec.of("facilities.csv", "facility")
                    .type("RadioTelescope", "TelescopeArray", "SpaceStation", "LunarResearchStation",
                            "SatelliteNavigationSystem", "ResearchVessel", "FusionReactor", "DataPlatform")
                    .label()
                    .texts("alt_labels", "skos:altLabel")
                    .ref("host_country", "hostCountry", "place")
                    .ref("located_in", "locatedIn", "place")
                    .ref("operator", "operator", "organisation")
                    .ref("part_of", "partOf", "facility")
                    .date("launch_date", "launchDate")
                    .text("description", "dcterms:description"),
            TableSpec.of("projects.csv", "project")
                    .type("BigScienceProgramme", "DemonstrationProject", "Survey", "Initiative",
                            "CooperationPlatform", "Project")
                    .label()
                    .texts("alt_labels", "skos:altLabel")
                    .ref("lead", "lead", "organisation", "person")
                    .ref("initiator_country", "initiatorCountry", "place")
                    .ref("framework", "underFramework", "project")
                    .ref("location", "locatedIn", "place")
                    .date("start_date", "startDate")
                    .plain("date_note", "dateNote")
                    .plain("status", "status", "planned|ongoing|completed", "planned, ongoing or completed")
                    .text("description", "dcterms:description"),
            TableSpec.of("agreements.csv", "agreement")
                    .type("IntergovernmentalAgreement", "MemorandumOfUnderstanding", "HostingAgreement",
                            "CooperationAgreement")
                    .label()
                    .date("signing_date", "signingDate")
                    .ref("signing_event", "signingEvent", "event")
                    .ref("subject", "agreementSubject", "project", "organisation", "facility", "lab")
                    .bool("renewal", "renewal"),
            TableSpec.of("agreement-parties.csv", "party", Coop.AgreementParty)
                    .requiredRef("agreement", "partyIn", "agreement")
                    .requiredRef("party", "party", "organisation", "place", "person")
                    .ref("party_role", "partyRole", "concept")
                    .labelFrom("", "party", ", party to ", "agreement"),
            TableSpec.of("labs.csv", "lab", Coop.JointLaboratory)
                    .label()
                    .texts("alt_labels", "skos:altLabel")
                    .refs("partner_countries", "partnerCountry", "place")
                    .ref("framework", "underFramework", "project")
                    .date("launch_date", "launchDate")
                    .text("description", "dcterms:description"),
            TableSpec.of("events.csv", "event")
                    .type("Conference", "Forum", "Roundtable", "DelegationVisit", "SigningCeremony",
                            "ReviewMeeting", "Observance")
                    .label()
                    .texts("alt_labels", "skos:altLabel")
                    .date(DATE, DATE)
                    .date("start_date", "startDate")
                    .date("end_date", "endDate")
                    .plain("date_note", "dateNote")
                    .ref("place", "heldIn", "place")
                    .ref("part_of", "subEventOf", "event")
                    .text("description", "dcterms:description"),
            TableSpec.of("figures.csv", "figure", Coop.Indicator)
                    .label()
                    .integer("value", "value")
                    .choice("qualifier", "qualifier", orderedMap(
                            "more-than", Coop.MoreThan.getURI(),
                            "exactly", Coop.Exactly.getURI(),
                            "about", Coop.About.getURI()))
                    .requiredText("counts", "counts")
                    .ref("subject", "indicatorSubject", "place", "organisation", "facility", "project", "lab",
                            "event", "agreement", "person")
                    .date("as_of", "asOf")
                    .plain("date_note", "dateNote"),
            TableSpec.of("concepts.csv", "concept")
                    .requiredMeta("scheme")
                    .label()
                    .texts("alt_labels", "skos:altLabel")
                    .ref("broader", "skos:broader", "concept")
                    .text("definition", "skos:definition")
                    .provenance(TableSpec.Provenance.OPTIONAL));

    /** A concept scheme of concepts.csv: the value of its {@code scheme} column, its concepts' class, its name. */
    public record ConceptScheme(String id, Resource conceptClass, String label) {
        public ConceptScheme {
            Objects.requireNonNull(id);
            Objects.requireNonNull(conceptClass);
            Objects.requireNonNull(label);
        }
    }

    public static final List<ConceptScheme> CONCEPT_SCHEMES = List.of(
            new ConceptScheme("topics", Coop.Topic, "Topics and fields of science"),
            new ConceptScheme("roles", Coop.Role, "Roles and posts"),
            new ConceptScheme("party-roles", Coop.PartyRole, "Roles of parties to agreements"));

    public static final List<String> RELATION_COLUMNS = List.of("subject", "property", "object", TableSpec.SOURCE,
            TableSpec.EVIDENCE, TableSpec.SUPPORT, TableSpec.CURATOR_NOTE);
    /** A relation needs its ends, property, source and evidence to be mapped (see TableSpec on the others). */
    public static final List<String> REQUIRED_RELATION_COLUMNS = RELATION_COLUMNS.subList(0, 5);
    public static final List<String> LINK_COLUMNS =
            List.of("entity", "dataset", "identifier", "match", "verified_at", "verified_on", "note");
    /** A link needs all but its note. */
    public static final List<String> REQUIRED_LINK_COLUMNS = LINK_COLUMNS.subList(0, 6);

    private CuratedSchema() {}

    public static List<TableSpec> entityTables() {
        return ENTITY_TABLES;
    }

    public static Optional<TableSpec> entityTable(String file) {
        return ENTITY_TABLES.stream().filter(t -> t.file().equals(file)).findFirst();
    }

    /** Every file name a curated data folder may hold, in load order. */
    public static List<String> fileNames() {
        List<String> names = new ArrayList<>(ENTITY_TABLES.stream().map(TableSpec::file).toList());
        names.add(RELATIONS);
        names.add(EXTERNAL_LINKS);
        return names;
    }

    public static Optional<ConceptScheme> conceptScheme(String id) {
        return CONCEPT_SCHEMES.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * The properties of the date columns ({@code launchDate}, {@code startDate}, …): relations.csv may state one of
     * them with a date as its object, for a date that is read from the source rather than stated by the row of its
     * entity.
     */
    public static Set<String> dateProperties() {
        Set<String> properties = new TreeSet<>();
        for (TableSpec table : ENTITY_TABLES) {
            table.columns().stream().filter(c -> c instanceof Column.Date).forEach(c -> properties.add(((Column.Date) c).property()));
        }
        return properties;
    }

    public static List<String> kinds() {
        return ENTITY_TABLES.stream().map(TableSpec::kind).toList();
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}

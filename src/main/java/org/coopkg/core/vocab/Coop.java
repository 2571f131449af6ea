package org.coopkg.core.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Every term of the coop-kg ontology, {@code ontology/coop.ttl}, in the style of Jena's vocabulary classes.
 * {@code CoopVocabularyTest} checks that this class and the ontology declare the same terms.
 */
public final class Coop {
    public static final String NS = "https://w3id.org/coop-kg/ontology#";
    public static final String ONTOLOGY_IRI = "https://w3id.org/coop-kg/ontology";
    public static final String PREFIX = "coop";

    public static final Resource NAMESPACE = ResourceFactory.createResource(NS);
    public static final Resource ONTOLOGY = ResourceFactory.createResource(ONTOLOGY_IRI);

    // Classes
    public static final Resource Organisation = resource("Organisation");
    public static final Resource University = resource("University");
    public static final Resource Academy = resource("Academy");
    public static final Resource ResearchInstitute = resource("ResearchInstitute");
    public static final Resource AcademicUnit = resource("AcademicUnit");
    public static final Resource GovernmentBody = resource("GovernmentBody");
    public static final Resource Government = resource("Government");
    public static final Resource Ministry = resource("Ministry");
    public static final Resource MunicipalGovernment = resource("MunicipalGovernment");
    public static final Resource Embassy = resource("Embassy");
    public static final Resource Company = resource("Company");
    public static final Resource InternationalOrganisation = resource("InternationalOrganisation");
    public static final Resource GoverningCouncil = resource("GoverningCouncil");
    public static final Resource Secretariat = resource("Secretariat");
    public static final Resource ObservatoryOrganisation = resource("ObservatoryOrganisation");
    public static final Resource JointLaboratory = resource("JointLaboratory");
    public static final Resource OrganisationGroup = resource("OrganisationGroup");
    public static final Resource Person = resource("Person");
    public static final Resource Post = resource("Post");
    public static final Resource Role = resource("Role");
    public static final Resource Topic = resource("Topic");
    public static final Resource PartyRole = resource("PartyRole");
    public static final Resource SupportLevel = resource("SupportLevel");
    public static final Resource ValueQualifier = resource("ValueQualifier");
    public static final Resource Facility = resource("Facility");
    public static final Resource RadioTelescope = resource("RadioTelescope");
    public static final Resource TelescopeArray = resource("TelescopeArray");
    public static final Resource SpaceStation = resource("SpaceStation");
    public static final Resource LunarResearchStation = resource("LunarResearchStation");
    public static final Resource SatelliteNavigationSystem = resource("SatelliteNavigationSystem");
    public static final Resource ResearchVessel = resource("ResearchVessel");
    public static final Resource FusionReactor = resource("FusionReactor");
    public static final Resource DataPlatform = resource("DataPlatform");
    public static final Resource Project = resource("Project");
    public static final Resource BigScienceProgramme = resource("BigScienceProgramme");
    public static final Resource DemonstrationProject = resource("DemonstrationProject");
    public static final Resource Survey = resource("Survey");
    public static final Resource Initiative = resource("Initiative");
    public static final Resource CooperationPlatform = resource("CooperationPlatform");
    public static final Resource Agreement = resource("Agreement");
    public static final Resource IntergovernmentalAgreement = resource("IntergovernmentalAgreement");
    public static final Resource MemorandumOfUnderstanding = resource("MemorandumOfUnderstanding");
    public static final Resource HostingAgreement = resource("HostingAgreement");
    public static final Resource CooperationAgreement = resource("CooperationAgreement");
    public static final Resource AgreementParty = resource("AgreementParty");
    public static final Resource Event = resource("Event");
    public static final Resource Conference = resource("Conference");
    public static final Resource Forum = resource("Forum");
    public static final Resource Roundtable = resource("Roundtable");
    public static final Resource DelegationVisit = resource("DelegationVisit");
    public static final Resource SigningCeremony = resource("SigningCeremony");
    public static final Resource ReviewMeeting = resource("ReviewMeeting");
    public static final Resource Observance = resource("Observance");
    public static final Resource Place = resource("Place");
    public static final Resource Country = resource("Country");
    public static final Resource Province = resource("Province");
    public static final Resource City = resource("City");
    public static final Resource Region = resource("Region");
    public static final Resource Indicator = resource("Indicator");
    public static final Resource SourceDocument = resource("SourceDocument");
    public static final Resource Article = resource("Article");
    public static final Resource ArticleSection = resource("ArticleSection");
    public static final Resource ReferenceRecord = resource("ReferenceRecord");
    public static final Resource Assertion = resource("Assertion");

    // Object properties
    public static final Property within = property("within");
    public static final Property contains = property("contains");
    public static final Property locatedIn = property("locatedIn");
    public static final Property country = property("country");
    public static final Property hostCountry = property("hostCountry");
    public static final Property heldIn = property("heldIn");
    public static final Property partOf = property("partOf");
    public static final Property hasPart = property("hasPart");
    public static final Property subOrganisationOf = property("subOrganisationOf");
    public static final Property hasSubOrganisation = property("hasSubOrganisation");
    public static final Property subEventOf = property("subEventOf");
    public static final Property hasSubEvent = property("hasSubEvent");
    public static final Property holder = property("holder");
    public static final Property holds = property("holds");
    public static final Property postIn = property("postIn");
    public static final Property hasPost = property("hasPost");
    public static final Property postAtFacility = property("postAtFacility");
    public static final Property role = property("role");
    public static final Property affiliatedWith = property("affiliatedWith");
    public static final Property nationality = property("nationality");
    public static final Property participant = property("participant");
    public static final Property participatesIn = property("participatesIn");
    public static final Property participantCountry = property("participantCountry");
    public static final Property partnerCountry = property("partnerCountry");
    public static final Property lead = property("lead");
    public static final Property leads = property("leads");
    public static final Property organiser = property("organiser");
    public static final Property organises = property("organises");
    public static final Property initiator = property("initiator");
    public static final Property initiated = property("initiated");
    public static final Property initiatorCountry = property("initiatorCountry");
    public static final Property contributor = property("contributor");
    public static final Property contributedTo = property("contributedTo");
    public static final Property supporter = property("supporter");
    public static final Property operator = property("operator");
    public static final Property operates = property("operates");
    public static final Property usesInstrument = property("usesInstrument");
    public static final Property usesDataFrom = property("usesDataFrom");
    public static final Property topic = property("topic");
    public static final Property underFramework = property("underFramework");
    public static final Property launchedAt = property("launchedAt");
    public static final Property governingBody = property("governingBody");
    public static final Property governs = property("governs");
    public static final Property secretariat = property("secretariat");
    public static final Property secretariatOf = property("secretariatOf");
    public static final Property delegationOf = property("delegationOf");
    public static final Property destination = property("destination");
    public static final Property hasParty = property("hasParty");
    public static final Property partyIn = property("partyIn");
    public static final Property party = property("party");
    public static final Property partyRole = property("partyRole");
    public static final Property agreementParty = property("agreementParty");
    public static final Property partyTo = property("partyTo");
    public static final Property signingEvent = property("signingEvent");
    public static final Property eventOfSigning = property("eventOfSigning");
    public static final Property agreementSubject = property("agreementSubject");
    public static final Property qualifier = property("qualifier");
    public static final Property indicatorSubject = property("indicatorSubject");
    public static final Property author = property("author");
    public static final Property describes = property("describes");
    public static final Property hasTime = property("hasTime");
    public static final Property support = property("support");

    // Datatype properties
    public static final Property date = property("date");
    public static final Property startDate = property("startDate");
    public static final Property endDate = property("endDate");
    public static final Property launchDate = property("launchDate");
    public static final Property signingDate = property("signingDate");
    public static final Property asOf = property("asOf");
    public static final Property dateNote = property("dateNote");
    public static final Property value = property("value");
    public static final Property counts = property("counts");
    public static final Property isoCode = property("isoCode");
    public static final Property honorific = property("honorific");
    public static final Property occupation = property("occupation");
    public static final Property postTitle = property("postTitle");
    public static final Property former = property("former");
    public static final Property renewal = property("renewal");
    public static final Property status = property("status");
    public static final Property byline = property("byline");
    public static final Property curatorNote = property("curatorNote");
    public static final Property evidence = property("evidence");
    public static final Property sourceFile = property("sourceFile");
    public static final Property sourceLine = property("sourceLine");

    // Individuals: the qualifiers of headline figures, the support levels of assertions, and their concept schemes
    public static final Resource ValueQualifiers = resource("ValueQualifiers");
    public static final Resource MoreThan = resource("MoreThan");
    public static final Resource Exactly = resource("Exactly");
    public static final Resource About = resource("About");
    public static final Resource SupportLevels = resource("SupportLevels");
    public static final Resource Stated = resource("Stated");
    public static final Resource Implied = resource("Implied");

    private Coop() {}

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }
}

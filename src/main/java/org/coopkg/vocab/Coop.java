package org.coopkg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The coop-kg ontology namespace, {@code ontology/coop.ttl}. */
public final class Coop {
    public static final String NS = "https://w3id.org/coop-kg/ontology#";
    public static final String ONTOLOGY_IRI = "https://w3id.org/coop-kg/ontology";
    public static final String PREFIX = "coop";

    public static final Resource Assertion = resource("Assertion");
    public static final Resource Person = resource("Person");
    public static final Resource Post = resource("Post");
    public static final Resource AgreementParty = resource("AgreementParty");
    public static final Resource JointLaboratory = resource("JointLaboratory");
    public static final Resource Indicator = resource("Indicator");
    public static final Resource Topic = resource("Topic");
    public static final Resource Role = resource("Role");
    public static final Resource PartyRole = resource("PartyRole");

    public static final Property describes = property("describes");
    public static final Property evidence = property("evidence");
    public static final Property sourceFile = property("sourceFile");
    public static final Property sourceLine = property("sourceLine");
    public static final Property hasTime = property("hasTime");

    private Coop() {}

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }
}

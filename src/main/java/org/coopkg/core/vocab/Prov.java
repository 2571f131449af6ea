package org.coopkg.core.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;

/** The W3C PROV-O terms coop-kg writes. */
public final class Prov {
    public static final String NS = "http://www.w3.org/ns/prov#";

    public static final Property wasDerivedFrom = ResourceFactory.createProperty(NS + "wasDerivedFrom");

    private Prov() {}
}

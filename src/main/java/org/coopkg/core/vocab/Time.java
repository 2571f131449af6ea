package org.coopkg.core.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The W3C OWL-Time terms coop-kg writes. */
public final class Time {
    public static final String NS = "http://www.w3.org/2006/time#";

    public static final Resource Instant = ResourceFactory.createResource(NS + "Instant");
    public static final Resource ProperInterval = ResourceFactory.createResource(NS + "ProperInterval");
    public static final Resource DateTimeDescription = ResourceFactory.createResource(NS + "DateTimeDescription");
    public static final Resource unitDay = ResourceFactory.createResource(NS + "unitDay");
    public static final Resource unitMonth = ResourceFactory.createResource(NS + "unitMonth");
    public static final Resource unitYear = ResourceFactory.createResource(NS + "unitYear");

    public static final Property hasBeginning = ResourceFactory.createProperty(NS + "hasBeginning");
    public static final Property hasEnd = ResourceFactory.createProperty(NS + "hasEnd");
    public static final Property inXSDDate = ResourceFactory.createProperty(NS + "inXSDDate");
    public static final Property inXSDgYearMonth = ResourceFactory.createProperty(NS + "inXSDgYearMonth");
    public static final Property inXSDgYear = ResourceFactory.createProperty(NS + "inXSDgYear");
    public static final Property inDateTime = ResourceFactory.createProperty(NS + "inDateTime");
    public static final Property unitType = ResourceFactory.createProperty(NS + "unitType");
    public static final Property month = ResourceFactory.createProperty(NS + "month");
    public static final Property day = ResourceFactory.createProperty(NS + "day");
    public static final Property year = ResourceFactory.createProperty(NS + "year");

    private Time() {}
}

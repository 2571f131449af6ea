package org.coopkg.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Plain-word names of ontology terms, for pages: the {@code rdfs:label} and {@code skos:definition} the
 * ontology gives each coop term, the inverse of each property (to phrase incoming links as "leads" rather
 * than "lead of"), and names for the few outside terms the data uses (SKOS, OWL, Dublin Core, PROV,
 * OWL-Time), which the ontology does not label because it does not import them.
 */
public final class TermLabels {
    private static final Map<String, String> OUTSIDE = Map.ofEntries(
            Map.entry("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "type"),
            Map.entry("http://www.w3.org/2000/01/rdf-schema#label", "name"),
            Map.entry("http://www.w3.org/2000/01/rdf-schema#comment", "note"),
            Map.entry("http://www.w3.org/2000/01/rdf-schema#seeAlso", "see also"),
            Map.entry("http://purl.org/dc/terms/description", "description"),
            Map.entry("http://purl.org/dc/terms/title", "title"),
            Map.entry("http://purl.org/dc/terms/date", "date"),
            Map.entry("http://www.w3.org/2004/02/skos/core#altLabel", "also known as"),
            Map.entry("http://www.w3.org/2004/02/skos/core#prefLabel", "preferred name"),
            Map.entry("http://www.w3.org/2004/02/skos/core#definition", "definition"),
            Map.entry("http://www.w3.org/2004/02/skos/core#inScheme", "in scheme"),
            Map.entry("http://www.w3.org/2004/02/skos/core#broader", "broader concept"),
            Map.entry("http://www.w3.org/2004/02/skos/core#narrower", "narrower concept"),
            Map.entry("http://www.w3.org/2004/02/skos/core#notation", "notation"),
            Map.entry("http://www.w3.org/2004/02/skos/core#exactMatch", "exact match"),
            Map.entry("http://www.w3.org/2004/02/skos/core#closeMatch", "close match"),
            Map.entry("http://www.w3.org/2002/07/owl#sameAs", "same as"),
            Map.entry("http://www.w3.org/ns/prov#wasDerivedFrom", "derived from"),
            Map.entry("http://xmlns.com/foaf/0.1/page", "web page"),
            Map.entry("http://www.w3.org/2006/time#inDateTime", "date and time"),
            Map.entry("http://www.w3.org/2006/time#hasBeginning", "beginning"),
            Map.entry("http://www.w3.org/2006/time#hasEnd", "end"),
            Map.entry("http://www.w3.org/2006/time#inXSDgYear", "year"),
            Map.entry("http://www.w3.org/2006/time#inXSDgYearMonth", "year and month"),
            Map.entry("http://www.w3.org/2006/time#inXSDDate", "date"),
            Map.entry("http://www.w3.org/2006/time#day", "day"),
            Map.entry("http://www.w3.org/2006/time#month", "month"),
            Map.entry("http://www.w3.org/2006/time#year", "year"),
            Map.entry("http://www.w3.org/2006/time#unitType", "precision"),
            Map.entry("http://www.w3.org/2006/time#Instant", "instant"),
            Map.entry("http://www.w3.org/2006/time#ProperInterval", "interval"),
            Map.entry("http://www.w3.org/2006/time#DateTimeDescription", "date description"),
            Map.entry("http://www.w3.org/2006/time#unitDay", "day"),
            Map.entry("http://www.w3.org/2006/time#unitMonth", "month"),
            Map.entry("http://www.w3.org/2006/time#unitYear", "year"));

    private final Map<String, String> labels = new HashMap<>();
    private final Map<String, String> definitions = new HashMap<>();
    private final Map<String, String> inverses = new HashMap<>();
    private final PrefixMapping prefixes;

    public TermLabels(Graph ontology) {
        this.prefixes = ontology.getPrefixMapping();
        for (Triple t : ontology.find(Node.ANY, RDFS.label.asNode(), Node.ANY).toList()) {
            if (t.getSubject().isURI() && t.getObject().isLiteral()) labels.put(t.getSubject().getURI(), t.getObject().getLiteralLexicalForm());
        }
        for (Triple t : ontology.find(Node.ANY, SKOS.definition.asNode(), Node.ANY).toList()) {
            if (t.getSubject().isURI() && t.getObject().isLiteral()) definitions.put(t.getSubject().getURI(), t.getObject().getLiteralLexicalForm());
        }
        for (Triple t : ontology.find(Node.ANY, OWL.inverseOf.asNode(), Node.ANY).toList()) {
            if (t.getSubject().isURI() && t.getObject().isURI()) {
                inverses.put(t.getSubject().getURI(), t.getObject().getURI());
                inverses.put(t.getObject().getURI(), t.getSubject().getURI());
            }
        }
    }

    /** The term's label; for an unlabelled term, its local name split into words ("usesDataFrom" → "uses data from"). */
    public String label(String iri) {
        String label = labels.get(iri);
        if (label != null) return label;
        label = OUTSIDE.get(iri);
        if (label != null) return label;
        return words(localName(iri));
    }

    public Optional<String> definition(String iri) {
        return Optional.ofNullable(definitions.get(iri));
    }

    public Optional<String> inverse(String propertyIri) {
        return Optional.ofNullable(inverses.get(propertyIri));
    }

    /** How to name the subjects of incoming {@code ?s p this} links: the inverse's label, else "p of". */
    public String incomingLabel(String propertyIri) {
        return inverse(propertyIri).map(this::label).orElseGet(() -> label(propertyIri) + " of");
    }

    /** {@code coop:University}, {@code skos:altLabel}, or the whole IRI where no prefix fits. */
    public String shortName(String iri) {
        String shortForm = prefixes.shortForm(iri);
        return shortForm == null ? iri : shortForm;
    }

    public static String localName(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return cut >= 0 ? iri.substring(cut + 1) : iri;
    }

    private static String words(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}

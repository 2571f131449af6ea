package org.coopkg.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.coopkg.core.vocab.Prov;
import org.coopkg.core.vocab.Time;

/**
 * Plain-word names of ontology terms, for pages: the {@code rdfs:label} and {@code skos:definition} the
 * ontology gives each coop term, the inverse of each property (to phrase incoming links as "leads" rather
 * than "lead of"), and names for the few outside terms the data uses (SKOS, OWL, Dublin Core, PROV,
 * OWL-Time), which the ontology does not label because it does not import them.
 */
public final class TermLabels {
    private static final Map<String, String> OUTSIDE = Map.ofEntries(
            Map.entry(RDF.type.getURI(), "type"),
            Map.entry(RDFS.label.getURI(), "name"),
            Map.entry(RDFS.comment.getURI(), "note"),
            Map.entry(RDFS.seeAlso.getURI(), "see also"),
            Map.entry(DCTerms.description.getURI(), "description"),
            Map.entry(DCTerms.title.getURI(), "title"),
            Map.entry(DCTerms.date.getURI(), "date"),
            Map.entry(SKOS.altLabel.getURI(), "also known as"),
            Map.entry(SKOS.prefLabel.getURI(), "preferred name"),
            Map.entry(SKOS.definition.getURI(), "definition"),
            Map.entry(SKOS.inScheme.getURI(), "in scheme"),
            Map.entry(SKOS.broader.getURI(), "broader concept"),
            Map.entry(SKOS.narrower.getURI(), "narrower concept"),
            Map.entry(SKOS.notation.getURI(), "notation"),
            Map.entry(SKOS.exactMatch.getURI(), "exact match"),
            Map.entry(SKOS.closeMatch.getURI(), "close match"),
            Map.entry(OWL.sameAs.getURI(), "same as"),
            Map.entry(Prov.wasDerivedFrom.getURI(), "derived from"),
            Map.entry(FOAF.page.getURI(), "web page"),
            Map.entry(Time.inDateTime.getURI(), "date and time"),
            Map.entry(Time.hasBeginning.getURI(), "beginning"),
            Map.entry(Time.hasEnd.getURI(), "end"),
            Map.entry(Time.inXSDgYear.getURI(), "year"),
            Map.entry(Time.inXSDgYearMonth.getURI(), "year and month"),
            Map.entry(Time.inXSDDate.getURI(), "date"),
            Map.entry(Time.day.getURI(), "day"),
            Map.entry(Time.month.getURI(), "month"),
            Map.entry(Time.year.getURI(), "year"),
            Map.entry(Time.unitType.getURI(), "precision"),
            Map.entry(Time.Instant.getURI(), "instant"),
            Map.entry(Time.ProperInterval.getURI(), "interval"),
            Map.entry(Time.DateTimeDescription.getURI(), "date description"),
            Map.entry(Time.unitDay.getURI(), "day"),
            Map.entry(Time.unitMonth.getURI(), "month"),
            Map.entry(Time.unitYear.getURI(), "year"));

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

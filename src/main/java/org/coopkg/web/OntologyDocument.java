package org.coopkg.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.coopkg.core.Format;
import org.coopkg.core.vocab.Coop;

/**
 * The HTML documentation of the ontology, generated at run time from {@code ontology/coop.ttl}: header
 * (title, version, licence, namespace), then every class, object property, datatype property and named
 * individual of the coop namespace, each at {@code #LocalName} so that a term IRI
 * {@code https://w3id.org/coop-kg/ontology#Term} lands on its section. Each term shows its label,
 * definition, comment, super- and subclasses (or properties), domain and range, inverse, property chain and
 * its alignments to outside vocabularies. Class expressions (restrictions, unions) are written in words.
 */
public final class OntologyDocument {
    private static final Node ONTOLOGY = NodeFactory.createURI(Coop.ONTOLOGY_IRI);

    private final Graph ontology;
    private final TermLabels terms;

    public OntologyDocument(Graph ontology, TermLabels terms) {
        this.ontology = ontology;
        this.terms = terms;
    }

    /** The coop terms of a type, in order of their local names. */
    public List<Node> terms(Node type) {
        List<Node> list = new ArrayList<>();
        ontology.find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(Coop.NS)) list.add(t.getSubject());
        });
        list.sort(Comparator.comparing(n -> n.getURI().toLowerCase(java.util.Locale.ROOT)));
        return list.stream().distinct().toList();
    }

    public String render() {
        Html h = new Html();
        String title = literal(ONTOLOGY, DCTerms.title.asNode()).orElse("coop-kg ontology");
        h.element("p", "Ontology", "class", "kind");
        h.element("h1", title);
        h.open("p", "class", "iri").open("code").text(Coop.ONTOLOGY_IRI).close("code").close("p");
        literal(ONTOLOGY, DCTerms.description.asNode()).ifPresent(d -> h.element("p", d, "class", "description"));
        h.open("table").open("tbody");
        row(h, "Version", literal(ONTOLOGY, OWL.versionInfo.asNode()).orElse("—"));
        value(ONTOLOGY, OWL2.versionIRI.asNode()).ifPresent(v -> row(h, "Version IRI", v.getURI()));
        row(h, "Namespace", Coop.NS + " (prefix " + Coop.PREFIX + ":)");
        literal(ONTOLOGY, DCTerms.creator.asNode()).ifPresent(c -> row(h, "Creator", c));
        literal(ONTOLOGY, DCTerms.created.asNode()).ifPresent(c -> row(h, "Created", c));
        value(ONTOLOGY, DCTerms.license.asNode()).ifPresent(l -> {
            h.open("tr").element("th", "Licence", "scope", "row").open("td").link(l.getURI(), l.getURI()).close("td").close("tr");
        });
        h.close("tbody").close("table");
        h.open("ul", "class", "formats");
        for (Format t : List.of(Format.TURTLE, Format.RDFXML, Format.JSONLD, Format.NTRIPLES)) {
            h.open("li").link("ontology." + t.extension(), t.title(), "type", t.mediaType()).close("li");
        }
        h.close("ul");

        List<Node> classes = terms(OWL.Class.asNode());
        List<Node> objectProperties = terms(OWL.ObjectProperty.asNode());
        List<Node> datatypeProperties = terms(OWL.DatatypeProperty.asNode());
        List<Node> individuals = terms(OWL2.NamedIndividual.asNode());
        h.element("h2", "Contents");
        toc(h, "Classes", classes);
        toc(h, "Object properties", objectProperties);
        toc(h, "Datatype properties", datatypeProperties);
        toc(h, "Named individuals", individuals);

        h.element("h2", "Classes", "id", "classes");
        classes.forEach(c -> classSection(h, c));
        h.element("h2", "Object properties", "id", "object-properties");
        objectProperties.forEach(p -> propertySection(h, p));
        h.element("h2", "Datatype properties", "id", "datatype-properties");
        datatypeProperties.forEach(p -> propertySection(h, p));
        h.element("h2", "Named individuals", "id", "individuals");
        individuals.forEach(i -> individualSection(h, i));
        return PageLayout.page("coop-kg ontology", List.of(new PageLayout.Crumb("Ontology", null)),
                List.of(new PageLayout.Alternate(Format.TURTLE, "ontology.ttl"), new PageLayout.Alternate(Format.RDFXML, "ontology.rdf"),
                        new PageLayout.Alternate(Format.JSONLD, "ontology.jsonld")), "./", h, "");
    }

    private void toc(Html h, String heading, List<Node> list) {
        if (list.isEmpty()) return;
        h.element("h3", heading + " (" + list.size() + ")");
        h.open("ul", "class", "index");
        for (Node n : list) h.open("li").link("#" + local(n), local(n)).text(" — " + terms.label(n.getURI())).close("li");
        h.close("ul");
    }

    private void classSection(Html h, Node c) {
        termHeader(h, c);
        h.open("table").open("tbody");
        list(h, "Superclasses", objects(c, RDFS.subClassOf.asNode()));
        list(h, "Subclasses", subjects(RDFS.subClassOf.asNode(), c));
        list(h, "Equivalent to", objects(c, OWL.equivalentClass.asNode()));
        list(h, "Domain of", subjects(RDFS.domain.asNode(), c));
        list(h, "Range of", subjects(RDFS.range.asNode(), c));
        list(h, "Instances (named)", subjects(RDF.type.asNode(), c));
        alignments(h, objects(c, RDFS.subClassOf.asNode()));
        h.close("tbody").close("table").close("section");
    }

    private void propertySection(Html h, Node p) {
        termHeader(h, p);
        h.open("table").open("tbody");
        List<String> characteristics = new ArrayList<>();
        for (Node t : objects(p, RDF.type.asNode())) {
            if (t.equals(OWL.FunctionalProperty.asNode())) characteristics.add("functional (at most one value)");
            if (t.equals(OWL.TransitiveProperty.asNode())) characteristics.add("transitive");
            if (t.equals(OWL.SymmetricProperty.asNode())) characteristics.add("symmetric");
        }
        if (!characteristics.isEmpty()) row(h, "Characteristics", String.join(", ", characteristics));
        list(h, "Domain", objects(p, RDFS.domain.asNode()));
        list(h, "Range", objects(p, RDFS.range.asNode()));
        list(h, "Super-properties", objects(p, RDFS.subPropertyOf.asNode()));
        list(h, "Sub-properties", subjects(RDFS.subPropertyOf.asNode(), p));
        list(h, "Inverse of", objects(p, OWL.inverseOf.asNode()));
        for (Node chain : objects(p, OWL2.propertyChainAxiom.asNode())) {
            h.open("tr").element("th", "Property chain", "scope", "row").open("td");
            List<Node> steps = rdfList(chain);
            for (int i = 0; i < steps.size(); i++) {
                if (i > 0) h.text(" then ");
                term(h, steps.get(i));
            }
            h.close("td").close("tr");
        }
        alignments(h, objects(p, RDFS.subPropertyOf.asNode()));
        h.close("tbody").close("table").close("section");
    }

    private void individualSection(Html h, Node i) {
        termHeader(h, i);
        h.open("table").open("tbody");
        list(h, "Type", objects(i, RDF.type.asNode()).stream().filter(t -> !t.equals(OWL2.NamedIndividual.asNode())).toList());
        literal(i, SKOS.notation.asNode()).ifPresent(n -> row(h, "Notation", n));
        h.close("tbody").close("table").close("section");
    }

    private void termHeader(Html h, Node term) {
        h.open("section", "class", "term", "id", local(term));
        h.open("h3").text(terms.label(term.getURI())).text(" ").open("code").text(Coop.PREFIX + ":" + local(term)).close("code").close("h3");
        h.open("p", "class", "iri").open("code").text(term.getURI()).close("code").close("p");
        terms.definition(term.getURI()).ifPresent(d -> h.element("p", d));
        literal(term, RDFS.comment.asNode()).ifPresent(c -> h.element("p", c, "class", "muted"));
    }

    /** Super-terms outside the coop namespace: how the term aligns with ORG, FOAF, PROV-O, schema.org, … */
    private void alignments(Html h, List<Node> supers) {
        List<Node> outside = supers.stream().filter(n -> n.isURI() && !n.getURI().startsWith(Coop.NS)).toList();
        list(h, "Aligned with", outside);
    }

    private void list(Html h, String heading, List<Node> nodes) {
        if (nodes.isEmpty()) return;
        h.open("tr").element("th", heading, "scope", "row").open("td");
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) h.text(", ");
            term(h, nodes.get(i));
        }
        h.close("td").close("tr");
    }

    /** A term, linked within the page or out; a class expression written in words. */
    private void term(Html h, Node n) {
        if (n.isURI()) {
            if (n.getURI().startsWith(Coop.NS)) h.link("#" + local(n), terms.label(n.getURI()), "title", Coop.PREFIX + ":" + local(n));
            else h.link(n.getURI(), terms.shortName(n.getURI()));
            return;
        }
        if (n.isBlank()) {
            Optional<Node> onProperty = value(n, OWL.onProperty.asNode());
            if (onProperty.isPresent()) {
                h.text("(");
                term(h, onProperty.get());
                value(n, OWL.someValuesFrom.asNode()).ifPresent(v -> { h.text(" some "); term(h, v); });
                value(n, OWL.allValuesFrom.asNode()).ifPresent(v -> { h.text(" only "); term(h, v); });
                value(n, OWL2.minQualifiedCardinality.asNode()).ifPresent(v -> {
                    h.text(" at least " + v.getLiteralLexicalForm() + " ");
                    value(n, OWL2.onClass.asNode()).ifPresent(c -> term(h, c));
                });
                h.text(")");
                return;
            }
            Optional<Node> union = value(n, OWL.unionOf.asNode());
            if (union.isPresent()) {
                words(h, rdfList(union.get()), " or ");
                return;
            }
            Optional<Node> oneOf = value(n, OWL.oneOf.asNode());
            if (oneOf.isPresent()) {
                h.text("one of {");
                words(h, rdfList(oneOf.get()), ", ");
                h.text("}");
                return;
            }
            h.text("(class expression)");
            return;
        }
        h.text(n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
    }

    private void words(Html h, List<Node> nodes, String separator) {
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) h.text(separator);
            term(h, nodes.get(i));
        }
    }

    private void row(Html h, String heading, String text) {
        h.open("tr").element("th", heading, "scope", "row").element("td", text).close("tr");
    }

    private List<Node> rdfList(Node head) {
        List<Node> items = new ArrayList<>();
        Node cell = head;
        while (cell != null && !cell.equals(RDF.nil.asNode()) && items.size() < 1000) {
            value(cell, RDF.first.asNode()).ifPresent(items::add);
            cell = value(cell, RDF.rest.asNode()).orElse(null);
        }
        return items;
    }

    private List<Node> objects(Node s, Node p) {
        List<Node> list = new ArrayList<>(ontology.find(s, p, Node.ANY).mapWith(Triple::getObject).toList());
        list.sort(Comparator.comparing((Node n) -> n.isURI() ? 0 : 1).thenComparing(n -> n.isURI() ? n.getURI() : ""));
        return list.stream().distinct().toList();
    }

    private List<Node> subjects(Node p, Node o) {
        List<Node> list = new ArrayList<>(ontology.find(Node.ANY, p, o).mapWith(Triple::getSubject)
                .filterKeep(n -> n.isURI() && n.getURI().startsWith(Coop.NS)).toList());
        list.sort(Comparator.comparing(Node::getURI));
        return list.stream().distinct().toList();
    }

    private Optional<Node> value(Node s, Node p) {
        var it = ontology.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? Optional.of(it.next().getObject()) : Optional.empty();
        } finally {
            it.close();
        }
    }

    private Optional<String> literal(Node s, Node p) {
        return value(s, p).filter(Node::isLiteral).map(Node::getLiteralLexicalForm);
    }

    private static String local(Node n) {
        return n.getURI().substring(Coop.NS.length());
    }
}

package org.coopkg.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.BaseDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.coopkg.core.CoopIris;
import org.coopkg.core.DataException;
import org.coopkg.core.Format;
import org.coopkg.core.vocab.Coop;
import org.coopkg.derive.CoopLoader;
import org.coopkg.derive.LoadedGraph;
import org.coopkg.load.CuratedFiles;

/**
 * Data for the export tests: the bundled data set (loaded once per test JVM, it takes seconds) and a tiny
 * hand-made dataset with the literals that break naive writers, blank nodes, and a few entities for the
 * property-graph exports.
 */
final class ExportFixtures {
    static final String BASE = "http://example.org/coop/";
    static final CoopIris NAMES = new CoopIris(BASE);
    static final String EX = "http://example.org/vocab#";

    private static LoadedGraph bundled;
    private static LoadedGraph tricky;
    /** Exports are shared between the tests that read them: each takes up to a second on the bundled data. */
    private static final Map<String, byte[]> EXPORTS = new HashMap<>();
    private static final Map<LoadedGraph, RdfExporter> EXPORTERS = new java.util.IdentityHashMap<>();

    private ExportFixtures() {}

    /** The bundled data, validated and with inferences, as {@code coopkg export} sees it. */
    static synchronized LoadedGraph bundled() {
        if (bundled == null) {
            try {
                bundled = new CoopLoader(CuratedFiles.bundled(), CoopIris.DEFAULT_BASE).load();
            } catch (DataException e) {
                throw new IllegalStateException("the bundled data does not load:\n" + e.getMessage(), e);
            }
        }
        return bundled;
    }

    /** Literals that must survive every format exactly (as RDF terms). */
    static List<Node> trickyLiterals() {
        return List.of(
                NodeFactory.createLiteralLang("π-HuB", "en"),
                NodeFactory.createLiteralLang("北京大学", "zh"),
                NodeFactory.createLiteralLang("Zürich", "de-ch"),
                NodeFactory.createLiteralString("She said \"hello\" and left"),
                NodeFactory.createLiteralString("line one\nline two\r\nline three\twith a tab"),
                NodeFactory.createLiteralString("ends with three quotes \"\"\""),
                NodeFactory.createLiteralString("\"\"\" starts with three quotes"),
                NodeFactory.createLiteralString("multi\nline with \"\"\" inside\n"),
                NodeFactory.createLiteralString("back\\slash and \\n that is not a newline"),
                NodeFactory.createLiteralString("'single' and ''' three single quotes"),
                NodeFactory.createLiteralString("<tag> & &amp; ]]> --> markup"),
                NodeFactory.createLiteralString(" leading and trailing spaces "),
                NodeFactory.createLiteralString(""),
                NodeFactory.createLiteralString("satellite \uD83D\uDEF0 outside the BMP"),
                NodeFactory.createLiteralDT("42", XSDDatatype.XSDinteger),
                NodeFactory.createLiteralDT("042", XSDDatatype.XSDinteger),
                NodeFactory.createLiteralDT("-7", XSDDatatype.XSDinteger),
                NodeFactory.createLiteralDT("3.14", XSDDatatype.XSDdecimal),
                NodeFactory.createLiteralDT("1.0E3", XSDDatatype.XSDdouble),
                NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean),
                NodeFactory.createLiteralDT("--06-12", XSDDatatype.XSDgMonthDay),
                NodeFactory.createLiteralDT("2023", XSDDatatype.XSDgYear),
                NodeFactory.createLiteralDT("2018-03", XSDDatatype.XSDgYearMonth),
                NodeFactory.createLiteralDT("2024-11-28", XSDDatatype.XSDdate),
                NodeFactory.createLiteralDT("some value", new BaseDatatype(EX + "customType")));
    }

    /**
     * A dataset shaped like coop-kg's: one graph per row, metadata, ontology and inferred graphs, and a
     * default graph that is their union. Organisation π-HuB carries every tricky literal; a person holds a
     * post at it (an n-ary node), with a time node; blank nodes include a list and two identical ones.
     */
    static synchronized LoadedGraph tricky() {
        if (tricky == null) tricky = buildTricky();
        return tricky;
    }

    /** "bundled" or "tricky". */
    static LoadedGraph data(String name) {
        return name.equals("bundled") ? bundled() : tricky();
    }

    /** The export of all graphs of {@code data} ("bundled" or "tricky") in {@code format}, made once. */
    static synchronized byte[] exported(String data, Format format) {
        return EXPORTS.computeIfAbsent(data + "." + format, k -> export(exporter(data(data)), format, GraphSelection.ALL));
    }

    static synchronized RdfExporter exporter(LoadedGraph graph) {
        return EXPORTERS.computeIfAbsent(graph, g -> new RdfExporter(g.dataset()));
    }

    private static LoadedGraph buildTricky() {
        DatasetGraph ds = DatasetGraphFactory.createTxnMem();
        Node org = entity("organisation", "pi-hub");
        Node person = entity("person", "ada");
        Node post = entity("post", "ada-pi-hub");
        Node place = entity("place", "zurich");
        Node orgRow = uri(NAMES.assertion("organisation-pi-hub"));
        Node personRow = uri(NAMES.assertion("person-ada"));
        Node postRow = uri(NAMES.assertion("post-ada-pi-hub"));
        Node placeRow = uri(NAMES.assertion("place-zurich"));
        Node meta = uri(NAMES.metadataGraph());
        Node ontology = uri(NAMES.ontologyGraph());
        Node inferred = uri(NAMES.inferredGraph());

        ds.add(orgRow, org, RDF.type.asNode(), coop("University"));
        ds.add(orgRow, org, RDFS.label.asNode(), NodeFactory.createLiteralLang("π-HuB", "en"));
        ds.add(orgRow, org, coop("altLabel"), NodeFactory.createLiteralLang("Pi Hub", "en"));
        ds.add(orgRow, org, uri("http://www.w3.org/2004/02/skos/core#altLabel"), NodeFactory.createLiteralLang("PiHub", "en"));
        ds.add(orgRow, org, uri("http://www.w3.org/2004/02/skos/core#altLabel"), NodeFactory.createLiteralLang("πHuB", "en"));
        ds.add(orgRow, org, coop("country"), place);
        ds.add(orgRow, org, uri("http://www.w3.org/2002/07/owl#sameAs"), uri("http://www.wikidata.org/entity/Q1"));
        for (Node literal : trickyLiterals()) ds.add(orgRow, org, uri(EX + "text"), literal);
        // Blank nodes: a nested description with a list, and two identical anonymous tags.
        Node contact = NodeFactory.createBlankNode();
        Node list1 = NodeFactory.createBlankNode();
        Node list2 = NodeFactory.createBlankNode();
        ds.add(orgRow, org, uri(EX + "contact"), contact);
        ds.add(orgRow, contact, uri(EX + "name"), NodeFactory.createLiteralString("front desk"));
        ds.add(orgRow, contact, uri(EX + "hours"), list1);
        ds.add(orgRow, list1, RDF.first.asNode(), NodeFactory.createLiteralString("Mon"));
        ds.add(orgRow, list1, RDF.rest.asNode(), list2);
        ds.add(orgRow, list2, RDF.first.asNode(), NodeFactory.createLiteralString("Tue"));
        ds.add(orgRow, list2, RDF.rest.asNode(), RDF.nil.asNode());
        for (int i = 0; i < 2; i++) {
            Node tag = NodeFactory.createBlankNode();
            ds.add(orgRow, org, uri(EX + "tag"), tag);
            ds.add(orgRow, tag, RDF.type.asNode(), uri(EX + "Tag"));
        }

        ds.add(personRow, person, RDF.type.asNode(), coop("Person"));
        ds.add(personRow, person, RDFS.label.asNode(), NodeFactory.createLiteralLang("Ada \"the\" Lovelace", "en"));
        ds.add(postRow, post, RDF.type.asNode(), coop("Post"));
        ds.add(postRow, post, RDFS.label.asNode(), NodeFactory.createLiteralLang("Ada, director, π-HuB", "en"));
        ds.add(postRow, post, coop("holder"), person);
        ds.add(postRow, post, coop("postIn"), org);
        ds.add(postRow, post, coop("postTitle"), NodeFactory.createLiteralLang("director", "en"));
        ds.add(postRow, post, coop("startDate"), NodeFactory.createLiteralDT("2018-03", XSDDatatype.XSDgYearMonth));
        ds.add(postRow, post, coop("hasTime"), uri(post.getURI() + "#time"));
        ds.add(postRow, uri(post.getURI() + "#time"), RDF.type.asNode(), uri("http://www.w3.org/2006/time#ProperInterval"));
        ds.add(placeRow, place, RDF.type.asNode(), coop("Country"));
        ds.add(placeRow, place, RDFS.label.asNode(), NodeFactory.createLiteralLang("Switzerland", "en"));
        ds.add(placeRow, place, coop("isoCode"), NodeFactory.createLiteralString("CH"));
        ds.add(placeRow, place, coop("population"), NodeFactory.createLiteralDT("8700000", XSDDatatype.XSDinteger));

        for (Node row : List.of(orgRow, personRow, postRow, placeRow)) {
            ds.add(meta, row, RDF.type.asNode(), Coop.Assertion.asNode());
            ds.add(meta, row, Coop.evidence.asNode(), NodeFactory.createLiteralString("quoted \"evidence\"\nover two lines"));
        }
        ds.add(ontology, coop("postIn"), RDFS.label.asNode(), NodeFactory.createLiteralLang("post in", "en"));
        ds.add(ontology, coop("holder"), RDFS.label.asNode(), NodeFactory.createLiteralLang("holder", "en"));
        ds.add(ontology, coop("affiliatedWith"), RDFS.label.asNode(), NodeFactory.createLiteralLang("affiliated with", "en"));
        ds.add(ontology, coop("University"), RDFS.subClassOf.asNode(), coop("Organisation"));
        Node restriction = NodeFactory.createBlankNode();
        ds.add(ontology, coop("Post"), RDFS.subClassOf.asNode(), restriction);
        ds.add(ontology, restriction, uri("http://www.w3.org/2002/07/owl#onProperty"), coop("holder"));
        ds.add(inferred, org, RDF.type.asNode(), coop("Organisation"));
        ds.add(inferred, person, coop("affiliatedWith"), org);
        ds.add(inferred, person, coop("holds"), post);

        List<Quad> named = new ArrayList<>();
        ds.find().forEachRemaining(named::add);
        named.forEach(q -> ds.add(Quad.defaultGraphIRI, q.getSubject(), q.getPredicate(), q.getObject()));
        ds.prefixes().add("coop", Coop.NS);
        ds.prefixes().add("rdfs", RDFS.getURI());
        ds.prefixes().add("rdf", RDF.getURI());
        ds.prefixes().add("xsd", "http://www.w3.org/2001/XMLSchema#");
        ds.prefixes().add("ex", EX);
        ds.prefixes().add("skos", "http://www.w3.org/2004/02/skos/core#");
        ds.prefixes().add("id", BASE + "id/");
        return new LoadedGraph(ds, NAMES, 4, 3);
    }

    /**
     * The same data with fresh blank nodes, inserted in reverse order: what a second run of the loader
     * would hand to the exporters (Jena labels blank nodes at random on every parse).
     */
    static LoadedGraph relabelled(LoadedGraph graph) {
        List<Quad> quads = new ArrayList<>();
        graph.dataset().find().forEachRemaining(quads::add);
        Collections.reverse(quads);
        Map<Node, Node> fresh = new HashMap<>();
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        for (Quad q : quads) {
            copy.add(q.getGraph(), relabel(q.getSubject(), fresh), q.getPredicate(), relabel(q.getObject(), fresh));
        }
        copy.prefixes().putAll(graph.dataset().prefixes());
        return new LoadedGraph(copy, graph.names(), graph.rows(), graph.inferredTriples());
    }

    private static Node relabel(Node node, Map<Node, Node> fresh) {
        return node.isBlank() ? fresh.computeIfAbsent(node, n -> NodeFactory.createBlankNode()) : node;
    }

    /** Every triple of every graph, the default graph included: what a triple format exports by default. */
    static Graph union(DatasetGraph dataset) {
        Graph union = GraphFactory.createDefaultGraph();
        for (Iterator<Quad> it = dataset.find(); it.hasNext(); ) union.add(it.next().asTriple());
        return union;
    }

    /** The named graphs alone (the loader's union default graph left out): what quad formats export. */
    static DatasetGraph namedOnly(DatasetGraph dataset) {
        DatasetGraph named = DatasetGraphFactory.createGeneral();
        dataset.listGraphNodes().forEachRemaining(g -> named.addGraph(g, dataset.getGraph(g)));
        named.prefixes().putAll(dataset.prefixes());
        return named;
    }

    static byte[] export(RdfExporter exporter, Format format, GraphSelection selection) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.write(format, selection, out);
        return out.toByteArray();
    }

    static DatasetGraph parseWithJena(byte[] bytes, Format format) {
        DatasetGraph parsed = DatasetGraphFactory.createGeneral();
        RDFParser.source(new ByteArrayInputStream(bytes)).lang(jenaLang(format)).parse(parsed);
        return parsed;
    }

    static Lang jenaLang(Format format) {
        return switch (format) {
            case TURTLE -> Lang.TURTLE;
            case NTRIPLES -> Lang.NTRIPLES;
            case NQUADS -> Lang.NQUADS;
            case TRIG -> Lang.TRIG;
            case JSONLD -> Lang.JSONLD;
            case RDFXML -> Lang.RDFXML;
            default -> throw new IllegalArgumentException(format + " is not RDF");
        };
    }

    static List<Format> rdfFormats() {
        return java.util.Arrays.stream(Format.values()).filter(Format::isRdf).toList();
    }

    private static Node entity(String kind, String id) {
        return uri(NAMES.entity(kind, id));
    }

    private static Node coop(String local) {
        return uri(Coop.NS + local);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}

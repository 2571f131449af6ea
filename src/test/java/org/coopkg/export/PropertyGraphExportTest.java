package org.coopkg.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.coopkg.derive.LoadedGraph;
import org.coopkg.load.CuratedSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * GraphML and Neo4j CSV: well-formed, with the node and edge counts that SPARQL counts on the dataset, and
 * the documented shape (n-ary nodes kept, inferred shortcuts flagged, typed attributes).
 */
class PropertyGraphExportTest {
    private static final String GRAPHML = "http://graphml.graphdrawing.org/xmlns";
    private static final String NMTOKEN = "[A-Za-z0-9._:-]+";

    @TempDir
    Path dir;

    /** Nodes and edges counted with SPARQL, independently of PropertyGraphBuilder. */
    record Expected(long nodes, long edges, Map<String, Long> nodesPerKind) {}

    static Expected countWithSparql(LoadedGraph graph) {
        String base = graph.names().base();
        String entity = "\"^" + base.replace(".", "\\\\.") + "id/(" + String.join("|", CuratedSchema.kinds()) + ")/[^/#]+$\"";
        String asserted = "GRAPH ?g { ?s ?p ?o } FILTER(?g NOT IN (<" + graph.names().ontologyGraph() + ">, <"
                + graph.names().inferredGraph() + ">))";
        String nodes = "SELECT ?kind (COUNT(DISTINCT ?s) AS ?n) WHERE { " + asserted + " FILTER(REGEX(STR(?s), " + entity
                + ")) BIND(REPLACE(STR(?s), \"^.*/id/([^/]+)/.*$\", \"$1\") AS ?kind) } GROUP BY ?kind";
        String edges = "SELECT (COUNT(*) AS ?n) WHERE { { SELECT DISTINCT ?s ?p ?o WHERE { { " + asserted
                + " FILTER(?p != <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>) } UNION { GRAPH <"
                + graph.names().inferredGraph() + "> { ?s ?p ?o } VALUES ?p { <https://w3id.org/coop-kg/ontology#affiliatedWith> "
                + "<https://w3id.org/coop-kg/ontology#agreementParty> } } FILTER(isIRI(?o) && REGEX(STR(?s), " + entity
                + ") && REGEX(STR(?o), " + entity + ")) } } }";
        var dataset = DatasetFactory.wrap(graph.dataset());
        Map<String, Long> perKind = new TreeMap<>();
        try (QueryExecution q = QueryExecution.dataset(dataset).query(nodes).build()) {
            q.execSelect().forEachRemaining(s -> perKind.put(s.getLiteral("kind").getString(), s.getLiteral("n").getLong()));
        }
        long edgeCount;
        try (QueryExecution q = QueryExecution.dataset(dataset).query(edges).build()) {
            edgeCount = q.execSelect().next().getLiteral("n").getLong();
        }
        return new Expected(perKind.values().stream().mapToLong(Long::longValue).sum(), edgeCount, perKind);
    }

    static Document parseGraphMl(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    @Test
    void graphMlOfTheBundledDataIsValidAndComplete() throws Exception {
        LoadedGraph bundled = ExportFixtures.bundled();
        Expected expected = countWithSparql(bundled);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GraphMlExporter().write(new PropertyGraphBuilder(bundled.dataset(), bundled.names()).build(), out);
        Document xml = parseGraphMl(out.toByteArray());
        NodeList nodes = xml.getElementsByTagNameNS(GRAPHML, "node");
        NodeList edges = xml.getElementsByTagNameNS(GRAPHML, "edge");
        assertEquals(expected.nodes(), nodes.getLength(), "graphml: number of nodes");
        assertEquals(expected.edges(), edges.getLength(), "graphml: number of edges");

        Map<String, Element> keys = new HashMap<>();
        NodeList keyElements = xml.getElementsByTagNameNS(GRAPHML, "key");
        for (int i = 0; i < keyElements.getLength(); i++) {
            Element key = (Element) keyElements.item(i);
            assertTrue(Set.of("boolean", "int", "long", "float", "double", "string").contains(key.getAttribute("attr.type")));
            assertTrue(key.getAttribute("id").matches(NMTOKEN), key.getAttribute("id"));
            keys.put(key.getAttribute("id"), key);
        }
        Set<String> ids = new HashSet<>();
        Map<String, String> supports = new HashMap<>();
        Map<String, Integer> kinds = new TreeMap<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element node = (Element) nodes.item(i);
            String id = node.getAttribute("id");
            assertTrue(id.matches(NMTOKEN), () -> "graphml: node id '" + id + "' is not an XML NMTOKEN");
            assertTrue(ids.add(id), () -> "graphml: duplicate node id " + id);
            Map<String, String> data = data(node, keys, "node");
            kinds.merge(data.get("kind"), 1, Integer::sum);
            assertTrue(data.containsKey("label") && data.containsKey("iri"), id);
        }
        assertEquals(expected.nodesPerKind(), kinds.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> (long) e.getValue(), (a, b) -> a, TreeMap::new)), "graphml: nodes per kind");
        for (int i = 0; i < edges.getLength(); i++) {
            Element edge = (Element) edges.item(i);
            assertTrue(ids.contains(edge.getAttribute("source")) && ids.contains(edge.getAttribute("target")),
                    "graphml: edge to an undeclared node");
            Map<String, String> data = data(edge, keys, "edge");
            assertTrue(data.get("property").startsWith("http"), data.toString());
            assertTrue(Set.of("stated", "implied").contains(data.get("support")), data.toString());
            supports.put(edge.getAttribute("source") + " " + data.get("name") + " " + edge.getAttribute("target"), data.get("support"));
        }
        // "the two countries" is the curator's reading; "used data from both FAST and … MeerKAT" is the quote's words.
        assertEquals("implied", supports.get("project:youth-scientist-groups participantCountry place:germany"));
        assertEquals("stated", supports.get("project:globular-cluster-pulsar-survey usesDataFrom facility:fast"));
        // A shortcut over a post is as well supported as the weaker of its two steps.
        assertEquals("stated", supports.get("person:philip-diamond affiliatedWith organisation:ska-observatory"));
        assertEquals("implied", supports.get("person:ma-yinzhe affiliatedWith organisation:stellenbosch-university"));
    }

    @Test
    void nAryNodesAreKeptAndShortcutsFlagged() {
        LoadedGraph tricky = ExportFixtures.tricky();
        PropertyGraph graph = new PropertyGraphBuilder(tricky.dataset(), tricky.names()).build();
        assertEquals(List.of("organisation:pi-hub", "person:ada", "place:zurich", "post:ada-pi-hub"),
                graph.nodes().stream().map(PropertyGraph.Entity::id).toList(), "the time node and blank nodes are not nodes");
        List<String> edges = graph.edges().stream()
                .map(e -> e.source().id() + " -" + e.name() + "/" + e.label() + (e.inferred() ? "*" : "") + "-> " + e.target().id())
                .toList();
        assertEquals(List.of(
                "organisation:pi-hub -country/country-> place:zurich",
                "person:ada -affiliatedWith/affiliated with*-> organisation:pi-hub",
                "post:ada-pi-hub -postIn/post in-> organisation:pi-hub",
                "post:ada-pi-hub -holder/holder-> person:ada"), edges, "sorted by source, target, property IRI");

        PropertyGraph.Entity org = graph.nodes().get(0);
        assertEquals("π-HuB", org.label());
        assertEquals(List.of("University"), org.types(), "the most specific asserted class");
        assertEquals(List.of("PiHub", "πHuB"), org.attributes().get("skos_altLabel"), "clashing local names get a prefix");
        assertEquals(List.of("Pi Hub"), org.attributes().get("coop_altLabel"));
        assertEquals(List.of("http://www.wikidata.org/entity/Q1"), org.attributes().get("sameAs"));
        Map<String, PropertyGraph.AttributeKey> keys = new HashMap<>();
        graph.nodeKeys().forEach(k -> keys.put(k.name(), k));
        assertEquals(PropertyGraph.ValueType.LONG, keys.get("population").type());
        assertEquals(PropertyGraph.ValueType.STRING, keys.get("startDate").type(), "partial dates stay strings");
        assertTrue(keys.get("text").multiValued());
        PropertyGraph.Entity post = graph.nodes().get(3);
        assertEquals("post", post.kind());
        assertEquals(List.of("2018-03"), post.attributes().get("startDate"));
        assertFalse(post.attributes().containsKey("hasTime"), "OWL-Time nodes are left out");
    }

    @Test
    void graphMlKeepsTrickyTextExactly() throws Exception {
        LoadedGraph tricky = ExportFixtures.tricky();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GraphMlExporter().write(new PropertyGraphBuilder(tricky.dataset(), tricky.names()).build(), out);
        Document xml = parseGraphMl(out.toByteArray());
        NodeList data = xml.getElementsByTagNameNS(GRAPHML, "data");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < data.getLength(); i++) texts.add(data.item(i).getTextContent());
        assertTrue(texts.contains("Ada \"the\" Lovelace"), texts::toString);
        String text = texts.stream().filter(t -> t.contains("line one")).findFirst().orElseThrow();
        assertTrue(text.contains("line one\nline two\r\nline three\twith a tab"), text);
        assertTrue(text.contains("<tag> & &amp; ]]> --> markup"), text);
        assertTrue(text.contains("satellite \uD83D\uDEF0 outside the BMP"), text);
    }

    @Test
    void neo4jCsvHasImportHeadersAndOneRowPerNodeAndEdge() throws Exception {
        LoadedGraph bundled = ExportFixtures.bundled();
        Expected expected = countWithSparql(bundled);
        Path out = dir.resolve("neo4j");
        List<String> files = new Neo4jExporter().write(new PropertyGraphBuilder(bundled.dataset(), bundled.names()).build(), out);

        Set<String> ids = new HashSet<>();
        Map<String, Long> perKind = new TreeMap<>();
        for (String file : files) {
            if (!file.startsWith("nodes-")) continue;
            List<List<String>> rows = csv(Files.readString(out.resolve(file)));
            List<String> header = rows.get(0);
            assertEquals(List.of("id:ID", ":LABEL", "label:string", "kind:string"), header.subList(0, 4), file);
            for (String column : header.subList(4, header.size())) {
                assertTrue(column.matches("[A-Za-z0-9_.-]+:(string|long|double|boolean)(\\[])?"), () -> file + ": column " + column);
            }
            for (List<String> row : rows.subList(1, rows.size())) {
                assertEquals(header.size(), row.size(), () -> file + ": row " + row);
                assertTrue(ids.add(row.get(0)), () -> "duplicate node id " + row.get(0));
                assertTrue(row.get(1).startsWith(Neo4jExporter.labelName(row.get(3))), row::toString);
            }
            perKind.put(file.substring("nodes-".length(), file.length() - ".csv".length()), (long) rows.size() - 1);
        }
        assertEquals(expected.nodesPerKind(), perKind, "neo4j: node rows per kind");

        List<List<String>> relationships = csv(Files.readString(out.resolve(Neo4jExporter.RELATIONSHIPS)));
        assertEquals(List.of(":START_ID", ":END_ID", ":TYPE", "property:string", "label:string", "inferred:boolean",
                "support:string"), relationships.get(0));
        assertEquals(expected.edges(), relationships.size() - 1, "neo4j: relationship rows");
        for (List<String> row : relationships.subList(1, relationships.size())) {
            assertTrue(ids.contains(row.get(0)) && ids.contains(row.get(1)), () -> "relationship to an unknown node: " + row);
            assertTrue(row.get(2).matches("[A-Z][A-Z0-9_]*"), row::toString);
        }
        assertTrue(relationships.stream().anyMatch(r -> r.get(2).equals("POST_IN")));

        String readme = Files.readString(out.resolve(Neo4jExporter.README));
        assertTrue(readme.contains("neo4j-admin database import full neo4j"), readme);
        for (String file : files) {
            if (file.startsWith("nodes-")) assertTrue(readme.contains("--nodes=" + file), file);
        }
        assertTrue(readme.contains("--relationships=relationships.csv") && readme.contains("--array-delimiter='|'")
                && readme.contains("--multiline-fields=true"), readme);
    }

    private static Map<String, String> data(Element owner, Map<String, Element> keys, String domain) {
        Map<String, String> values = new HashMap<>();
        NodeList data = owner.getElementsByTagNameNS(GRAPHML, "data");
        for (int i = 0; i < data.getLength(); i++) {
            Element d = (Element) data.item(i);
            Element key = keys.get(d.getAttribute("key"));
            assertTrue(key != null && key.getAttribute("for").equals(domain), () -> "undeclared key " + d.getAttribute("key"));
            String value = d.getTextContent();
            switch (key.getAttribute("attr.type")) {
                case "long" -> Long.parseLong(value);
                case "boolean" -> assertTrue(value.equals("true") || value.equals("false"), value);
                default -> { }
            }
            values.put(key.getAttribute("attr.name"), value);
        }
        return values;
    }

    /** RFC 4180 as neo4j-admin reads it: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}

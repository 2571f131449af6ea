package org.coopkg.web;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.coopkg.core.CoopIris;
import org.coopkg.core.Ontology;
import org.coopkg.core.vocab.Coop;
import org.coopkg.load.CuratedSchema;
import org.coopkg.query.Gallery;
import org.coopkg.query.GalleryQuery;

/**
 * What the query page shows besides YASGUI, as one JSON object: the SPARQL endpoint (a path relative to
 * the server root, where the page is), the ontology's prefixes, how many entities of each kind the loaded
 * graph holds, a few totals, and the gallery queries. Computed once, from the loaded data, the first time it is asked for
 * (the dataset is read-only).
 */
final class PageData {
    /** A path on this server, with or without its leading slash: no scheme, host or query. */
    private static final Pattern SERVER_PATH = Pattern.compile("/?[A-Za-z0-9._-][A-Za-z0-9._~/-]*");

    /** A link the page shows under the summary: a dump, the dataset description… */
    record Link(String label, String path) {}

    private final DatasetGraph dataset;
    private final String endpointPath;
    private final List<Link> links = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile String json;

    /** {@code endpointPath}: the SPARQL endpoint's path on this server ({@code /coop/sparql} or {@code coop/sparql}). */
    PageData(DatasetGraph dataset, String endpointPath) {
        this.dataset = dataset;
        this.endpointPath = relativeToRoot(endpointPath);
    }

    /**
     * Adds a link to something this server really serves (a path on it, e.g. a dump or the dataset
     * description); the page shows only the links added here. Call before the server starts.
     */
    PageData link(String label, String path) {
        links.add(new Link(label, relativeToRoot(path)));
        return this;
    }

    /**
     * A path on this server ({@code /id/} or {@code id/}) as the page uses it: relative to the server root,
     * where the page is, so that it still works behind a reverse proxy that adds a path prefix.
     */
    private static String relativeToRoot(String path) {
        if (!SERVER_PATH.matcher(path).matches()) throw new IllegalArgumentException("not a path on this server: " + path);
        return path.startsWith("/") ? path.substring(1) : path;
    }

    String json() {
        String result = json;
        if (result == null) {
            synchronized (this) {
                if (json == null) json = compute().toString();
                result = json;
            }
        }
        return result;
    }

    private JsonObject compute() {
        JsonObject page = new JsonObject();
        page.put("endpoint", endpointPath);
        String idBase = dataset.prefixes().get(CoopIris.ENTITY_PREFIX);
        if (idBase != null) page.put("idBase", idBase);

        JsonArray prefixes = new JsonArray();
        Graph ontology = Ontology.graph();
        new TreeMap<>(ontology.getPrefixMapping().getNsPrefixMap()).forEach((prefix, namespace) -> {
            JsonObject p = new JsonObject();
            p.put("prefix", prefix);
            p.put("namespace", namespace);
            prefixes.add(p);
        });
        page.put("prefixes", prefixes);

        JsonArray labelProperties = new JsonArray();
        labelProperties.add(RDFS.label.getURI());
        labelProperties.add(SKOS.prefLabel.getURI());
        page.put("labelProperties", labelProperties);
        page.put("terms", terms(ontology));
        page.put("termInfo", termInfo(ontology));
        page.put("lookup", relativeToRoot(CoopIris.LOOKUP_PATH));

        if (dataset.supportsTransactions()) Txn.executeRead(dataset, () -> counts(page));
        else counts(page);

        JsonArray examples = new JsonArray();
        List<GalleryQuery> gallery = Gallery.bundled();
        for (GalleryQuery q : gallery) {
            JsonObject e = new JsonObject();
            e.put("file", q.file());
            e.put("title", q.title());
            e.put("question", q.question());
            e.put("sparql", q.sparql());
            e.put("name", q.name());
            e.put("view", q.view());
            examples.add(e);
        }
        page.put("examples", examples);

        JsonArray linkArray = new JsonArray();
        for (Link link : links) {
            JsonObject l = new JsonObject();
            l.put("label", link.label());
            l.put("path", link.path());
            linkArray.add(l);
        }
        page.put("links", linkArray);
        return page;
    }

    /** The classes and properties the ontology declares, for the editor's autocompletion. */
    private static JsonObject terms(Graph ontology) {
        Set<String> classes = new TreeSet<>();
        Set<String> properties = new TreeSet<>();
        ontology.find(Node.ANY, RDF.Nodes.type, Node.ANY).forEachRemaining(t -> {
            if (!t.getSubject().isURI()) return;
            Node type = t.getObject();
            if (type.equals(OWL.Class.asNode()) || type.equals(RDFS.Class.asNode())) classes.add(t.getSubject().getURI());
            if (type.equals(OWL.ObjectProperty.asNode()) || type.equals(OWL.DatatypeProperty.asNode())
                    || type.equals(OWL.AnnotationProperty.asNode()) || type.equals(RDF.Property.asNode())) {
                properties.add(t.getSubject().getURI());
            }
        });
        JsonObject terms = new JsonObject();
        JsonArray c = new JsonArray();
        classes.forEach(c::add);
        JsonArray p = new JsonArray();
        properties.forEach(p::add);
        terms.put("class", c);
        terms.put("property", p);
        return terms;
    }

    /** The label and definition of every class and property, for the editor's completion list. */
    private static JsonObject termInfo(Graph ontology) {
        TermLabels labels = new TermLabels(ontology);
        JsonObject info = new JsonObject();
        JsonObject terms = terms(ontology);
        for (String kind : List.of("class", "property")) {
            terms.get(kind).getAsArray().forEach(v -> {
                String iri = v.getAsString().value();
                JsonObject o = new JsonObject();
                o.put("label", labels.label(iri));
                labels.definition(iri).ifPresent(d -> o.put("definition", d));
                info.put(iri, o);
            });
        }
        return info;
    }

    private void counts(JsonObject page) {
        // The loader declares id: as {base}id/, the entity space; data without it has no entities to count.
        String entitySpace = dataset.prefixes().get(CoopIris.ENTITY_PREFIX);
        Optional<CoopIris> iris = Optional.ofNullable(entitySpace).map(CoopIris::ofEntitySpace);
        Graph union = dataset.getDefaultGraph();
        Map<String, Set<Node>> entities = new LinkedHashMap<>();
        CuratedSchema.kinds().forEach(kind -> entities.put(kind, new HashSet<>()));
        long triples = 0;
        for (var it = union.find(); it.hasNext(); ) {
            Node s = it.next().getSubject();
            triples++;
            if (!s.isURI()) continue;
            iris.flatMap(i -> i.kindOf(s.getURI())).filter(entities::containsKey).ifPresent(kind -> entities.get(kind).add(s));
        }
        JsonArray counts = new JsonArray();
        entities.forEach((kind, set) -> {
            if (set.isEmpty()) return;
            JsonObject c = new JsonObject();
            c.put("kind", kind);
            c.put("label", EntityCatalog.title(kind).toLowerCase(Locale.ROOT));
            c.put("count", set.size());
            counts.add(c);
        });
        page.put("counts", counts);

        JsonObject totals = new JsonObject();
        totals.put("triples", triples);
        long graphs = 0;
        for (var it = dataset.listGraphNodes(); it.hasNext(); it.next()) graphs++;
        totals.put("namedGraphs", graphs);
        totals.put("assertions", count(union, RDF.Nodes.type, Coop.Assertion.asNode()));
        totals.put("stated", count(union, Coop.support.asNode(), Coop.Stated.asNode()));
        totals.put("implied", count(union, Coop.support.asNode(), Coop.Implied.asNode()));
        page.put("totals", totals);
    }

    private static long count(Graph graph, Node predicate, Node object) {
        long n = 0;
        for (var it = graph.find(Node.ANY, predicate, object); it.hasNext(); it.next()) n++;
        return n;
    }

}

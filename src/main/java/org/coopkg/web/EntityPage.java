package org.coopkg.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.coopkg.core.CoopIris;
import org.coopkg.core.ExternalDataset;
import org.coopkg.core.Format;
import org.coopkg.core.vocab.Coop;
import org.coopkg.core.vocab.Prov;

/**
 * The HTML page of one entity, rendered on the server and readable without JavaScript: what it is, its
 * curated facts with the properties' ontology labels, its posts and agreement parties as tables, the links
 * pointing at it phrased from its side ("leads", "topic of"), what the ontology lets us infer, its
 * external identifiers, and a numbered list of the source quotes behind every fact.
 */
public final class EntityPage {
    private static final Node HOLDER = coop("holder");
    private static final Node POST_IN = coop("postIn");
    private static final Node POST_AT_FACILITY = coop("postAtFacility");
    private static final Node POST_TITLE = coop("postTitle");
    private static final Node ROLE = coop("role");
    private static final Node FORMER = coop("former");
    private static final Node START = coop("startDate");
    private static final Node END = coop("endDate");
    private static final Node PARTY = coop("party");
    private static final Node PARTY_IN = coop("partyIn");
    private static final Node PARTY_ROLE = coop("partyRole");

    /** Shown in the page header rather than the facts table. */
    private static final Set<Node> HEADER = Set.of(RDF.type.asNode(), RDFS.label.asNode(), DCTerms.description.asNode(),
            SKOS.altLabel.asNode(), SKOS.prefLabel.asNode(), SKOS.definition.asNode());
    private static final Set<Node> IDENTIFIER_LINKS = Set.of(OWL.sameAs.asNode(), SKOS.exactMatch.asNode(), SKOS.closeMatch.asNode());
    /** Incoming links shown in their own tables (posts, parties) or that are provenance, not relations. */
    private static final Set<Node> INCOMING_SHOWN_ELSEWHERE = Set.of(HOLDER, POST_IN, POST_AT_FACILITY, PARTY, PARTY_IN,
            Coop.describes.asNode(), Prov.wasDerivedFrom.asNode());
    /** Inferred links that repeat what the posts and parties tables already say. */
    private static final Set<Node> INFERRED_SHOWN_ELSEWHERE = Set.of(coop("holds"), coop("hasPost"), coop("partyTo"),
            coop("agreementParty"), coop("hasParty"));

    private final KnowledgeGraphView view;
    private final TermLabels terms;
    private final PageLinks links;
    private final Node entity;
    private final String path;
    private final String sparqlPath;
    private final Map<Node, Integer> footnotes = new LinkedHashMap<>();

    public EntityPage(KnowledgeGraphView view, TermLabels terms, PageLinks links, Node entity, String path, String sparqlPath) {
        this.view = view;
        this.terms = terms;
        this.links = links;
        this.entity = entity;
        this.path = path;
        this.sparqlPath = sparqlPath;
    }

    private static Node coop(String local) {
        return NodeFactory.createURI(Coop.NS + local);
    }

    public String render(String kindTitle) {
        return view.read(() -> {
            String label = view.label(entity);
            Html body = new Html();
            header(body, label);
            facts(body);
            posts(body);
            parties(body);
            incoming(body);
            describedFromSource(body);
            assertionStatements(body);
            inferred(body);
            identifiers(body);
            sources(body);
            dataForms(body);
            String slug = path.substring(path.lastIndexOf('/') + 1);
            List<PageLayout.Alternate> alternates = ContentNegotiation.ENTITY.stream().filter(t -> t != Format.HTML)
                    .map(t -> new PageLayout.Alternate(t, slug + "." + t.extension())).toList();
            String root = PageLayout.rootPrefix(path);
            return PageLayout.page(label, List.of(new PageLayout.Crumb("Linked Data", PageLinks.relative(path, CoopIris.HOME_PATH)),
                            new PageLayout.Crumb(kindTitle, "./"), new PageLayout.Crumb(label, null)),
                    alternates, root.isEmpty() ? "./" : root, body, root, sparqlPath);
        });
    }

    private void header(Html h, String label) {
        List<Node> types = view.assertedTypes(entity);
        if (!types.isEmpty()) {
            h.open("p", "class", "kind");
            for (int i = 0; i < types.size(); i++) {
                if (i > 0) h.text(" · ");
                h.link(links.href(types.get(i), path), termLabel(types.get(i)), "title", terms.definition(uri(types.get(i))).orElse(null));
            }
            h.close("p");
        }
        h.element("h1", label);
        h.open("p", "class", "iri").open("code").text(entity.getURI()).close("code").close("p");
        for (Node d : view.values(entity, DCTerms.description.asNode())) h.element("p", text(d), "class", "description");
        for (Node d : view.values(entity, SKOS.definition.asNode())) h.element("p", text(d), "class", "description");
        List<Node> aka = view.values(entity, SKOS.altLabel.asNode());
        if (!aka.isEmpty()) {
            h.open("p").element("span", "Also known as: ", "class", "muted");
            h.text(String.join(", ", aka.stream().map(this::text).toList())).close("p");
        }
        summary(h);
        // The entity's own row is the assertion whose graph gives it its class (relations and links do not).
        List<Node> rows = view.assertionsDescribing(entity).stream()
                .filter(a -> view.graph(a).stream().anyMatch(q -> q.getSubject().equals(entity)
                        && q.getPredicate().equals(RDF.type.asNode()))).toList();
        if (!rows.isEmpty()) {
            h.open("p", "class", "meta").text("Curated row: ");
            for (Node a : rows) {
                view.provenance(a).file().ifPresent(f -> h.text(f + " line " + view.provenance(a).line().map(String::valueOf).orElse("?")));
                ref(h, a);
                h.text(" ");
            }
            h.close("p");
        }
    }

    /** Posts and agreement parties are n-ary nodes: say in one line what they stand for. */
    private void summary(Html h) {
        Optional<Node> holder = first(entity, HOLDER);
        if (holder.isPresent()) {
            h.open("p", "class", "description");
            value(h, holder.get(), 1);
            h.text(isTrue(entity, FORMER) ? " — former " : " — ");
            h.text(postTitle(entity));
            first(entity, POST_IN).ifPresent(o -> { h.text(", "); value(h, o, 1); });
            first(entity, POST_AT_FACILITY).ifPresent(f -> { h.text(", at "); value(h, f, 1); });
            h.close("p");
        }
        Optional<Node> party = first(entity, PARTY);
        Optional<Node> agreement = first(entity, PARTY_IN);
        if (party.isPresent() && agreement.isPresent()) {
            h.open("p", "class", "description");
            value(h, party.get(), 1);
            h.text(" is a party");
            first(entity, PARTY_ROLE).ifPresent(r -> h.text(" (" + view.label(r) + ")"));
            h.text(" to ");
            value(h, agreement.get(), 1);
            h.text(".");
            h.close("p");
        }
    }

    private void facts(Html h) {
        Map<Node, Map<Node, List<Node>>> byProperty = grouped(view.asserted(entity, Node.ANY, Node.ANY));
        // Identifiers (links out, the ISO code) have their own table.
        byProperty.keySet().removeIf(p -> HEADER.contains(p) || IDENTIFIER_LINKS.contains(p) || p.equals(coop("isoCode")));
        if (byProperty.isEmpty()) return;
        h.element("h2", "Facts");
        h.open("table", "class", "facts").open("tbody");
        byProperty.forEach((p, values) -> {
            h.open("tr").open("th", "scope", "row");
            h.link(links.href(p, path), terms.label(p.getURI()), "title", terms.definition(p.getURI()).orElse(terms.shortName(p.getURI())));
            h.close("th").open("td").open("ul", "class", "values");
            values.forEach((o, graphs) -> {
                h.open("li");
                value(h, o, 0);
                graphs.forEach(g -> ref(h, g));
                h.close("li");
            });
            h.close("ul").close("td").close("tr");
        });
        h.close("tbody").close("table");
    }

    private void posts(Html h) {
        Set<Node> posts = new LinkedHashSet<>();
        for (Node p : List.of(HOLDER, POST_IN, POST_AT_FACILITY)) {
            view.asserted(Node.ANY, p, entity).forEach(q -> posts.add(q.getSubject()));
        }
        if (posts.isEmpty()) return;
        h.element("h2", "Posts");
        h.open("table").open("thead").open("tr");
        for (String c : List.of("Person", "Post", "Organisation or facility", "Dates", "Source")) h.element("th", c);
        h.close("tr").close("thead").open("tbody");
        for (Node post : sortedByLabel(posts)) {
            h.open("tr").open("td");
            first(post, HOLDER).ifPresent(p -> value(h, p, 1));
            h.close("td").open("td");
            h.link(links.href(post, path), (isTrue(post, FORMER) ? "former " : "") + postTitle(post));
            h.close("td").open("td");
            List<Node> where = new ArrayList<>();
            first(post, POST_IN).ifPresent(where::add);
            first(post, POST_AT_FACILITY).ifPresent(where::add);
            for (int i = 0; i < where.size(); i++) {
                if (i > 0) h.text("; ");
                value(h, where.get(i), 1);
            }
            h.close("td").open("td").text(dates(post)).close("td").open("td");
            view.assertionsDescribing(post).forEach(a -> ref(h, a));
            h.close("td").close("tr");
        }
        h.close("tbody").close("table");
    }

    private void parties(Html h) {
        List<Quad> asAgreement = view.asserted(Node.ANY, PARTY_IN, entity);
        List<Quad> asParty = view.asserted(Node.ANY, PARTY, entity);
        if (asAgreement.isEmpty() && asParty.isEmpty()) return;
        boolean agreementPage = !asAgreement.isEmpty();
        h.element("h2", agreementPage ? "Parties" : "Agreements");
        h.open("table").open("thead").open("tr");
        for (String c : List.of(agreementPage ? "Party" : "Agreement", "Role", "Source")) h.element("th", c);
        h.close("tr").close("thead").open("tbody");
        List<Node> nodes = (agreementPage ? asAgreement : asParty).stream().map(Quad::getSubject).distinct().toList();
        for (Node partyNode : sortedByLabel(nodes)) {
            h.open("tr").open("td");
            first(partyNode, agreementPage ? PARTY : PARTY_IN).ifPresent(o -> value(h, o, 1));
            h.close("td").open("td");
            Optional<Node> role = first(partyNode, PARTY_ROLE);
            if (role.isPresent()) h.link(links.href(partyNode, path), view.label(role.get()));
            else h.link(links.href(partyNode, path), "party");
            h.close("td").open("td");
            view.assertionsDescribing(partyNode).forEach(a -> ref(h, a));
            h.close("td").close("tr");
        }
        h.close("tbody").close("table");
    }

    private void incoming(Html h) {
        List<Quad> quads = new ArrayList<>(view.asserted(Node.ANY, Node.ANY, entity));
        quads.removeIf(q -> INCOMING_SHOWN_ELSEWHERE.contains(q.getPredicate()) || q.getSubject().equals(entity));
        if (quads.isEmpty()) return;
        Map<String, Map<Node, List<Node>>> byPhrase = new TreeMap<>();
        for (Quad q : quads) {
            byPhrase.computeIfAbsent(terms.incomingLabel(q.getPredicate().getURI()), k -> new TreeMap<>(byLabel()))
                    .computeIfAbsent(q.getSubject(), k -> new ArrayList<>()).add(q.getGraph());
        }
        h.element("h2", "Linked from");
        h.open("table").open("tbody");
        byPhrase.forEach((phrase, subjects) -> {
            h.open("tr").element("th", phrase, "scope", "row").open("td").open("ul", "class", "values");
            subjects.forEach((s, graphs) -> {
                h.open("li");
                value(h, s, 1);
                graphs.stream().distinct().forEach(g -> ref(h, g));
                h.close("li");
            });
            h.close("ul").close("td").close("tr");
        });
        h.close("tbody").close("table");
    }

    /** On a source document's page: what the curated rows citing it describe. */
    private void describedFromSource(Html h) {
        Set<Node> described = new LinkedHashSet<>();
        for (Quad q : view.asserted(Node.ANY, Prov.wasDerivedFrom.asNode(), entity)) {
            view.value(q.getSubject(), Coop.describes.asNode()).ifPresent(described::add);
        }
        if (described.isEmpty()) return;
        h.element("h2", "Described from this source");
        h.element("p", described.size() + " entities have curated statements that cite this source.", "class", "muted");
        h.open("ul", "class", "index");
        for (Node d : sortedByLabel(described)) {
            h.open("li");
            value(h, d, 1);
            h.close("li");
        }
        h.close("ul");
    }

    /** On an assertion's page: the statements its graph holds. */
    private void assertionStatements(Html h) {
        if (!view.isAssertion(entity)) return;
        List<Quad> quads = view.graph(entity);
        if (quads.isEmpty()) return;
        h.element("h2", "Statements of this assertion");
        h.open("table").open("thead").open("tr");
        for (String c : List.of("Subject", "Property", "Value")) h.element("th", c);
        h.close("tr").close("thead").open("tbody");
        for (Quad q : quads) {
            h.open("tr").open("td");
            value(h, q.getSubject(), 1);
            h.close("td").open("td");
            h.link(links.href(q.getPredicate(), path), terms.label(q.getPredicate().getURI()));
            h.close("td").open("td");
            value(h, q.getObject(), 1);
            h.close("td").close("tr");
        }
        h.close("tbody").close("table");
    }

    private void inferred(Html h) {
        Set<Node> connected = new LinkedHashSet<>();
        view.asserted(entity, Node.ANY, Node.ANY).forEach(q -> connected.add(q.getObject()));
        view.asserted(Node.ANY, Node.ANY, entity).forEach(q -> connected.add(q.getSubject()));
        List<Quad> quads = new ArrayList<>(view.inferredOnly(entity, Node.ANY, Node.ANY));
        quads.removeIf(q -> !q.getPredicate().getURI().startsWith(Coop.NS) || connected.contains(q.getObject())
                || INFERRED_SHOWN_ELSEWHERE.contains(q.getPredicate()));
        if (quads.isEmpty()) return;
        h.element("h2", "Inferred from the ontology");
        h.element("p", "Not stated by a curated row: the loader derived these from the ontology (places that contain "
                + "places, property chains such as post holder → organisation).", "class", "muted");
        Map<Node, Map<Node, List<Node>>> byProperty = grouped(quads);
        h.open("table").open("tbody");
        byProperty.forEach((p, values) -> {
            h.open("tr").open("th", "scope", "row").link(links.href(p, path), terms.label(p.getURI()),
                    "title", terms.definition(p.getURI()).orElse(null)).close("th").open("td").open("ul", "class", "values");
            values.keySet().forEach(o -> {
                h.open("li");
                value(h, o, 1);
                h.element("span", "inferred", "class", "inferred");
                h.close("li");
            });
            h.close("ul").close("td").close("tr");
        });
        h.close("tbody").close("table");
    }

    private void identifiers(Html h) {
        List<Quad> quads = new ArrayList<>();
        for (Node p : IDENTIFIER_LINKS) quads.addAll(view.asserted(entity, p, Node.ANY));
        Optional<Node> iso = first(entity, coop("isoCode"));
        if (quads.isEmpty() && iso.isEmpty()) return;
        quads.sort(KnowledgeGraphView.QUAD_ORDER);
        h.element("h2", "External identifiers");
        h.open("table").open("thead").open("tr");
        for (String c : List.of("Data set", "Identifier", "Match", "Verified")) h.element("th", c);
        h.close("tr").close("thead").open("tbody");
        for (Quad q : quads) {
            String iri = q.getObject().getURI();
            Optional<ExternalDataset> set = ExternalDataset.of(iri);
            h.open("tr").element("td", set.map(ExternalDataset::title).orElse("other")).open("td");
            h.link(iri, set.map(s -> s.identifier(iri)).orElse(iri));
            h.close("td").open("td").text(terms.label(q.getPredicate().getURI())).close("td").open("td");
            ref(h, q.getGraph());
            h.close("td").close("tr");
        }
        iso.ifPresent(code -> {
            h.open("tr").element("td", "ISO 3166-1 alpha-2").open("td").open("code").text(code.getLiteralLexicalForm())
                    .close("code").close("td").element("td", "country code").open("td");
            view.asserted(entity, coop("isoCode"), Node.ANY).forEach(q -> ref(h, q.getGraph()));
            h.close("td").close("tr");
        });
        h.close("tbody").close("table");
    }

    private void sources(Html h) {
        if (footnotes.isEmpty()) return;
        h.open("section", "id", "sources").element("h2", "Sources");
        h.open("ol", "class", "sources");
        footnotes.forEach((assertion, n) -> {
            KnowledgeGraphView.Provenance p = view.provenance(assertion);
            h.open("li", "id", "src-" + n);
            p.evidence().ifPresent(e -> h.open("blockquote").text("“" + e + "”").close("blockquote"));
            p.source().ifPresent(s -> {
                boolean reference = view.assertedTypes(s).stream().anyMatch(t -> t.getURI().equals(Coop.NS + "ReferenceRecord"))
                        || view.iris().pathOfIri(s.getURI()).isEmpty();
                h.text(reference ? "Verified at " : "Source: ");
                if (view.iris().pathOfIri(s.getURI()).isPresent()) h.link(links.href(s, path), view.label(s));
                else h.link(s.getURI(), s.getURI());
            });
            p.note().ifPresent(note -> h.text(" — " + note));
            h.open("span", "class", "muted").text(" · ");
            p.file().ifPresent(f -> h.text(f + " line " + p.line().map(String::valueOf).orElse("?") + " · "));
            h.link(links.href(assertion, path), "assertion");
            h.close("span").close("li");
        });
        h.close("ol").close("section");
    }

    private void dataForms(Html h) {
        String slug = path.substring(path.lastIndexOf('/') + 1);
        h.element("h2", "This description as data");
        h.open("ul", "class", "formats");
        for (Format t : ContentNegotiation.ENTITY) {
            if (t == Format.HTML) continue;
            h.open("li").link(slug + "." + t.extension(), t.title(), "type", t.mediaType()).close("li");
        }
        h.close("ul");
        h.element("p", "The same IRI answers with any of these types by content negotiation (Accept header). TriG and "
                + "N-Quads keep each statement in the named graph of the curated row it comes from.", "class", "muted");
    }

    // --- values ---------------------------------------------------------------------------------------

    /** One value: a linked name, an outside identifier, a fragment node spelled out, or a literal in words. */
    private void value(Html h, Node o, int depth) {
        if (o.isLiteral()) {
            h.text(LiteralText.of(o));
            return;
        }
        if (!o.isURI()) {
            h.element("span", "(unnamed node)", "class", "muted");
            return;
        }
        String iri = o.getURI();
        if (iri.startsWith(entity.getURI() + "#") && depth < 3) {
            nested(h, o, depth);
            return;
        }
        h.link(links.href(o, path), display(o));
    }

    private void nested(Html h, Node node, int depth) {
        h.open("dl", "class", "nested");
        for (Quad q : view.asserted(node, Node.ANY, Node.ANY)) {
            h.element("dt", terms.label(q.getPredicate().getURI()));
            h.open("dd");
            value(h, q.getObject(), depth + 1);
            h.close("dd");
        }
        h.close("dl");
    }

    private String display(Node o) {
        String iri = o.getURI();
        if (iri.startsWith(Coop.NS) || iri.startsWith("http://www.w3.org/2006/time#")) return terms.label(iri);
        Optional<ExternalDataset> set = ExternalDataset.of(iri);
        if (set.isPresent()) return set.get().title() + " " + set.get().identifier(iri);
        if (view.iris().pathOfIri(iri).isPresent() || view.hasLabel(o)) return view.label(o);
        return iri;
    }

    private String termLabel(Node term) {
        return term.isURI() ? terms.label(term.getURI()) : "?";
    }

    private String text(Node n) {
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }

    private static String uri(Node n) {
        return n.isURI() ? n.getURI() : "";
    }

    private void ref(Html h, Node graph) {
        if (!view.isAssertion(graph)) return;
        int n = footnotes.computeIfAbsent(graph, g -> footnotes.size() + 1);
        h.open("sup", "class", "ref").link("#src-" + n, "[" + n + "]", "title", "source and evidence quote").close("sup");
    }

    private Optional<Node> first(Node s, Node p) {
        return view.asserted(s, p, Node.ANY).stream().map(Quad::getObject).findFirst();
    }

    private boolean isTrue(Node s, Node p) {
        return first(s, p).filter(Node::isLiteral).map(n -> "true".equals(n.getLiteralLexicalForm())).orElse(false);
    }

    private String postTitle(Node post) {
        return first(post, POST_TITLE).map(Node::getLiteralLexicalForm)
                .or(() -> first(post, ROLE).map(view::label)).orElse("post");
    }

    private String dates(Node post) {
        Optional<String> start = first(post, START).map(LiteralText::of);
        Optional<String> end = first(post, END).map(LiteralText::of);
        if (start.isEmpty() && end.isEmpty()) return "";
        return start.map(s -> "from " + s).orElse("") + (start.isPresent() && end.isPresent() ? " " : "")
                + end.map(e -> "until " + e).orElse("");
    }

    /** Property → value → graphs stating it, properties in order of their labels, values by name. */
    private Map<Node, Map<Node, List<Node>>> grouped(List<Quad> quads) {
        Map<Node, Map<Node, List<Node>>> map = new TreeMap<>(Comparator.comparing((Node p) -> terms.label(p.getURI()))
                .thenComparing(Node::getURI));
        for (Quad q : quads) {
            map.computeIfAbsent(q.getPredicate(), k -> new TreeMap<>(byLabel()))
                    .computeIfAbsent(q.getObject(), k -> new ArrayList<>()).add(q.getGraph());
        }
        return map;
    }

    private Comparator<Node> byLabel() {
        return Comparator.comparing((Node n) -> n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? display(n) : "")
                .thenComparing((Node n) -> n.toString());
    }

    private List<Node> sortedByLabel(java.util.Collection<Node> nodes) {
        List<Node> list = new ArrayList<>(nodes);
        list.sort(byLabel());
        return list;
    }
}

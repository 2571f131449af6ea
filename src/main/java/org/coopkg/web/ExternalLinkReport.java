package org.coopkg.web;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.coopkg.core.CoopIris;
import org.coopkg.core.ExternalDataset;
import org.coopkg.core.LinkPredicate;
import org.coopkg.core.vocab.Coop;

/**
 * How well each kind of entity is linked to Wikidata, GeoNames and ROR: per kind, how many entities have a
 * link to each data set (and by which property), which entities have none, and the ISO 3166-1 codes of the
 * countries. Read from the loaded graph, i.e. from the verified rows of external-links.csv.
 *
 * <p>Only the kinds that name things other data sets also name are reported; posts, agreement parties,
 * headline figures, assertions and concept schemes are n-ary or bookkeeping nodes with no counterpart
 * elsewhere, and source documents are cited by URL.
 */
public final class ExternalLinkReport {
    public static final List<String> KINDS = List.of("place", "organisation", "facility", "project", "lab", "person",
            "event", "agreement", "concept");

    /** One kind: entities, and per data set the linked entities by property. */
    public record KindReport(String kind, List<Node> entities, Map<ExternalDataset, Map<String, Set<Node>>> linked,
                             List<Node> unlinked, Map<String, String> isoCodes, List<String> countriesWithoutCode) {
        public int linkedCount(ExternalDataset dataset) {
            return (int) linked.getOrDefault(dataset, Map.of()).values().stream().flatMap(Set::stream).distinct().count();
        }
    }

    private final KnowledgeGraphView view;
    private final EntityCatalog catalog;

    public ExternalLinkReport(DatasetGraph dataset, String base) {
        this.view = new KnowledgeGraphView(dataset, new CoopIris(base));
        this.catalog = new EntityCatalog(new Preparations(), view);
    }

    public List<KindReport> kinds() {
        return view.read(() -> {
            List<KindReport> reports = new ArrayList<>();
            for (String kind : KINDS) {
                List<Node> entities = catalog.entities(kind);
                if (entities.isEmpty()) continue;
                Map<ExternalDataset, Map<String, Set<Node>>> linked = new EnumMap<>(ExternalDataset.class);
                List<Node> unlinked = new ArrayList<>();
                Map<String, String> iso = new TreeMap<>();
                List<String> noCode = new ArrayList<>();
                for (Node e : entities) {
                    boolean any = false;
                    for (LinkPredicate link : LinkPredicate.values()) {
                        for (var q : view.asserted(e, link.node(), Node.ANY)) {
                            if (!q.getObject().isURI()) continue;
                            var set = ExternalDataset.of(q.getObject().getURI());
                            if (set.isEmpty()) continue;
                            any = true;
                            linked.computeIfAbsent(set.get(), k -> new TreeMap<>())
                                    .computeIfAbsent(link.shortName(), k -> new java.util.TreeSet<>(java.util.Comparator.comparing(Node::getURI)))
                                    .add(e);
                        }
                    }
                    if (!any) unlinked.add(e);
                    if (!view.asserted(e, RDF.type.asNode(), Coop.Country.asNode()).isEmpty()) {
                        var code = view.asserted(e, Coop.isoCode.asNode(), Node.ANY);
                        if (code.isEmpty()) noCode.add(EntityCatalog.slug(e));
                        else iso.put(EntityCatalog.slug(e), code.get(0).getObject().getLiteralLexicalForm());
                    }
                }
                reports.add(new KindReport(kind, entities, linked, unlinked, iso, noCode));
            }
            return reports;
        });
    }

    /**
     * The links to an outside data set that a curated row states and that cite the page they were verified on
     * ({@code prov:wasDerivedFrom} of the row's graph): every link the loader writes, one per external-links.csv row.
     */
    public long verifiedLinks() {
        return view.read(() -> {
            long n = 0;
            for (LinkPredicate link : LinkPredicate.values()) {
                for (var q : view.asserted(Node.ANY, link.node(), Node.ANY)) {
                    boolean outside = q.getObject().isURI() && ExternalDataset.of(q.getObject().getURI()).isPresent();
                    if (outside && view.isAssertion(q.getGraph()) && view.provenance(q.getGraph()).source().isPresent()) n++;
                }
            }
            return n;
        });
    }

    /** The report as text, for {@code coopkg links}. */
    public void print(PrintWriter out) {
        out.println("External identifiers by kind (from the verified rows of external-links.csv)");
        out.println(verifiedLinks() + " verified links, each with the page it was verified on");
        for (KindReport r : kinds()) {
            out.println();
            out.printf("%s: %d entities, %d linked to at least one data set%n", r.kind(), r.entities().size(),
                    r.entities().size() - r.unlinked().size());
            for (ExternalDataset d : ExternalDataset.values()) {
                Map<String, Set<Node>> byProperty = r.linked().getOrDefault(d, Map.of());
                StringBuilder detail = new StringBuilder();
                byProperty.forEach((p, nodes) -> detail.append(detail.length() == 0 ? " (" : ", ").append(p).append(' ').append(nodes.size()));
                if (detail.length() > 0) detail.append(')');
                out.printf("  %-9s %3d of %d%s%n", d.id(), r.linkedCount(d), r.entities().size(), detail);
            }
            out.println("  not linked: " + (r.unlinked().isEmpty() ? "none"
                    : String.join(", ", r.unlinked().stream().map(EntityCatalog::slug).toList())));
            if (!r.isoCodes().isEmpty() || !r.countriesWithoutCode().isEmpty()) {
                List<String> pairs = new ArrayList<>();
                r.isoCodes().forEach((slug, code) -> pairs.add(slug + " " + code));
                out.println("  ISO 3166-1 alpha-2: " + String.join(", ", pairs));
                out.println("  countries without an ISO code: " + (r.countriesWithoutCode().isEmpty() ? "none"
                        : String.join(", ", r.countriesWithoutCode())));
            }
        }
        out.flush();
    }
}

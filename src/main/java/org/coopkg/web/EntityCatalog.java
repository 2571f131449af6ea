package org.coopkg.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;

/**
 * Every entity of the loaded data by kind: the IRIs {@code {base}id/{kind}/{id}} that are the subject of
 * a curated statement (fragment nodes such as {@code #time} are part of their entity, not entities).
 * Computed once: the served dataset is read-only.
 */
public final class EntityCatalog {
    /** What to call each kind in headings; a kind missing here is shown by its name. */
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("place", "Places"),
            Map.entry("organisation", "Organisations"),
            Map.entry("person", "People"),
            Map.entry("post", "Posts"),
            Map.entry("facility", "Facilities and instruments"),
            Map.entry("project", "Programmes and projects"),
            Map.entry("agreement", "Agreements"),
            Map.entry("party", "Agreement parties"),
            Map.entry("lab", "Joint laboratories"),
            Map.entry("event", "Events"),
            Map.entry("figure", "Headline figures"),
            Map.entry("concept", "Concepts: topics and roles"),
            Map.entry("scheme", "Concept schemes"),
            Map.entry("source", "Source documents"),
            Map.entry("assertion", "Assertions (one per curated row)"));
    /** Kinds listed first on the home page: the things the data is about, before its bookkeeping. */
    private static final List<String> ORDER = List.of("organisation", "person", "project", "facility", "lab", "agreement",
            "event", "place", "figure", "post", "party", "concept", "scheme", "source", "assertion");

    private final Prepared<Map<String, List<Node>>> prepared;

    public EntityCatalog(Preparations preparations, KnowledgeGraphView view) {
        this.prepared = preparations.add("the entity catalogue", () -> view.read(() -> {
            Map<String, List<Node>> map = new TreeMap<>();
            java.util.Set<Node> seen = new java.util.HashSet<>();
            view.dataset().find().forEachRemaining(q -> {
                if (!view.isAsserted(q.getGraph()) || !q.getSubject().isURI() || !seen.add(q.getSubject())) return;
                view.iris().kindOf(q.getSubject().getURI()).ifPresent(k -> map.computeIfAbsent(k, x -> new ArrayList<>()).add(q.getSubject()));
            });
            map.values().forEach(list -> list.sort(java.util.Comparator.comparing(Node::getURI)));
            return map;
        }));
    }

    /** Kinds in the home page's order, then any other kind alphabetically. */
    public List<String> kinds() {
        List<String> kinds = new ArrayList<>();
        ORDER.stream().filter(byKind()::containsKey).forEach(kinds::add);
        byKind().keySet().stream().filter(k -> !ORDER.contains(k)).forEach(kinds::add);
        return kinds;
    }

    /** The entities of a kind, by IRI; empty for an unknown kind. */
    public List<Node> entities(String kind) {
        return Collections.unmodifiableList(byKind().getOrDefault(kind, List.of()));
    }

    public static String title(String kind) {
        return TITLES.getOrDefault(kind, kind);
    }

    /** The {@code id} part of an entity IRI. */
    public static String slug(Node entity) {
        String iri = entity.getURI();
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    private Map<String, List<Node>> byKind() {
        return prepared.get();
    }
}

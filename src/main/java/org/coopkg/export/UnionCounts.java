package org.coopkg.export;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.coopkg.core.CoopIris;
import org.coopkg.core.ExternalDataset;
import org.coopkg.core.LinkPredicate;

/**
 * What the dataset description counts in the union default graph, taken in one pass: triples, entities,
 * distinct subjects and objects, triples per property, instances per class, and links per outside data set
 * and link property ({@code "wikidata http://www.w3.org/2002/07/owl#sameAs"}).
 */
record UnionCounts(long triples, long entities, long subjects, long objects,
                   Map<Node, Long> byProperty, Map<Node, Set<Node>> instances, Map<String, Long> links) {

    static UnionCounts of(Graph union, CoopIris iris) {
        Set<Node> subjects = new HashSet<>();
        Set<Node> objects = new HashSet<>();
        Set<Node> entities = new HashSet<>();
        Map<Node, Long> byProperty = new HashMap<>();
        Map<Node, Set<Node>> instances = new HashMap<>();
        Map<String, Long> links = new TreeMap<>();
        long[] triples = {0};
        union.find().forEachRemaining(t -> {
            triples[0]++;
            subjects.add(t.getSubject());
            objects.add(t.getObject());
            byProperty.merge(t.getPredicate(), 1L, Long::sum);
            if (iris.isEntity(t.getSubject())) entities.add(t.getSubject());
            if (t.getPredicate().equals(RDF.type.asNode())) {
                instances.computeIfAbsent(t.getObject(), k -> new HashSet<>()).add(t.getSubject());
            }
            if (LinkPredicate.of(t.getPredicate()).isPresent() && t.getObject().isURI()) {
                ExternalDataset.of(t.getObject().getURI()).ifPresent(d ->
                        links.merge(d.id() + " " + t.getPredicate().getURI(), 1L, Long::sum));
            }
        });
        return new UnionCounts(triples[0], entities.size(), subjects.size(), objects.size(), byProperty, instances, links);
    }
}

package org.coopkg.export;

import java.util.List;
import java.util.SortedMap;

/**
 * The curated knowledge graph as a property graph — entities as nodes with typed attributes, object
 * properties as typed edges — shared by {@link GraphMlExporter} and {@link Neo4jExporter} so that both
 * formats hold the same nodes and edges. Built by {@link PropertyGraphBuilder}, which documents what is
 * kept and what is left out. Every list is sorted, so writers that follow it are deterministic.
 *
 * @param nodes    sorted by IRI
 * @param edges    sorted by source, target, property
 * @param nodeKeys the literal attributes found on nodes, sorted by name
 */
public record PropertyGraph(List<Entity> nodes, List<Edge> edges, List<AttributeKey> nodeKeys) {

    /** The type of an attribute, named as GraphML ({@code attr.type}) and neo4j-admin (column type) name it. */
    public enum ValueType {
        BOOLEAN("boolean", "boolean"),
        LONG("long", "long"),
        DOUBLE("double", "double"),
        STRING("string", "string");

        private final String graphMl;
        private final String neo4j;

        ValueType(String graphMl, String neo4j) {
            this.graphMl = graphMl;
            this.neo4j = neo4j;
        }

        public String graphMl() {
            return graphMl;
        }

        public String neo4j() {
            return neo4j;
        }
    }

    /**
     * A literal (or external-IRI) property used as a node attribute.
     *
     * @param name        a short name unique in the export: the property's local name, or {@code prefix_local}
     *                    where two properties share a local name
     * @param property    the property IRI
     * @param type        the narrowest type all values fit
     * @param multiValued whether some node has more than one value
     */
    public record AttributeKey(String name, String property, ValueType type, boolean multiValued) {}

    /**
     * An entity {@code {base}id/{kind}/{slug}}.
     *
     * @param iri        the entity IRI
     * @param id         {@code kind:slug}, unique and a valid XML NMTOKEN (GraphML node ids must be)
     * @param kind       the {@code {kind}} segment of the IRI: place, organisation, person, post, ...
     * @param types      local names of the most specific coop classes asserted for it, e.g. {@code University}
     * @param label      its rdfs:label (else skos:prefLabel, dcterms:title, the slug)
     * @param attributes attribute name → values (lexical forms, sorted), for the names of {@link #nodeKeys()}
     */
    public record Entity(String iri, String id, String kind, List<String> types, String label,
                         SortedMap<String, List<String>> attributes) {}

    /**
     * A statement between two entities.
     *
     * @param name     the property's short name, as for attributes
     * @param property the property IRI
     * @param label    the property's rdfs:label in the ontology
     * @param inferred whether it is one of the inferred shortcuts over an n-ary node (see {@link PropertyGraphBuilder})
     * @param support  {@code stated} where a curated row whose quote states it says so, {@code implied} where every
     *                 row that says so is the curator's reading of its quote (an inferred shortcut: the weaker of its
     *                 two steps)
     */
    public record Edge(Entity source, Entity target, String name, String property, String label, boolean inferred,
                       String support) {}
}

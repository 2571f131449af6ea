package org.coopkg.reconcile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.coopkg.core.ExternalDataset;
import org.coopkg.core.LinkPredicate;

/**
 * One entity as reconciliation sees it: its id ({@code organisation/tsinghua-university}, the IRI after the entity
 * space), the names it may be typed as, its classes (with their superclasses), the places it is in, its links to
 * outside data sets, and the CSV row its label came from.
 *
 * @param countries the countries it is in or of: {@code coop:country}, {@code coop:hostCountry},
 *                  {@code coop:nationality}, and the countries among the places it is located or held in
 * @param places    every place it is located or held in, containers included (the loader materialises them),
 *                  with its countries
 * @param links     per outside data set, identifier → how it is linked
 * @param location  {@code organisations.csv:24}, the row that gave its label, where the data records it
 */
public record Entry(Node iri, String id, String kind, String label, List<String> altLabels, String description,
                    Set<Node> types, Set<Node> countries, Set<Node> places,
                    Map<ExternalDataset, Map<String, LinkPredicate>> links, Optional<Location> location) {

    /** A CSV row: {@code organisations.csv:24}. */
    public record Location(String file, int line) implements Comparable<Location> {
        @Override
        public int compareTo(Location other) {
            int byFile = file.compareTo(other.file);
            return byFile != 0 ? byFile : Integer.compare(line, other.line);
        }

        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    /** The label and the alternative labels. */
    List<String> names() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(label), altLabels.stream()).toList();
    }

    boolean hasType(Node type) {
        return types.contains(type);
    }

    /**
     * The IRI's hash, consistent with the record's equality (equal entries have one IRI). Entries are keys of the
     * candidate maps; the record's own hash reads every field, sets of types and places included, which took a third of
     * the duplicate check's time.
     */
    @Override
    public int hashCode() {
        return iri.hashCode();
    }
}

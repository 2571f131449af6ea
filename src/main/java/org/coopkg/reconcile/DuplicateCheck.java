package org.coopkg.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.coopkg.core.DataError;

/**
 * The loader's duplicate check, the usual way a curated graph grows duplicates: a row whose label reconciles as a
 * match ({@link MatchRule}) with another entity of the same kind is reported, at the later of the two rows, with
 * both locations. The label is reconciled exactly as the service would reconcile it, restricted to the row's kind
 * and leaving out the row's own entity, so {@code Tsinghua Univ.} added below {@code Tsinghua University} is caught,
 * while two different academies of sciences are not.
 */
public final class DuplicateCheck {
    /** Rule name of the reported problems. */
    public static final String RULE = "data.duplicate";

    /** A row ({@code entry}) that looks like one made earlier ({@code existing}). */
    public record Duplicate(Entry entry, Entry existing, double score) {
        public DataError error() {
            Entry.Location here = entry.location().orElseThrow();
            return new DataError(here.file(), here.line(), 0, RULE, "'" + entry.label() + "' (" + entry.id()
                    + ") reconciles as a match (score " + score + ") with '" + existing.label() + "' (" + existing.id()
                    + ") at " + existing.location().map(Entry.Location::toString).orElse("(no row)")
                    + ": if they are one " + entry.kind() + ", keep one row and move the other's facts to it; "
                    + "if not, make the labels tell them apart");
        }
    }

    private DuplicateCheck() {}

    /** Every likely duplicate among the entities that come from CSV rows, in row order. */
    public static List<Duplicate> find(Reconciler reconciler) {
        List<Duplicate> found = new ArrayList<>();
        Set<Set<String>> pairs = new HashSet<>();
        for (Entry entry : reconciler.catalogue().entries()) {
            if (entry.location().isEmpty()) continue;
            ReconcileQuery query = new ReconcileQuery(entry.label(), List.of(), 1, List.of(), Set.of(entry.kind()),
                    Optional.of(entry.iri()));
            List<Candidate> candidates = reconciler.reconcile(query);
            if (candidates.isEmpty() || !candidates.get(0).match()) continue;
            Entry other = candidates.get(0).entry();
            if (!pairs.add(Set.of(entry.id(), other.id()))) continue;
            boolean later = other.location().isEmpty() || entry.location().get().compareTo(other.location().get()) > 0;
            found.add(later ? new Duplicate(entry, other, candidates.get(0).score())
                    : new Duplicate(other, entry, candidates.get(0).score()));
        }
        found.sort(Comparator.comparing((Duplicate d) -> d.entry().location().orElseThrow()));
        return found;
    }
}

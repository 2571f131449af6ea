package org.coopkg.reconcile;

import org.apache.jena.query.text.TextIndex;
import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.core.CoopIris;
import org.coopkg.core.Ontology;
import org.coopkg.store.TextSearch;

/**
 * Everything the reconciliation service answers from, built once from the served data: the {@link Reconciler}
 * (catalogue, types, full-text index), data extension and entity suggestions.
 */
public record ReconcileService(Reconciler reconciler, DataExtension extension, EntitySuggest suggest) {
    /** The service of a dataset served under {@code iris}. */
    public static ReconcileService of(DatasetGraph dataset, CoopIris iris) {
        Catalogue catalogue = Catalogue.of(dataset, iris);
        Types types = Types.of(Ontology.graph());
        TextIndex index = TextSearch.indexOf(dataset);
        return new ReconcileService(new Reconciler(catalogue, types, () -> index),
                new DataExtension(dataset, catalogue, types), new EntitySuggest(catalogue));
    }

    public Catalogue catalogue() {
        return reconciler.catalogue();
    }

    public Types types() {
        return reconciler.types();
    }
}

package org.coopkg.cli;

import java.io.PrintWriter;
import java.util.List;

import org.coopkg.core.DataError;
import org.coopkg.core.DataException;
import org.coopkg.derive.LoadedGraph;
import org.coopkg.reconcile.DuplicateCheck;
import org.coopkg.reconcile.Reconciler;
import picocli.CommandLine.Option;

/**
 * The loader's duplicate check ({@link DuplicateCheck}) for the commands that load curated data for keeps
 * ({@code validate}, {@code load}): run after the load, since it matches with the reconciliation code, a layer above
 * the loader. Each likely duplicate is a warning with both rows; with {@code --strict}, they make the data invalid.
 */
public final class DuplicateOptions {
    @Option(names = "--strict", description = "Treat likely duplicates (a row whose label reconciles as a match with "
            + "another entity of its kind) as errors, not warnings.")
    boolean strict;

    @Option(names = "--no-duplicate-check", description = "Skip the duplicate check (data already validated, bulk loads).")
    boolean skip;

    /**
     * Warns of every likely duplicate on {@code err}, or throws them all with {@code --strict}. It reads the union
     * (the row locations are in its metadata), so no dataset is built for it.
     */
    void check(LoadedGraph graph, PrintWriter err) throws DataException {
        if (skip) return;
        List<DataError> duplicates = DuplicateCheck.find(Reconciler.of(graph.unionView(), graph.names())).stream()
                .map(DuplicateCheck.Duplicate::error).toList();
        if (duplicates.isEmpty()) return;
        if (strict) throw new DataException(duplicates);
        duplicates.forEach(d -> err.println("warning: " + d.format()));
        err.flush();
    }
}

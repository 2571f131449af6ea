package org.coopkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.coopkg.derive.LoadedGraph;
import org.coopkg.reconcile.CsvReconciliation;
import org.coopkg.reconcile.ReconcileException;
import org.coopkg.reconcile.Reconciler;
import org.coopkg.reconcile.Types;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Reconcile a column of a CSV file against the graph, offline, with the reconciliation service's "
                + "scoring: every row is kept and the columns coopkg_id, coopkg_name, coopkg_score and coopkg_match "
                + "(the best candidate, and whether it is clearly the entity meant) are added.")
public final class ReconcileCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "The CSV file (UTF-8, a header row).")
    Path file;

    @Option(names = "--column", paramLabel = "NAME", required = true, description = "The column of names to reconcile.")
    String column;

    @Option(names = "--type", paramLabel = "KIND", description = "Only entities of this kind or class: organisation, "
            + "person, facility, project, agreement, event, place, or any class of the ontology (e.g. University).")
    String type;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Where to write the result (default: standard output).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "there is no file " + file);
        }
        LoadedGraph graph = data.loader().load();
        Reconciler reconciler = Reconciler.of(graph.readOnlyDataset(), graph.names());
        CsvReconciliation.Result result;
        try {
            Types.Type kind = type == null ? null : reconciler.types().resolve(type);
            result = CsvReconciliation.reconcile(reconciler, file.getFileName().toString(), bytes, column, kind);
        } catch (ReconcileException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (out == null) {
            spec.commandLine().getOut().print(result.csv());
            spec.commandLine().getOut().flush();
        } else {
            try {
                Files.writeString(out, result.csv(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IOException("cannot write " + out + ": " + e.getMessage(), e);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf("reconciled column '%s' of %d rows: %d matched, %d with a candidate to check, %d with none, %d empty%s%n",
                column, result.rows(), result.matched(), result.candidates(),
                result.rows() - result.matched() - result.candidates() - result.empty(), result.empty(),
                out == null ? "" : "; wrote " + out);
        err.flush();
        return 0;
    }
}

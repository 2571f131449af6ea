package org.coopkg.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.core.CoopIris;
import org.coopkg.derive.LoadedGraph;
import org.coopkg.store.JournalExport;
import org.coopkg.store.JournalReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write what a journal changed in the curated data (net: a quad added then deleted is no change) as "
                + "one RDF Patch, sorted by graph: A lines were added, D lines deleted. Carry it back to the spreadsheets.")
public final class JournalExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The journal (serve --journal FILE).")
    Path file;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the patch here (default: standard output).")
    Path out;

    @Mixin
    DataOptions data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        JournalReader.Reading reading = JournalReader.read(file);
        LoadedGraph graph = data.loader().load();
        DatasetGraph curated = graph.readOnlyDataset();
        CoopIris iris = graph.names();
        JournalExport export = JournalExport.of(reading.records(), curated,
                Set.of(NodeFactory.createURI(iris.ontologyGraph()), NodeFactory.createURI(iris.inferredGraph())));
        if (out == null) {
            OutputStream stdout = System.out;
            export.write(stdout);
            stdout.flush();
        } else {
            try (OutputStream file = Files.newOutputStream(out)) {
                export.write(file);
            }
        }
        long added = export.changes().stream().filter(c -> c.added()).count();
        spec.commandLine().getErr().printf("coop-kg: %d updates of %s change the curated data of %s by %d added and %d deleted "
                + "quads%s%n", reading.records().size(), file, data.files().location(), added, export.changes().size() - added,
                out == null ? "" : "; written to " + out);
        reading.torn().ifPresent(torn -> spec.commandLine().getErr().println("coopkg: " + torn.describe(file)));
        spec.commandLine().getErr().flush();
        return 0;
    }
}

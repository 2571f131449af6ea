package org.coopkg.cli;

import java.util.concurrent.Callable;

import org.coopkg.derive.LoadedGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the curated data (CSV syntax, references, dates, SHACL shapes, likely duplicates) and print every "
                + "problem.")
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Mixin
    DuplicateOptions duplicates;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LoadedGraph graph = data.loader().load();
        duplicates.check(graph, spec.commandLine().getErr());
        spec.commandLine().getOut().printf("%s: valid. %d curated rows conform to the shapes; %d quads in named graphs with %d "
                + "inferred triples.%n", data.files().location(), graph.rows(), graph.namedGraphQuads(),
                graph.inferredTriples());
        return 0;
    }
}

package org.coopkg.cli;

import java.util.concurrent.Callable;

import org.coopkg.derive.LoadedGraph;
import org.coopkg.web.ExternalLinkReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code coopkg links}: how many entities of each kind are linked to Wikidata, GeoNames and ROR, and which are not. */
@Command(name = "links", mixinStandardHelpOptions = true,
        description = "Report the external identifiers: per kind, how many entities link to Wikidata, GeoNames and "
                + "ROR (and by which property), which entities have no link, and the countries' ISO 3166-1 codes.")
public final class LinksCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LoadedGraph graph = data.loader().load();
        new ExternalLinkReport(graph.dataset(), graph.names().base()).print(spec.commandLine().getOut());
        return 0;
    }
}

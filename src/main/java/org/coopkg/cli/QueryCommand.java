package org.coopkg.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.coopkg.core.Format;
import org.coopkg.query.InvalidQueryException;
import org.coopkg.query.QueryRunner;
import org.coopkg.store.TextSearch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run a SPARQL query over the curated data without starting a server.")
public final class QueryCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.rq|QUERY",
            description = "A file of SPARQL (e.g. queries/01-….rq) or the query text itself.")
    String query;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.Query.class,
            description = "table (default), csv, tsv, json or xml for SELECT and ASK; "
                    + "turtle (default), ntriples, jsonld or rdfxml for CONSTRUCT and DESCRIBE.")
    Format format;


    @Mixin
    DataOptions data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean isFile = looksLikePath(query) && Files.isRegularFile(Path.of(query));
        Path file = isFile ? Path.of(query) : null;
        if (!isFile && query.strip().endsWith(".rq")) {
            throw new ParameterException(spec.commandLine(), "there is no query file '" + query + "'");
        }
        String text = isFile ? Files.readString(file, StandardCharsets.UTF_8) : query;
        Query parsed;
        try {
            parsed = QueryRunner.parse(text, isFile ? file.toString() : "the query text");
        } catch (InvalidQueryException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Format chosen = format != null ? format : QueryRunner.formatsFor(parsed).get(0);
        DatasetGraph dataset = data.loader().load().readOnlyDataset();
        // text:query needs the full-text index that serve builds; build it here only for a query that asks it.
        var runner = new QueryRunner(TextSearch.isAskedBy(parsed) ? TextSearch.withInMemoryIndex(dataset) : dataset);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            runner.run(parsed, chosen, answer);
        } catch (InvalidQueryException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        spec.commandLine().getOut().print(answer.toString(StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * Whether the argument could be a file name: one short line without braces. Query text almost always
     * has a brace or a new line; spaces are allowed, since file names may have them.
     */
    private static boolean looksLikePath(String argument) {
        return argument.length() < 1024 && !argument.contains("\n") && !argument.contains("{");
    }

}

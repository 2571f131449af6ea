package org.coopkg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.coopkg.synth.SyntheticData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Write synthetic curated CSV for scale tests: the bundled data plus SCALE units of generated "
                + "rows shaped like it (about 220 rows and 4,300 named-graph quads each), each row citing the source "
                + "row '" + SyntheticData.SOURCE_ID + "' that marks it as synthetic. Load it with --data DIR. The same "
                + "scale and seed give the same bytes.")
public final class SynthCommand implements Callable<Integer> {
    @Option(names = "--scale", paramLabel = "N", required = true,
            description = "How many units to generate (1 or more; scale 2400 gives over 10 million triples).")
    int scale;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder to write (created if needed; must not already hold curated CSV files).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (scale < 1) {
            throw new ParameterException(spec.commandLine(), "--scale " + scale + " must be 1 or more (e.g. --scale 100)");
        }
        long start = System.nanoTime();
        SyntheticData.Summary summary = new SyntheticData(scale, seed).writeTo(out);
        spec.commandLine().getOut().printf("wrote %d files to %s: %,d bundled rows and %,d synthetic rows (scale %d, "
                        + "seed %d) in %d ms%n", summary.files().size(), out, summary.bundledRows(),
                summary.syntheticRows(), scale, seed, (System.nanoTime() - start) / 1_000_000);
        return 0;
    }
}

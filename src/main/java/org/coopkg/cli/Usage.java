package org.coopkg.cli;

import java.util.Optional;

import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.ParameterException;

/**
 * Usage errors that picocli finds from the option groups ({@code @ArgGroup}): a command that declares groups says in
 * its own words why the options go together or apart, instead of picocli's generic message.
 */
interface Usage {
    /** The command's explanation of this usage error, if the error is about one of its option groups. */
    Optional<String> explain(ParameterException e);

    /** Whether {@code e} says that {@code option} is missing. */
    static boolean missing(ParameterException e, String option) {
        if (!(e instanceof MissingParameterException m)) return false;
        for (ArgSpec arg : m.getMissing()) {
            if (arg instanceof OptionSpec o && o.longestName().equals(option)) return true;
        }
        return false;
    }

    /** Whether the command line that failed has {@code option}. */
    static boolean given(ParameterException e, String option) {
        var parsed = e.getCommandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(option);
    }

    /** Whether {@code e} says that options of one exclusive group were given together. */
    static boolean exclusive(ParameterException e) {
        return e instanceof MutuallyExclusiveArgsException;
    }
}

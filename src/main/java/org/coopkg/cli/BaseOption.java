package org.coopkg.cli;

import java.net.URI;
import java.net.URISyntaxException;

import org.coopkg.core.CoopIris;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --base IRI}: the base of the entity IRIs the curated data is loaded under. */
public final class BaseOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private String base = CoopIris.DEFAULT_BASE;

    @Option(names = "--base", paramLabel = "IRI",
            description = "Base IRI of entity IRIs {base}id/{kind}/{id} (default: " + CoopIris.DEFAULT_BASE + ").")
    void base(String value) {
        String problem = baseProblem(value);
        if (problem != null) throw new ParameterException(spec.commandLine(), problem);
        base = value;
    }

    /** Why {@code value} cannot be a base IRI, or null when it can. */
    static String baseProblem(String value) {
        String rule = "--base '" + value + "' must be an absolute http(s) IRI ending in '/', without query or "
                + "fragment, e.g. https://example.org/coop/";
        try {
            URI uri = new URI(value);
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return http && uri.getHost() != null && value.endsWith("/") && uri.getQuery() == null
                    && uri.getFragment() == null ? null : rule;
        } catch (URISyntaxException e) {
            return rule + " (" + e.getMessage() + ")";
        }
    }

    /** The base IRI given with --base, or the default. */
    public String base() {
        return base;
    }
}

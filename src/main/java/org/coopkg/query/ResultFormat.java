package org.coopkg.query;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.resultset.ResultSetLang;

/** How {@code coopkg query} prints answers: result formats for SELECT/ASK, RDF formats for CONSTRUCT/DESCRIBE. */
public enum ResultFormat {
    table(null, null),
    csv(ResultSetLang.RS_CSV, null),
    tsv(ResultSetLang.RS_TSV, null),
    json(ResultSetLang.RS_JSON, null),
    xml(ResultSetLang.RS_XML, null),
    turtle(null, RDFFormat.TURTLE_PRETTY),
    ntriples(null, RDFFormat.NTRIPLES_UTF8),
    jsonld(null, RDFFormat.JSONLD_PRETTY),
    rdfxml(null, RDFFormat.RDFXML_PRETTY);

    final Lang resultLang;
    final RDFFormat graphFormat;

    ResultFormat(Lang resultLang, RDFFormat graphFormat) {
        this.resultLang = resultLang;
        this.graphFormat = graphFormat;
    }

    /** Whether this format prints RDF graphs (CONSTRUCT, DESCRIBE) rather than result tables. */
    public boolean forGraphs() {
        return graphFormat != null;
    }

    static String names(boolean forGraphs) {
        return Arrays.stream(values()).filter(f -> f.forGraphs() == forGraphs).map(Enum::name)
                .collect(Collectors.joining(", "));
    }
}

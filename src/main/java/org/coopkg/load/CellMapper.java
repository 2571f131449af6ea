package org.coopkg.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.coopkg.core.DataError;
import org.coopkg.core.vocab.Coop;

/**
 * Turns one non-empty cell into the triples its {@link Column} means, or reports why the cell cannot mean
 * anything: one method per kind of column.
 */
final class CellMapper {
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"{}|\\\\^`]+");
    private static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefixes(PrefixMapping.Standard)
            .setNsPrefix("skos", SKOS.uri)
            .setNsPrefix("dcterms", "http://purl.org/dc/terms/")
            .setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/")
            .setNsPrefix(Coop.PREFIX, Coop.NS)
            .lock();

    private final ReferenceIndex index;
    private final List<DataError> errors;

    /** The cell being mapped and where its triples go. */
    private record Target(CsvRow row, Cell cell, Node subject, List<Node[]> triples) {
        String value() {
            return cell.value();
        }

        void add(Node predicate, Node object) {
            triples.add(new Node[] {subject, predicate, object});
        }
    }

    CellMapper(ReferenceIndex index, List<DataError> errors) {
        this.index = index;
        this.errors = errors;
    }

    /** Whether {@code value} is an http(s) URL that can be written as an IRI. */
    static boolean isUrl(String value) {
        return URL.matcher(value).matches();
    }

    /** Adds to {@code triples} what the non-empty {@code cell} of {@code column} says about {@code subject}. */
    void map(CsvRow row, Cell cell, Column column, Node subject, List<Node[]> triples) {
        Target at = new Target(row, cell, subject, triples);
        if (column instanceof Column.Type type) mapType(at, type);
        else if (column instanceof Column.Text text) mapText(at, text);
        else if (column instanceof Column.Texts texts) mapTexts(at, texts);
        else if (column instanceof Column.Plain plain) mapPlain(at, plain);
        else if (column instanceof Column.Ref ref) mapRef(at, ref);
        else if (column instanceof Column.Date date) mapDate(at, date);
        else if (column instanceof Column.Int integer) mapInt(at, integer);
        else if (column instanceof Column.Bool bool) mapBool(at, bool);
        else if (column instanceof Column.Choice choice) mapChoice(at, choice);
        else if (column instanceof Column.Url url) mapUrl(at, url);
        // A Column.Meta cell is read by the loader itself and states nothing.
    }

    private void mapType(Target at, Column.Type type) {
        if (type.classes().contains(at.value())) {
            at.add(RDF.type.asNode(), uri(Coop.NS + at.value()));
        } else {
            error(at, "type.unknown", "the type '" + CsvReader.shorten(at.value())
                    + "' is not one of: " + String.join(", ", type.classes()));
        }
    }

    /** A text column may state its text with several properties, e.g. a title as label and title. */
    private void mapText(Target at, Column.Text text) {
        for (String property : text.property().split(" ")) {
            at.add(property(property), NodeFactory.createLiteralLang(at.value(), "en"));
        }
    }

    private void mapTexts(Target at, Column.Texts texts) {
        for (String part : split(at.value())) {
            at.add(property(texts.property()), NodeFactory.createLiteralLang(part, "en"));
        }
    }

    private void mapPlain(Target at, Column.Plain plain) {
        if (plain.pattern() != null && !plain.pattern().matcher(at.value()).matches()) {
            error(at, "value.syntax", "'" + CsvReader.shorten(at.value()) + "' in column '"
                    + plain.name() + "' must be " + plain.patternHint());
        } else {
            at.add(property(plain.property()), NodeFactory.createLiteralString(at.value()));
        }
    }

    private void mapRef(Target at, Column.Ref ref) {
        List<String> ids = ref.many() ? split(at.value()) : List.of(at.value());
        for (String id : ids) {
            Optional<String> target = index.resolve(id, ref.kinds());
            if (target.isPresent()) {
                at.add(property(ref.property()), uri(target.get()));
            } else {
                error(at, "ref.unknown", index.unknownReference(id, ref.kinds()));
            }
        }
    }

    private void mapDate(Target at, Column.Date date) {
        try {
            DateValue parsed = DateValue.parse(at.value());
            at.add(property(date.property()), NodeFactory.createLiteralDT(parsed.lexical(), parsed.datatype()));
        } catch (IllegalArgumentException e) {
            error(at, "date.invalid", "column '" + date.name() + "': " + e.getMessage());
        }
    }

    private void mapInt(Target at, Column.Int integer) {
        if (at.value().matches("[0-9]{1,18}")) {
            at.add(property(integer.property()),
                    NodeFactory.createLiteralDT(String.valueOf(Long.parseLong(at.value())), XSDDatatype.XSDinteger));
        } else {
            error(at, "integer.syntax", "'" + CsvReader.shorten(at.value()) + "' in column '"
                    + integer.name() + "' is not a whole number; write digits only, without "
                    + "separators or words (e.g. 160 for \"over 160\", with the qualifier in its own column)");
        }
    }

    private void mapBool(Target at, Column.Bool bool) {
        if (at.value().equals("true") || at.value().equals("false")) {
            at.add(property(bool.property()), NodeFactory.createLiteralDT(at.value(), XSDDatatype.XSDboolean));
        } else {
            error(at, "boolean.syntax", "'" + CsvReader.shorten(at.value()) + "' in column '"
                    + bool.name() + "' must be true, false or empty");
        }
    }

    private void mapChoice(Target at, Column.Choice choice) {
        String iri = choice.iris().get(at.value());
        if (iri != null) {
            at.add(property(choice.property()), uri(iri));
        } else {
            error(at, "value.unknown", "'" + CsvReader.shorten(at.value()) + "' in column '"
                    + choice.name() + "' is not one of: " + String.join(", ", choice.iris().keySet()));
        }
    }

    private void mapUrl(Target at, Column.Url url) {
        if (isUrl(at.value())) {
            at.add(property(url.property()), uri(at.value()));
        } else {
            error(at, "url.syntax", "'" + CsvReader.shorten(at.value()) + "' is not an http(s) URL without spaces; "
                    + "write the full address, e.g. https://example.org/page, with spaces and the characters "
                    + "< > \" { } | \\ ^ ` percent-encoded");
        }
    }

    private void error(Target at, String rule, String message) {
        errors.add(at.row().error(at.cell(), rule, message));
    }

    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        for (String part : value.split("\\|")) {
            if (!part.isBlank()) parts.add(part.strip());
        }
        return parts;
    }

    private static Node property(String name) {
        return uri(name.contains(":") ? PREFIXES.expandPrefix(name) : Coop.NS + name);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}

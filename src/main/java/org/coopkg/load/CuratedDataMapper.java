package org.coopkg.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.coopkg.core.CoopIris;
import org.coopkg.core.DataError;
import org.coopkg.core.DataException;
import org.coopkg.core.Sha256;
import org.coopkg.core.vocab.Coop;
import org.coopkg.core.vocab.Prov;

/**
 * Turns parsed curated tables into RDF: one named graph per row holding the row's statements, described
 * in the metadata graph by its source, evidence quote and CSV location. Collects every problem it finds
 * and throws them together, so a curator fixes a file in one round.
 */
public final class CuratedDataMapper {
    static final int MAX_EVIDENCE = 300;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"{}|\\\\^`]+");
    private static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefixes(PrefixMapping.Standard)
            .setNsPrefix("skos", SKOS.uri)
            .setNsPrefix("dcterms", "http://purl.org/dc/terms/")
            .setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/")
            .setNsPrefix(Coop.PREFIX, Coop.NS)
            .lock();

    private final CoopIris names;
    private final Graph ontology;
    private final List<DataError> errors = new ArrayList<>();
    /** kind → id → the row that defines it. */
    private final Map<String, Map<String, CsvRow>> index = new LinkedHashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    /** The quads mapped so far: a set, since two rows may state the same triple in one graph (e.g. a scheme). */
    private final Set<Quad> out = new HashSet<>();
    /**
     * One instance per distinct node: every row repeats IRIs (graphs, classes, references) and often literals,
     * and sharing them roughly halves the memory of a large load.
     */
    private final Map<Node, Node> nodes = new HashMap<>();

    public CuratedDataMapper(CoopIris names, Graph ontology) {
        this.names = names;
        this.ontology = ontology;
        CuratedSchema.kinds().forEach(kind -> index.put(kind, new LinkedHashMap<>()));
    }

    /**
     * Maps the tables (file name → table; absent files are simply empty) to the quads of their named graphs.
     * There is no default graph: the caller decides how to combine the graphs.
     */
    public Set<Quad> map(Map<String, CsvTable> tables) throws DataException {
        mapAll(tables);
        nodes.clear();
        return out;
    }

    private void mapAll(Map<String, CsvTable> tables) throws DataException {
        for (TableSpec spec : CuratedSchema.entityTables()) {
            CsvTable table = tables.get(spec.file());
            if (table != null && checkHeader(table, spec.columnNames(), requiredColumns(spec))) {
                indexRows(table, spec);
            }
        }
        if (!errors.isEmpty()) throw new DataException(errors);
        CuratedSchema.entityTables().forEach(this::checkContainmentCycles);
        writeConceptSchemes();
        for (TableSpec spec : CuratedSchema.entityTables()) {
            CsvTable table = tables.get(spec.file());
            if (table != null) table.rows().forEach(row -> mapEntityRow(row, spec));
        }
        CsvTable relations = tables.get(CuratedSchema.RELATIONS);
        if (relations != null && checkHeader(relations, CuratedSchema.RELATION_COLUMNS,
                CuratedSchema.RELATION_COLUMNS)) {
            mapRelations(relations);
        }
        CsvTable links = tables.get(CuratedSchema.EXTERNAL_LINKS);
        List<String> requiredLinkColumns = CuratedSchema.LINK_COLUMNS.subList(0, 6);
        if (links != null && checkHeader(links, CuratedSchema.LINK_COLUMNS, requiredLinkColumns)) {
            mapLinks(links);
        }
        if (!errors.isEmpty()) throw new DataException(errors);
    }

    private void emit(Node graph, Node subject, Node predicate, Node object) {
        out.add(Quad.create(shared(graph), shared(subject), shared(predicate), shared(object)));
    }

    private Node shared(Node node) {
        Node known = nodes.putIfAbsent(node, node);
        return known != null ? known : node;
    }

    /** Entity IRIs with the file and line of the row that defines each, for locating later problems. */
    public Map<String, CsvRow> rowsByEntity() {
        Map<String, CsvRow> rows = new HashMap<>();
        index.forEach((kind, ids) -> ids.forEach((id, row) -> rows.put(names.entity(kind, id), row)));
        return rows;
    }

    private static List<String> requiredColumns(TableSpec spec) {
        List<String> required = new ArrayList<>();
        required.add("id");
        spec.columns().stream().filter(Column::required).forEach(c -> required.add(c.name()));
        if (spec.provenance() == TableSpec.Provenance.REQUIRED) {
            required.add("source");
            required.add("evidence");
        }
        return required;
    }

    private boolean checkHeader(CsvTable table, List<String> known, List<String> required) {
        boolean ok = true;
        for (Cell name : table.header()) {
            if (!known.contains(name.value())) {
                errors.add(new DataError(table.file(), name.line(), name.column(), "header.unknown-column",
                        "unknown column '" + name.value() + "'; the columns of " + table.file() + " are: "
                                + String.join(", ", known) + "; rename or delete the column"));
                ok = false;
            }
        }
        Set<String> present = table.header().stream().map(Cell::value).collect(Collectors.toSet());
        List<String> missing = required.stream().filter(c -> !present.contains(c)).toList();
        if (!missing.isEmpty()) {
            Cell first = table.header().get(0);
            errors.add(new DataError(table.file(), first.line(), first.column(), "header.missing-column",
                    "the header lacks the required column" + (missing.size() > 1 ? "s " : " ")
                            + String.join(", ", missing) + "; add " + (missing.size() > 1 ? "them" : "it")
                            + " to the first row"));
            ok = false;
        }
        return ok;
    }

    private void indexRows(CsvTable table, TableSpec spec) {
        Map<String, CsvRow> ids = index.get(spec.kind());
        for (CsvRow row : table.rows()) {
            Cell id = row.cell("id");
            if (id.isEmpty()) {
                errors.add(row.error(id, "required.empty", "the id is empty; give the row a unique id of "
                        + "lower-case letters, digits and hyphens (e.g. 'tsinghua-university')"));
            } else if (!ID.matcher(id.value()).matches()) {
                errors.add(row.error(id, "id.syntax", "the id '" + CsvReader.shorten(id.value())
                        + "' cannot be part of an IRI; use at most 100 lower-case letters, digits and hyphens, "
                        + "starting with a letter or digit (e.g. '" + suggestId(id.value()) + "')"));
            } else if (ids.containsKey(id.value())) {
                errors.add(row.error(id, "id.duplicate", "the id '" + id.value() + "' is already used on line "
                        + ids.get(id.value()).line() + "; ids must be unique within " + table.file()));
            } else {
                ids.put(id.value(), row);
                String label = spec.kind().equals("source") ? row.value("title") : row.value("label");
                labels.put(names.entity(spec.kind(), id.value()), label);
            }
        }
    }

    /**
     * A column that points to a row of its own file ({@code within}, {@code part_of}, {@code broader}, …) builds
     * a hierarchy; a loop in it (a place within itself, or A within B within A) would make every member contain
     * every other. Each loop is reported once, rule {@code {kind}.cycle}, at the first of its rows in the file.
     */
    private void checkContainmentCycles(TableSpec spec) {
        Map<String, CsvRow> rows = index.get(spec.kind());
        for (Column column : spec.columns()) {
            if (!(column instanceof Column.Ref ref) || ref.many() || !ref.kinds().equals(List.of(spec.kind()))) continue;
            Map<String, String> parent = new LinkedHashMap<>();
            rows.forEach((id, row) -> {
                String target = row.value(ref.name());
                if (target.startsWith(spec.kind() + "/")) target = target.substring(spec.kind().length() + 1);
                if (rows.containsKey(target)) parent.put(id, target);
            });
            Set<String> done = new java.util.HashSet<>();
            for (String start : rows.keySet()) {
                List<String> path = new ArrayList<>();
                String at = start;
                while (at != null && !done.contains(at) && !path.contains(at)) {
                    path.add(at);
                    at = parent.get(at);
                }
                if (at != null && path.contains(at)) {
                    List<String> loop = new ArrayList<>(path.subList(path.indexOf(at), path.size()));
                    String first = loop.stream().min(java.util.Comparator.comparingInt(id -> rows.get(id).line())).orElseThrow();
                    CsvRow row = rows.get(first);
                    List<String> chain = new ArrayList<>();
                    for (String id = first; chain.size() <= loop.size(); id = parent.get(id)) chain.add("'" + id + "'");
                    String lines = loop.stream().map(id -> rows.get(id).line()).sorted().map(String::valueOf)
                            .collect(Collectors.joining(", "));
                    errors.add(row.error(row.cell(ref.name()), spec.kind() + ".cycle", String.join(" " + ref.name() + " ", chain)
                            + ": the " + ref.name() + " column goes round in a circle; correct the " + ref.name()
                            + " cell of one of the rows on line" + (loop.size() > 1 ? "s " : " ") + lines
                            + " so that the chain ends at a row with an empty " + ref.name()));
                }
                done.addAll(path);
            }
        }
    }

    private static String suggestId(String value) {
        String slug = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "my-entity" : slug.length() > 100 ? slug.substring(0, 100) : slug;
    }

    private void writeConceptSchemes() {
        Node graph = uri(names.metadataGraph());
        CuratedSchema.CONCEPT_SCHEMES.keySet().forEach(scheme -> {
            Node node = uri(names.conceptScheme(scheme));
            emit(graph, node, RDF.type.asNode(), SKOS.ConceptScheme.asNode());
            emit(graph, node, RDFS.label.asNode(), NodeFactory.createLiteralLang(schemeLabel(scheme), "en"));
        });
    }

    private static String schemeLabel(String scheme) {
        return switch (scheme) {
            case "topics" -> "Topics and fields of science";
            case "roles" -> "Roles and posts";
            default -> "Roles of parties to agreements";
        };
    }

    private void mapEntityRow(CsvRow row, TableSpec spec) {
        String id = row.value("id");
        if (!index.get(spec.kind()).containsKey(id) || index.get(spec.kind()).get(id) != row) return;
        Node subject = uri(names.entity(spec.kind(), id));
        List<Node[]> triples = new ArrayList<>();
        int errorsBefore = errors.size();

        spec.fixedClass().ifPresent(c -> triples.add(triple(subject, RDF.type.asNode(), uri(Coop.NS + c))));
        if (spec.kind().equals("concept")) mapScheme(row, subject, triples);
        for (Column column : spec.columns()) {
            Cell cell = row.cell(column.name());
            if (cell.isEmpty()) {
                if (column.required()) {
                    errors.add(row.error(cell, "required.empty", "the column '" + column.name()
                            + "' is empty; it is required in " + row.file() + ", so fill it in"));
                }
                continue;
            }
            mapCell(row, cell, column, subject, triples);
        }
        spec.labelTemplate().ifPresent(template -> triples.add(triple(subject, RDFS.label.asNode(),
                NodeFactory.createLiteralLang(label(row, template), "en"))));
        new TemporalMapper(subject).map(triples);

        // Checked even when a cell is in error, so that a curator sees every problem of the row at once.
        if (spec.provenance() != TableSpec.Provenance.NONE) checkProvenance(row, spec.provenance());
        if (errors.size() > errorsBefore) return;
        Node graph = spec.provenance() == TableSpec.Provenance.NONE
                ? uri(names.metadataGraph())
                : assertionGraph(row, spec.kind() + "-" + id, subject, spec.provenance());
        triples.forEach(t -> emit(graph, t[0], t[1], t[2]));
    }

    private void mapScheme(CsvRow row, Node subject, List<Node[]> triples) {
        Cell scheme = row.cell("scheme");
        if (scheme.isEmpty()) return;
        String conceptClass = CuratedSchema.CONCEPT_SCHEMES.get(scheme.value());
        if (conceptClass == null) {
            errors.add(row.error(scheme, "scheme.unknown",
                    "the scheme '" + scheme.value() + "' is not one of: "
                            + String.join(", ", CuratedSchema.CONCEPT_SCHEMES.keySet())));
            return;
        }
        triples.add(triple(subject, RDF.type.asNode(), uri(Coop.NS + conceptClass)));
        triples.add(triple(subject, SKOS.inScheme.asNode(), uri(names.conceptScheme(scheme.value()))));
    }

    private String label(CsvRow row, TableSpec.LabelTemplate template) {
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < template.columns().size(); i++) {
            String column = template.columns().get(i);
            if (row.value(column).isEmpty()) continue;
            Column spec = CuratedSchema.entityTable(row.file()).orElseThrow().columns().stream()
                    .filter(c -> c.name().equals(column)).findFirst().orElseThrow();
            String target = resolve(row.value(column), ((Column.Ref) spec).kinds()).orElse(null);
            if (label.length() > 0) label.append(template.prefixes().get(i));
            label.append(target == null ? row.value(column) : labels.getOrDefault(target, row.value(column)));
        }
        return label.toString();
    }

    private void mapCell(CsvRow row, Cell cell, Column column, Node subject, List<Node[]> triples) {
        String value = cell.value();
        if (column instanceof Column.Type type) {
            if (type.classes().contains(value)) {
                triples.add(triple(subject, RDF.type.asNode(), uri(Coop.NS + value)));
            } else {
                errors.add(row.error(cell, "type.unknown", "the type '" + CsvReader.shorten(value)
                        + "' is not one of: " + String.join(", ", type.classes())));
            }
        } else if (column instanceof Column.Text text) {
            for (String property : text.property().split(" ")) {
                triples.add(triple(subject, property(property), NodeFactory.createLiteralLang(value, "en")));
            }
        } else if (column instanceof Column.Texts texts) {
            for (String part : split(value)) {
                triples.add(triple(subject, property(texts.property()), NodeFactory.createLiteralLang(part, "en")));
            }
        } else if (column instanceof Column.Plain plain) {
            if (plain.pattern() != null && !plain.pattern().matcher(value).matches()) {
                errors.add(row.error(cell, "value.syntax", "'" + CsvReader.shorten(value) + "' in column '"
                        + plain.name() + "' must be " + plain.patternHint()));
            } else {
                triples.add(triple(subject, property(plain.property()), NodeFactory.createLiteralString(value)));
            }
        } else if (column instanceof Column.Ref ref) {
            List<String> ids = ref.many() ? split(value) : List.of(value);
            for (String id : ids) {
                Optional<String> target = resolve(id, ref.kinds());
                if (target.isPresent()) {
                    triples.add(triple(subject, property(ref.property()), uri(target.get())));
                } else {
                    errors.add(row.error(cell, "ref.unknown", unknownReference(id, ref.kinds())));
                }
            }
        } else if (column instanceof Column.Date date) {
            try {
                DateValue parsed = DateValue.parse(value);
                triples.add(triple(subject, property(date.property()),
                        NodeFactory.createLiteralDT(parsed.lexical(), parsed.datatype())));
            } catch (IllegalArgumentException e) {
                errors.add(row.error(cell, "date.invalid", "column '" + date.name() + "': " + e.getMessage()));
            }
        } else if (column instanceof Column.Int integer) {
            if (value.matches("[0-9]{1,18}")) {
                triples.add(triple(subject, property(integer.property()),
                        NodeFactory.createLiteralDT(String.valueOf(Long.parseLong(value)), XSDDatatype.XSDinteger)));
            } else {
                errors.add(row.error(cell, "integer.syntax", "'" + CsvReader.shorten(value) + "' in column '"
                        + integer.name() + "' is not a whole number; write digits only, without "
                        + "separators or words (e.g. 160 for \"over 160\", with the qualifier in its own column)"));
            }
        } else if (column instanceof Column.Bool bool) {
            if (value.equals("true") || value.equals("false")) {
                triples.add(triple(subject, property(bool.property()),
                        NodeFactory.createLiteralDT(value, XSDDatatype.XSDboolean)));
            } else {
                errors.add(row.error(cell, "boolean.syntax", "'" + CsvReader.shorten(value) + "' in column '"
                        + bool.name() + "' must be true, false or empty"));
            }
        } else if (column instanceof Column.Choice choice) {
            String iri = choice.iris().get(value);
            if (iri != null) {
                triples.add(triple(subject, property(choice.property()), uri(iri)));
            } else {
                errors.add(row.error(cell, "value.unknown", "'" + CsvReader.shorten(value) + "' in column '"
                        + choice.name() + "' is not one of: " + String.join(", ", choice.iris().keySet())));
            }
        } else if (column instanceof Column.Url url) {
            if (URL.matcher(value).matches()) {
                triples.add(triple(subject, property(url.property()), uri(value)));
            } else {
                errors.add(row.error(cell, "url.syntax", "'" + CsvReader.shorten(value)
                        + "' is not an http(s) URL without spaces; write the full address, e.g. https://example.org/page, with "
                        + "spaces and the characters < > \" { } | \\ ^ ` percent-encoded"));
            }
        }
    }

    /** Resolves {@code id} or {@code kind/id} among the given kinds to an entity IRI. */
    private Optional<String> resolve(String reference, List<String> kinds) {
        int slash = reference.indexOf('/');
        if (slash > 0) {
            String kind = reference.substring(0, slash);
            String id = reference.substring(slash + 1);
            return kinds.contains(kind) && index.get(kind).containsKey(id)
                    ? Optional.of(names.entity(kind, id)) : Optional.empty();
        }
        List<String> found = kinds.stream().filter(k -> index.get(k).containsKey(reference)).toList();
        return found.size() == 1 ? Optional.of(names.entity(found.get(0), reference)) : Optional.empty();
    }

    private boolean ambiguous(String id, List<String> kinds) {
        return !id.contains("/") && kinds.stream().filter(k -> index.get(k).containsKey(id)).count() > 1;
    }

    private String unknownReference(String id, List<String> kinds) {
        List<String> found = kinds.stream().filter(k -> !id.contains("/") && index.get(k).containsKey(id)).toList();
        if (found.size() > 1) {
            return "'" + id + "' is an id in several files ("
                    + found.stream().map(CuratedDataMapper::fileOfKind).collect(Collectors.joining(", "))
                    + "); write it as " + found.stream().map(k -> k + "/" + id).collect(Collectors.joining(" or "));
        }
        String files = kinds.stream().map(CuratedDataMapper::fileOfKind).collect(Collectors.joining(" or "));
        return "'" + CsvReader.shorten(id) + "' is not the id of a row in " + files
                + "; add that row or correct the id";
    }

    private static String fileOfKind(String kind) {
        return CuratedSchema.entityTables().stream().filter(t -> t.kind().equals(kind))
                .map(TableSpec::file).findFirst().orElse(kind);
    }

    /** Whether the row cites no source, which only rows of vocabulary tables may do. */
    private static boolean citesNothing(CsvRow row, TableSpec.Provenance mode) {
        return mode == TableSpec.Provenance.OPTIONAL && row.value("source").isEmpty() && row.value("evidence").isEmpty();
    }

    /** Checks the row's source and evidence cells, reporting each problem. */
    private void checkProvenance(CsvRow row, TableSpec.Provenance mode) {
        if (citesNothing(row, mode)) return;
        Cell source = row.cell("source");
        Cell evidence = row.cell("evidence");
        if (source.isEmpty()) {
            errors.add(row.error(source, "provenance.source", "the source is empty; name the id of the row in "
                    + "sources.csv that states this fact"));
        } else if (!index.get("source").containsKey(source.value())) {
            errors.add(row.error(source, "ref.unknown", unknownReference(source.value(), List.of("source"))));
        }
        if (evidence.isEmpty()) {
            errors.add(row.error(evidence, "provenance.evidence", "the evidence is empty; copy the sentence "
                    + "of the source that states this fact (at most " + MAX_EVIDENCE + " characters)"));
        } else if (evidence.value().length() > MAX_EVIDENCE) {
            errors.add(row.error(evidence, "provenance.evidence-too-long", "the evidence quote has "
                    + evidence.value().length() + " characters; shorten it to the words that state the fact "
                    + "(at most " + MAX_EVIDENCE + ")"));
        }
    }

    /** The graph for a valid row's statements: its own assertion graph, described in the metadata graph. */
    private Node assertionGraph(CsvRow row, String assertionName, Node subject, TableSpec.Provenance mode) {
        if (citesNothing(row, mode)) return uri(names.metadataGraph());
        Node assertion = uri(names.assertion(assertionName));
        describeAssertion(assertion, subject, uri(names.entity("source", row.value("source"))), row.value("evidence"), row);
        return assertion;
    }

    private void describeAssertion(Node assertion, Node subject, Node source, String evidence, CsvRow row) {
        Node meta = uri(names.metadataGraph());
        emit(meta, assertion, RDF.type.asNode(), Coop.Assertion.asNode());
        emit(meta, assertion, Coop.describes.asNode(), subject);
        emit(meta, assertion, Prov.wasDerivedFrom.asNode(), source);
        if (evidence != null) emit(meta, assertion, Coop.evidence.asNode(), NodeFactory.createLiteralString(evidence));
        emit(meta, assertion, Coop.sourceFile.asNode(), NodeFactory.createLiteralString(row.file()));
        emit(meta, assertion, Coop.sourceLine.asNode(),
                NodeFactory.createLiteralDT(String.valueOf(row.line()), XSDDatatype.XSDinteger));
    }

    private void mapRelations(CsvTable table) {
        Map<String, Integer> seen = new HashMap<>();
        for (CsvRow row : table.rows()) {
            int errorsBefore = errors.size();
            Optional<String> subject = relationEnd(row, "subject");
            Optional<String> object = relationEnd(row, "object");
            Cell property = row.cell("property");
            Node predicate = uri(Coop.NS + property.value());
            if (property.isEmpty() || !ontology.contains(predicate, RDF.type.asNode(), OWL.ObjectProperty.asNode())) {
                errors.add(row.error(property, property.isEmpty() ? "required.empty" : "relation.property",
                        "'" + CsvReader.shorten(property.value()) + "' is not an object property of the coop "
                                + "ontology; use the local name of one, e.g. " + exampleProperties()));
            }
            String key = row.value("subject") + " " + property.value() + " " + row.value("object");
            Integer previous = seen.putIfAbsent(key, row.line());
            if (previous != null) {
                errors.add(row.error(row.cell("subject"), "relation.duplicate", "the same relation is already on "
                        + "line " + previous + "; keep one row (cite a second source in a second file row only "
                        + "after the first is removed)"));
            }
            checkProvenance(row, TableSpec.Provenance.REQUIRED);
            if (errors.size() > errorsBefore) continue;
            Node s = uri(subject.orElseThrow());
            Node graph = assertionGraph(row, "relation-" + digest(key), s, TableSpec.Provenance.REQUIRED);
            emit(graph, s, predicate, uri(object.orElseThrow()));
        }
    }

    private String exampleProperties() {
        return "participant, participantCountry, contributor, supporter, organiser, topic, usesInstrument, lead";
    }

    private Optional<String> relationEnd(CsvRow row, String column) {
        Cell cell = row.cell(column);
        String value = cell.value();
        int slash = value.indexOf('/');
        if (slash <= 0 || !index.containsKey(value.substring(0, slash))) {
            errors.add(row.error(cell, cell.isEmpty() ? "required.empty" : "relation.reference", "'"
                    + CsvReader.shorten(value) + "' must be written kind/id, where kind is one of "
                    + String.join(", ", index.keySet()) + " (e.g. place/china)"));
            return Optional.empty();
        }
        Optional<String> target = resolve(value, List.of(value.substring(0, slash)));
        if (target.isEmpty()) {
            errors.add(row.error(cell, "ref.unknown",
                    unknownReference(value.substring(slash + 1), List.of(value.substring(0, slash)))));
        }
        return target;
    }

    private void mapLinks(CsvTable table) {
        Map<String, Integer> seen = new HashMap<>();
        for (CsvRow row : table.rows()) {
            int errorsBefore = errors.size();
            Optional<String> entity = relationEnd(row, "entity");
            Cell dataset = row.cell("dataset");
            CuratedSchema.LinkTarget target = CuratedSchema.LINK_TARGETS.get(dataset.value());
            Cell identifier = row.cell("identifier");
            Cell match = row.cell("match");
            Cell verifiedAt = row.cell("verified_at");
            Cell verifiedOn = row.cell("verified_on");
            if (target == null) {
                errors.add(row.error(dataset, "link.dataset", "the dataset '" + CsvReader.shorten(dataset.value())
                        + "' is not one of: " + String.join(", ", CuratedSchema.LINK_TARGETS.keySet())));
            } else if (!identifier.value().matches(target.idPattern())) {
                errors.add(row.error(identifier, "link.identifier", "'" + CsvReader.shorten(identifier.value())
                        + "' is not a " + dataset.value() + " identifier; write it like " + target.example()));
            }
            if (!CuratedSchema.LINK_MATCHES.containsKey(match.value())) {
                errors.add(row.error(match, "link.match", "the match '" + CsvReader.shorten(match.value())
                        + "' is not one of: " + String.join(", ", CuratedSchema.LINK_MATCHES.keySet())));
            }
            if (!URL.matcher(verifiedAt.value()).matches()) {
                errors.add(row.error(verifiedAt, "link.unverified", "verified_at must be the http(s) URL of "
                        + "the public page where the identifier was checked; an identifier nobody verified "
                        + "stays out of the data"));
            }
            if (verifiedOn.isEmpty()) {
                errors.add(row.error(verifiedOn, "required.empty", "verified_on is empty; write the day the "
                        + "identifier was checked, as YYYY-MM-DD"));
            } else {
                try {
                    if (DateValue.parse(verifiedOn.value()).datatype() != XSDDatatype.XSDdate) {
                        throw new IllegalArgumentException("'" + verifiedOn.value() + "' is not a full date; write "
                                + "the day the identifier was checked, as YYYY-MM-DD");
                    }
                } catch (IllegalArgumentException e) {
                    errors.add(row.error(verifiedOn, "date.invalid", "column 'verified_on': " + e.getMessage()));
                }
            }
            String key = row.value("entity") + " " + dataset.value();
            Integer previous = seen.putIfAbsent(key, row.line());
            if (previous != null) {
                errors.add(row.error(row.cell("entity"), "link.duplicate", "this entity already has a "
                        + dataset.value() + " identifier on line " + previous + "; keep one"));
            }
            if (errors.size() > errorsBefore || entity.isEmpty()) continue;

            Node s = uri(entity.get());
            Node page = uri(verifiedAt.value());
            Node meta = uri(names.metadataGraph());
            emit(meta, page, RDF.type.asNode(), uri(Coop.NS + "ReferenceRecord"));
            emit(meta, page, RDFS.label.asNode(),
                    NodeFactory.createLiteralLang("Reference record " + verifiedAt.value(), "en"));
            Node assertion = uri(names.assertion("link-" + entity.get().substring(names.base().length() + 3)
                    .replace('/', '-') + "-" + dataset.value()));
            describeAssertion(assertion, s, page, null, row);
            // When the identifier was checked: links go stale, so consumers can judge their age.
            emit(meta, assertion, DCTerms.created.asNode(),
                    NodeFactory.createLiteralDT(verifiedOn.value(), XSDDatatype.XSDdate));
            if (!row.value("note").isEmpty()) {
                emit(meta, assertion, RDFS.comment.asNode(), NodeFactory.createLiteralLang(row.value("note"), "en"));
            }
            emit(assertion, s, uri(CuratedSchema.LINK_MATCHES.get(match.value())),
                    uri(target.iriPrefix() + identifier.value() + target.iriSuffix()));
        }
    }

    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        for (String part : value.split("\\|")) {
            if (!part.isBlank()) parts.add(part.strip());
        }
        return parts;
    }

    private static String digest(String key) {
        return Sha256.hex(key, 6);
    }

    private static Node[] triple(Node s, Node p, Node o) {
        return new Node[] {s, p, o};
    }

    private static Node property(String name) {
        return uri(name.contains(":") ? PREFIXES.expandPrefix(name) : Coop.NS + name);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}

package org.coopkg.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.apache.jena.rdf.model.Resource;

/**
 * The layout of one curated entity file: its name, the kind of entity a row describes (which is also the
 * IRI path segment), the class of its rows, and its columns. Built fluently by {@link CuratedSchema}.
 * Besides its own columns every file has {@value #ID}, and unless it describes sources, the provenance columns
 * {@value #SOURCE}, {@value #EVIDENCE}, {@value #SUPPORT} and {@value #CURATOR_NOTE} (the last only where a row
 * needs it).
 */
public final class TableSpec {
    public static final String ID = "id";
    public static final String SOURCE = "source";
    public static final String EVIDENCE = "evidence";
    /** How the evidence supports the row: {@code stated} or {@code implied}. */
    public static final String SUPPORT = "support";
    /** Why the curator reads an implied row's facts from its quote. */
    public static final String CURATOR_NOTE = "curator_note";
    /** The provenance columns every file citing sources has, in the documented order. */
    public static final List<String> PROVENANCE_COLUMNS = List.of(SOURCE, EVIDENCE, SUPPORT, CURATOR_NOTE);
    /**
     * Those of them a file must have to be mapped at all. The support level is required of every row by the
     * shapes, which say at each row what to fill in; a note only where a row is implied.
     */
    public static final List<String> REQUIRED_PROVENANCE_COLUMNS = List.of(SOURCE, EVIDENCE);

    /** How a table's rows cite their source. */
    public enum Provenance {
        /** Every row states facts: {@code source} and {@code evidence} are required. */
        REQUIRED,
        /** Rows may cite a source (vocabulary such as role names need not). */
        OPTIONAL,
        /** Rows describe sources themselves. */
        NONE
    }

    private final String file;
    private final String kind;
    private final Resource fixedClass;
    private final List<Column> columns = new ArrayList<>();
    private Provenance provenance = Provenance.REQUIRED;
    private LabelTemplate labelTemplate;

    /**
     * A label made from the labels of referenced entities, for n-ary nodes that have no name of their own:
     * each part is a prefix and a column, and a part whose cell is empty is left out.
     */
    public record LabelTemplate(List<String> prefixes, List<String> columns) {}

    private TableSpec(String file, String kind, Resource fixedClass) {
        this.file = file;
        this.kind = kind;
        this.fixedClass = fixedClass;
    }

    public static TableSpec of(String file, String kind) {
        return new TableSpec(file, kind, null);
    }

    /** A table whose rows all have one class, so that it has no {@code type} column. */
    public static TableSpec of(String file, String kind, Resource fixedClass) {
        return new TableSpec(file, kind, fixedClass);
    }

    public TableSpec type(String... classes) {
        return add(new Column.Type("type", List.of(classes)));
    }

    public TableSpec label() {
        return add(new Column.Text("label", "rdfs:label", true));
    }

    public TableSpec text(String name, String property) {
        return add(new Column.Text(name, property, false));
    }

    public TableSpec requiredText(String name, String property) {
        return add(new Column.Text(name, property, true));
    }

    public TableSpec texts(String name, String property) {
        return add(new Column.Texts(name, property, false));
    }

    public TableSpec plain(String name, String property) {
        return add(new Column.Plain(name, property, null, null, false));
    }

    public TableSpec plain(String name, String property, String regex, String hint) {
        return add(new Column.Plain(name, property, Pattern.compile(regex), hint, false));
    }

    public TableSpec ref(String name, String property, String... kinds) {
        return add(new Column.Ref(name, property, List.of(kinds), false, false));
    }

    public TableSpec requiredRef(String name, String property, String... kinds) {
        return add(new Column.Ref(name, property, List.of(kinds), false, true));
    }

    public TableSpec refs(String name, String property, String... kinds) {
        return add(new Column.Ref(name, property, List.of(kinds), true, false));
    }

    public TableSpec date(String name, String property) {
        return add(new Column.Date(name, property, false));
    }

    public TableSpec integer(String name, String property) {
        return add(new Column.Int(name, property, true));
    }

    public TableSpec bool(String name, String property) {
        return add(new Column.Bool(name, property, false));
    }

    public TableSpec choice(String name, String property, Map<String, String> iris) {
        return add(new Column.Choice(name, property, iris, true));
    }

    public TableSpec url(String name, String property) {
        return add(new Column.Url(name, property, false));
    }

    public TableSpec meta(String name) {
        return add(new Column.Meta(name, false));
    }

    public TableSpec requiredMeta(String name) {
        return add(new Column.Meta(name, true));
    }

    public TableSpec provenance(Provenance provenance) {
        this.provenance = provenance;
        return this;
    }

    /** Pairs of prefix and column, e.g. {@code labelFrom("", "person", ", ", "role")}. */
    public TableSpec labelFrom(String... prefixAndColumn) {
        List<String> prefixes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < prefixAndColumn.length; i += 2) {
            prefixes.add(prefixAndColumn[i]);
            names.add(prefixAndColumn[i + 1]);
        }
        this.labelTemplate = new LabelTemplate(List.copyOf(prefixes), List.copyOf(names));
        return this;
    }

    private TableSpec add(Column column) {
        columns.add(column);
        return this;
    }

    public String file() {
        return file;
    }

    public String kind() {
        return kind;
    }

    public Optional<Resource> fixedClass() {
        return Optional.ofNullable(fixedClass);
    }

    /** The table's own columns, without the implicit ones, in the documented order. */
    public List<Column> columns() {
        return Collections.unmodifiableList(columns);
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Provenance provenance() {
        return provenance;
    }

    public Optional<LabelTemplate> labelTemplate() {
        return Optional.ofNullable(labelTemplate);
    }

    /** Every column name a file of this kind may have, in the documented order. */
    public List<String> columnNames() {
        return names(column -> true, provenance != Provenance.NONE ? PROVENANCE_COLUMNS : List.of());
    }

    /** The column names a file of this kind must have, in the documented order. */
    public List<String> requiredColumnNames() {
        return names(Column::required, provenance == Provenance.REQUIRED ? REQUIRED_PROVENANCE_COLUMNS : List.of());
    }

    private List<String> names(Predicate<Column> which, List<String> provenanceColumns) {
        List<String> names = new ArrayList<>();
        names.add(ID);
        columns.stream().filter(which).forEach(c -> names.add(c.name()));
        names.addAll(provenanceColumns);
        return List.copyOf(names);
    }
}

package org.coopkg.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The layout of one curated entity file: its name, the kind of entity a row describes (which is also the
 * IRI path segment), the class of its rows, and its columns. Built fluently by {@link CuratedSchema}.
 */
public final class TableSpec {
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
    private final String fixedClass;
    private final List<Column> columns = new ArrayList<>();
    private Provenance provenance = Provenance.REQUIRED;
    private LabelTemplate labelTemplate;

    /**
     * A label made from the labels of referenced entities, for n-ary nodes that have no name of their own:
     * each part is a prefix and a column, and a part whose cell is empty is left out.
     */
    public record LabelTemplate(List<String> prefixes, List<String> columns) {}

    private TableSpec(String file, String kind, String fixedClass) {
        this.file = file;
        this.kind = kind;
        this.fixedClass = fixedClass;
    }

    public static TableSpec of(String file, String kind) {
        return new TableSpec(file, kind, null);
    }

    public static TableSpec of(String file, String kind, String fixedClass) {
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
        this.labelTemplate = new LabelTemplate(prefixes, names);
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

    public Optional<String> fixedClass() {
        return Optional.ofNullable(fixedClass);
    }

    public List<Column> columns() {
        return columns;
    }

    public Provenance provenance() {
        return provenance;
    }

    public Optional<LabelTemplate> labelTemplate() {
        return Optional.ofNullable(labelTemplate);
    }

    /** Every column name a file of this kind may have, in the documented order. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        names.add("id");
        columns.forEach(c -> names.add(c.name()));
        if (provenance != Provenance.NONE) {
            names.add("source");
            names.add("evidence");
        }
        return names;
    }
}

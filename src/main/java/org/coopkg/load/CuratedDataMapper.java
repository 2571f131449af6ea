package org.coopkg.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.Quad;
import org.coopkg.core.CoopIris;
import org.coopkg.core.DataError;
import org.coopkg.core.DataException;

/**
 * Turns parsed curated tables into RDF: one named graph per row holding the row's statements, described
 * in the metadata graph by its source, evidence quote and CSV location. Collects every problem it finds
 * and throws them together, so a curator fixes a file in one round.
 *
 * <p>Entity files are read in two passes: first every id is indexed, since a row may refer to a row further
 * down or in a later file; then the rows are mapped. Problems with ids or headers stop the load after the first
 * pass, since every reference to a row that was not indexed would be reported again as unknown. A mapper maps
 * one set of tables.
 */
public final class CuratedDataMapper {
    private final List<DataError> errors = new ArrayList<>();
    private final QuadSink sink;
    private final HeaderCheck headers = new HeaderCheck(errors);
    private final ReferenceIndex index;
    private final ContainmentCycles cycles;
    private final EntityRowMapper entities;
    private final RelationMapper relations;
    private final LinkMapper links;
    private boolean mapped;

    public CuratedDataMapper(CoopIris names, Graph ontology) {
        this(names, ontology, quad -> {});
    }

    /**
     * {@code eachNewQuad}: told of every distinct quad as it is made, before {@link #map} returns them all (and
     * also when {@code map} then throws).
     */
    public CuratedDataMapper(CoopIris names, Graph ontology, Consumer<Quad> eachNewQuad) {
        sink = new QuadSink(eachNewQuad);
        index = new ReferenceIndex(names, errors);
        cycles = new ContainmentCycles(index, errors);
        AssertionGraphs graphs = new AssertionGraphs(names, index, sink, errors);
        MappingContext context = new MappingContext(names, index, graphs, sink, errors);
        entities = new EntityRowMapper(context);
        relations = new RelationMapper(ontology, context);
        links = new LinkMapper(context);
    }

    /**
     * Maps the tables (file name → table; absent files are simply empty) to the quads of their named graphs.
     * There is no default graph: the caller decides how to combine the graphs.
     *
     * @throws IllegalStateException on a second call: the ids of the first tables would resolve references
     *     of the second
     */
    public Set<Quad> map(Map<String, CsvTable> tables) throws DataException {
        if (mapped) throw new IllegalStateException("a CuratedDataMapper maps once; make a new one for other tables");
        mapped = true;
        for (TableSpec spec : CuratedSchema.entityTables()) {
            CsvTable table = tables.get(spec.file());
            if (table != null && headers.check(table, spec)) index.add(table, spec);
        }
        throwIfAny();
        CuratedSchema.entityTables().forEach(cycles::check);
        entities.writeConceptSchemes();
        for (TableSpec spec : CuratedSchema.entityTables()) {
            CsvTable table = tables.get(spec.file());
            if (table != null) table.rows().forEach(row -> entities.map(row, spec));
        }
        CsvTable relationTable = tables.get(CuratedSchema.RELATIONS);
        if (relationTable != null && headers.check(relationTable, CuratedSchema.RELATION_COLUMNS,
                CuratedSchema.REQUIRED_RELATION_COLUMNS)) {
            relations.map(relationTable);
        }
        CsvTable linkTable = tables.get(CuratedSchema.EXTERNAL_LINKS);
        if (linkTable != null && headers.check(linkTable, CuratedSchema.LINK_COLUMNS,
                CuratedSchema.REQUIRED_LINK_COLUMNS)) {
            links.map(linkTable);
        }
        throwIfAny();
        return sink.quads();
    }

    /** Entity IRIs with the file and line of the row that defines each, for locating later problems. */
    public Map<String, CsvRow> rowsByEntity() {
        return index.rowsByEntity();
    }

    private void throwIfAny() throws DataException {
        if (!errors.isEmpty()) throw new DataException(errors);
    }
}

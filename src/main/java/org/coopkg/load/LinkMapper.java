package org.coopkg.load;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.coopkg.core.ExternalDataset;
import org.coopkg.core.LinkPredicate;
import org.coopkg.core.vocab.Coop;

/**
 * Maps external-links.csv: each row links an entity to its identifier in an outside data set. A link is only
 * as good as its checking, so every row must name the public page where the identifier was verified and the
 * day; that page becomes the link's source, a reference record in the metadata graph.
 */
final class LinkMapper {
    private final MappingContext context;

    LinkMapper(MappingContext context) {
        this.context = context;
    }

    void map(CsvTable table) {
        Map<String, Integer> seen = new HashMap<>();
        for (CsvRow row : table.rows()) {
            int problemsBefore = context.problemCount();
            Optional<String> entity = context.index().resolveQualified(row, "entity");
            Cell dataset = row.cell("dataset");
            Optional<ExternalDataset> target = ExternalDataset.byId(dataset.value());
            Cell identifier = row.cell("identifier");
            Cell match = row.cell("match");
            Optional<LinkPredicate> predicate = LinkPredicate.byMatch(match.value());
            if (target.isEmpty()) {
                context.report(row.error(dataset, "link.dataset", "the dataset '" + CsvReader.shorten(dataset.value())
                        + "' is not one of: " + Arrays.stream(ExternalDataset.values()).map(ExternalDataset::id)
                                .collect(Collectors.joining(", "))));
            } else if (!target.get().isIdentifier(identifier.value())) {
                context.report(row.error(identifier, "link.identifier", "'" + CsvReader.shorten(identifier.value())
                        + "' is not a " + dataset.value() + " identifier; write it like " + target.get().example()));
            }
            if (predicate.isEmpty()) {
                context.report(row.error(match, "link.match", "the match '" + CsvReader.shorten(match.value())
                        + "' is not one of: " + Arrays.stream(LinkPredicate.values()).map(LinkPredicate::match)
                                .collect(Collectors.joining(", "))));
            }
            checkVerification(row);
            String key = row.value("entity") + " " + dataset.value();
            Integer previous = seen.putIfAbsent(key, row.line());
            if (previous != null) {
                context.report(row.error(row.cell("entity"), "link.duplicate", "this entity already has a "
                        + dataset.value() + " identifier on line " + previous + "; keep one"));
            }
            if (context.problemCount() > problemsBefore || entity.isEmpty()) continue;
            write(row, entity.get(), target.orElseThrow(), predicate.orElseThrow());
        }
    }

    /** A link needs the page where its identifier was checked and the day it was. */
    private void checkVerification(CsvRow row) {
        Cell verifiedAt = row.cell("verified_at");
        Cell verifiedOn = row.cell("verified_on");
        if (!CellMapper.isUrl(verifiedAt.value())) {
            context.report(row.error(verifiedAt, "link.unverified", "verified_at must be the http(s) URL of "
                    + "the public page where the identifier was checked; an identifier nobody verified "
                    + "stays out of the data"));
        }
        if (verifiedOn.isEmpty()) {
            context.report(row.error(verifiedOn, "required.empty", "verified_on is empty; write the day the "
                    + "identifier was checked, as YYYY-MM-DD"));
            return;
        }
        try {
            if (DateValue.parse(verifiedOn.value()).datatype() != XSDDatatype.XSDdate) {
                throw new IllegalArgumentException("'" + verifiedOn.value() + "' is not a full date; write "
                        + "the day the identifier was checked, as YYYY-MM-DD");
            }
        } catch (IllegalArgumentException e) {
            context.report(row.error(verifiedOn, "date.invalid", "column 'verified_on': " + e.getMessage()));
        }
    }

    private void write(CsvRow row, String entity, ExternalDataset dataset, LinkPredicate predicate) {
        String verifiedAt = row.value("verified_at");
        Node subject = NodeFactory.createURI(entity);
        Node page = NodeFactory.createURI(verifiedAt);
        Node meta = context.graphs().metadataGraph();
        context.emit(meta, page, RDF.type.asNode(), Coop.ReferenceRecord.asNode());
        context.emit(meta, page, RDFS.label.asNode(),
                NodeFactory.createLiteralLang("Reference record " + verifiedAt, "en"));
        String localPath = context.names().localPath(entity).orElseThrow();
        Node assertion = NodeFactory.createURI(context.names().assertion(
                "link-" + localPath.replace('/', '-') + "-" + dataset.id()));
        context.graphs().describe(assertion, subject, page, null, row);
        // The record an identifier was verified on states it.
        context.emit(meta, assertion, Coop.support.asNode(), Coop.Stated.asNode());
        // When the identifier was checked: links go stale, so consumers can judge their age.
        context.emit(meta, assertion, DCTerms.created.asNode(),
                NodeFactory.createLiteralDT(row.value("verified_on"), XSDDatatype.XSDdate));
        if (!row.value("note").isEmpty()) {
            context.emit(meta, assertion, RDFS.comment.asNode(),
                    NodeFactory.createLiteralLang(row.value("note"), "en"));
        }
        context.emit(assertion, subject, predicate.node(), NodeFactory.createURI(dataset.iri(row.value("identifier"))));
    }
}

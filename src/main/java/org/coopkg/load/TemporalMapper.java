package org.coopkg.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.coopkg.core.vocab.Coop;
import org.coopkg.core.vocab.Time;

/**
 * Adds an OWL-Time description beside a row's date literals, so that tools that speak OWL-Time see the
 * same dates. A date without a year ("June 12") becomes a {@code time:DateTimeDescription} with only
 * month and day, which is how OWL-Time says "this day, year not known". Nodes are fragment IRIs of the
 * entity ({@code #time}, {@code #start}, {@code #end}) so that output stays deterministic.
 */
final class TemporalMapper {
    private static final Set<String> BEGINNINGS = Set.of(Coop.startDate.getURI(), Coop.launchDate.getURI());
    private static final String END = Coop.endDate.getURI();
    private static final Set<String> INSTANTS =
            Set.of(Coop.date.getURI(), Coop.signingDate.getURI(), Coop.asOf.getURI());

    private final Node subject;

    TemporalMapper(Node subject) {
        this.subject = subject;
    }

    void map(List<Node[]> triples) {
        Node begin = null;
        Node end = null;
        Node instant = null;
        for (Node[] t : triples) {
            String p = t[1].getURI();
            if (BEGINNINGS.contains(p)) begin = t[2];
            else if (END.equals(p)) end = t[2];
            else if (INSTANTS.contains(p)) instant = t[2];
        }
        List<Node[]> added = new ArrayList<>();
        Node time = fragment("time");
        if (begin != null || end != null) {
            added.add(new Node[] {subject, Coop.hasTime.asNode(), time});
            added.add(new Node[] {time, RDF.type.asNode(), Time.ProperInterval.asNode()});
            if (begin != null) instant(time, Time.hasBeginning.asNode(), "start", begin, added);
            if (end != null) instant(time, Time.hasEnd.asNode(), "end", end, added);
        } else if (instant != null) {
            added.add(new Node[] {subject, Coop.hasTime.asNode(), time});
            describe(time, instant, added);
        }
        triples.addAll(added);
    }

    private void instant(Node interval, Node link, String name, Node literal, List<Node[]> added) {
        Node node = fragment(name);
        added.add(new Node[] {interval, link, node});
        describe(node, literal, added);
    }

    private void describe(Node instant, Node literal, List<Node[]> added) {
        added.add(new Node[] {instant, RDF.type.asNode(), Time.Instant.asNode()});
        DateValue date = DateValue.parse(literal.getLiteralLexicalForm());
        XSDDatatype type = date.datatype();
        if (type == XSDDatatype.XSDdate) {
            added.add(new Node[] {instant, Time.inXSDDate.asNode(), literal});
        } else if (type == XSDDatatype.XSDgYearMonth) {
            added.add(new Node[] {instant, Time.inXSDgYearMonth.asNode(), literal});
        } else if (type == XSDDatatype.XSDgYear) {
            added.add(new Node[] {instant, Time.inXSDgYear.asNode(), literal});
        } else {
            Node description = NodeFactory.createURI(instant.getURI() + "-description");
            added.add(new Node[] {instant, Time.inDateTime.asNode(), description});
            added.add(new Node[] {description, RDF.type.asNode(), Time.DateTimeDescription.asNode()});
            added.add(new Node[] {description, Time.month.asNode(),
                    NodeFactory.createLiteralDT(String.format(Locale.ROOT, "--%02d", date.month()), XSDDatatype.XSDgMonth)});
            if (date.day() != null) {
                added.add(new Node[] {description, Time.unitType.asNode(), Time.unitDay.asNode()});
                added.add(new Node[] {description, Time.day.asNode(),
                        NodeFactory.createLiteralDT(String.format(Locale.ROOT, "---%02d", date.day()), XSDDatatype.XSDgDay)});
            } else {
                added.add(new Node[] {description, Time.unitType.asNode(), Time.unitMonth.asNode()});
            }
        }
    }

    private Node fragment(String name) {
        return NodeFactory.createURI(subject.getURI() + "#" + name);
    }
}

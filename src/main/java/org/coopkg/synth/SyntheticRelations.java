package org.coopkg.synth;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.coopkg.load.CsvTable;
import org.coopkg.load.CuratedSchema;

/** Generated rows of relations.csv, in the proportions of the bundled file and never stating one twice. */
final class SyntheticRelations {
    /**
     * One kind of relation and how often it is drawn (out of the sum of all weights). The subject is drawn before
     * the object; a subject of {@code null} means the kind cannot be drawn yet.
     */
    private record Shape(int weight, Supplier<String> subject, String property, Supplier<String> object) {}

    private final Draw draw;
    private final KnownIds ids;
    private final CsvLines out;
    private final String evidence;
    private final List<Shape> shapes;
    private final int totalWeight;
    /** Every relation stated so far, as "subject property object". */
    private final Set<String> keys = new HashSet<>();

    SyntheticRelations(CsvTable bundled, Draw draw, KnownIds ids, CsvLines out, String evidence) {
        this.draw = draw;
        this.ids = ids;
        this.out = out;
        this.evidence = evidence;
        bundled.rows().forEach(r -> keys.add(r.value("subject") + " " + r.value("property") + " " + r.value("object")));
        shapes = List.of(
                new Shape(30, () -> either("project", ids.projects, "facility", ids.facilities), "topic",
                        () -> hub("concept", ids.topics)),
                new Shape(12, () -> either("project", ids.projects, "event", ids.events), "participantCountry",
                        () -> hub("place", ids.countries)),
                new Shape(12, () -> either("project", ids.projects, "event", ids.events), "participant",
                        () -> hub("organisation", ids.organisations)),
                new Shape(10, () -> either("project", ids.projects, "facility", ids.facilities), "contributor",
                        () -> hub("organisation", ids.organisations)),
                new Shape(5, () -> any("project", ids.projects), "supporter",
                        () -> hub("organisation", ids.organisations)),
                new Shape(3, () -> either("project", ids.projects, "facility", ids.facilities), "launchedAt",
                        () -> any("event", ids.events)),
                new Shape(3, () -> any("project", ids.projects), "usesInstrument",
                        () -> hub("facility", ids.facilities)),
                new Shape(3, () -> any("event", ids.events), "organiser",
                        () -> hub("organisation", ids.organisations)),
                new Shape(2, () -> ids.delegationVisits.isEmpty() ? null : any("event", ids.delegationVisits),
                        "destination", () -> hub("place", ids.countries)));
        totalWeight = shapes.stream().mapToInt(Shape::weight).sum();
    }

    /** One relation; after a few draws that all repeat a relation, none. */
    void add() {
        for (int attempt = 0; attempt < 10; attempt++) {
            Shape shape = shape(draw.nextInt(totalWeight));
            String subject = shape.subject().get();
            if (subject == null) continue;
            String object = shape.object().get();
            if (keys.add(subject + " " + shape.property() + " " + object)) {
                out.add(CuratedSchema.RELATIONS, subject, shape.property(), object, SyntheticData.SOURCE_ID, evidence,
                        SyntheticData.SUPPORT, "");
                return;
            }
        }
    }

    /** The shape that a draw below the total weight falls on. */
    private Shape shape(int drawn) {
        int below = 0;
        for (Shape shape : shapes) {
            below += shape.weight();
            if (drawn < below) return shape;
        }
        throw new IllegalArgumentException("draw " + drawn + " is not below the total weight " + totalWeight);
    }

    /** {@code kind/id} of an id drawn uniformly. */
    private String any(String kind, List<String> of) {
        return kind + "/" + draw.uniform(of);
    }

    /** {@code kind/id} of an id drawn with the power law, so that the hubs get most relations. */
    private String hub(String kind, List<String> of) {
        return kind + "/" + draw.powerLaw(of);
    }

    /** {@code kind/id} of an id drawn uniformly from one of two kinds, each as likely. */
    private String either(String kind, List<String> of, String otherKind, List<String> other) {
        return draw.nextBoolean() ? any(kind, of) : any(otherKind, other);
    }
}

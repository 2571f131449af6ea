package org.coopkg.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.coopkg.load.CsvRow;
import org.coopkg.load.CsvTable;

/**
 * The ids generated rows may refer to, by kind: the bundled ones first, so that the power law favours them,
 * then the generated ones as they are made.
 */
final class KnownIds {
    final List<String> countries = new ArrayList<>();
    final List<String> provinces = new ArrayList<>();
    final List<String> cities = new ArrayList<>();
    final List<String> organisations = new ArrayList<>();
    final List<String> people = new ArrayList<>();
    final List<String> facilities = new ArrayList<>();
    final List<String> projects = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    final List<String> delegationVisits = new ArrayList<>();
    final List<String> topics = new ArrayList<>();
    final List<String> roles = new ArrayList<>();
    final List<String> partyRoles = new ArrayList<>();

    /** The ids of the bundled tables (file name → table). */
    KnownIds(Map<String, CsvTable> bundled) {
        for (CsvRow row : bundled.get("places.csv").rows()) {
            switch (row.value("type")) {
                case "Country" -> countries.add(row.value("id"));
                case "Province" -> provinces.add(row.value("id"));
                case "City" -> cities.add(row.value("id"));
                default -> { }
            }
        }
        // China first: the bundled article is about China's partnerships, and the power law makes index 0 the hub.
        if (countries.remove("china")) countries.add(0, "china");
        bundled.get("organisations.csv").rows().forEach(r -> organisations.add(r.value("id")));
        bundled.get("people.csv").rows().forEach(r -> people.add(r.value("id")));
        bundled.get("facilities.csv").rows().forEach(r -> facilities.add(r.value("id")));
        bundled.get("projects.csv").rows().forEach(r -> projects.add(r.value("id")));
        for (CsvRow row : bundled.get("events.csv").rows()) {
            events.add(row.value("id"));
            if ("DelegationVisit".equals(row.value("type"))) delegationVisits.add(row.value("id"));
        }
        for (CsvRow row : bundled.get("concepts.csv").rows()) {
            switch (row.value("scheme")) {
                case "topics" -> topics.add(row.value("id"));
                case "roles" -> roles.add(row.value("id"));
                case "party-roles" -> partyRoles.add(row.value("id"));
                default -> { }
            }
        }
    }
}

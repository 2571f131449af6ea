package org.coopkg.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The bounded load test ({@link LoadTest}) as an integration test. Not part of the default {@code mvn verify}:
 * failsafe excludes it unless the {@code load-test} profile is on ({@code coopkg.exclude.load}). Duration and
 * clients come from {@code -Dcoopkg.load.seconds} (300) and {@code -Dcoopkg.load.clients} (3); the report is
 * {@code target/load-test/report.md}.
 */
class LoadTestIT {
    @Test
    void theServerMeetsTheTargetsUnderBoundedLoad() throws Exception {
        LoadTest.Outcome outcome = LoadTest.run(LoadTest.Config.fromSystemProperties());
        System.out.println(outcome.report());
        assertTrue(outcome.failures().isEmpty(), () -> "load test targets missed (report: " + outcome.reportFile().toAbsolutePath()
                + "):\n  " + String.join("\n  ", outcome.failures()));
    }
}

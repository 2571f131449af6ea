package org.coopkg.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The mixed soak ({@link SoakTest}) as an integration test of the {@code load-test} profile, not of the default
 * {@code mvn verify}: 300 s per store by default ({@code -Dcoopkg.soak.seconds=N}); the report is
 * {@code target/load-test/soak-report.md}.
 */
class SoakIT {
    @Test
    void mixedTrafficKeepsEveryAcknowledgedWriteAndNeverShowsHalfAnUpdate() throws Exception {
        SoakTest.Outcome outcome = SoakTest.run(SoakTest.Config.fromSystemProperties());
        System.out.println(outcome.report());
        assertTrue(outcome.failures().isEmpty(), () -> "soak targets missed (report: " + outcome.reportFile().toAbsolutePath()
                + "):\n  " + String.join("\n  ", outcome.failures()));
    }
}

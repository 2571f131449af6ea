package org.coopkg.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** The load test's arithmetic (percentiles, heap slope) and its query mix, without starting a server. */
class LoadTestStatisticsTest {
    @Test
    void percentilesAreNearestRank() {
        List<Long> hundred = LongStream.rangeClosed(1, 100).boxed().toList();
        assertEquals(50, LoadTest.pct(hundred, 50));
        assertEquals(99, LoadTest.pct(hundred, 99));
        assertEquals(100, LoadTest.pct(hundred, 100));
        assertEquals(7, LoadTest.pct(List.of(7L), 99));
        assertEquals(0, LoadTest.pct(List.of(), 50));
    }

    @Test
    void aSteadyLeakIsAClearlyPositiveSlopeAndNoiseIsNot() {
        List<double[]> leak = new ArrayList<>();
        List<double[]> flat = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double noise = (i % 3 - 1) * 200_000.0;
            leak.add(new double[] {20.0 * i, 32e6 + 50_000.0 * i + noise});
            flat.add(new double[] {20.0 * i, 32e6 + noise});
        }
        double[] leaking = LoadTest.fit(leak);
        assertEquals(2500.0, leaking[0], 1000.0); // bytes per second (the noise tilts it a little)
        assertTrue(leaking[0] - 2 * leaking[1] > 0);
        double[] steady = LoadTest.fit(flat);
        assertTrue(steady[0] - 2 * steady[1] <= 0, () -> steady[0] + " ± " + steady[1]);
        assertNull(LoadTest.fit(List.of(new double[] {0, 1}, new double[] {1, 2})));
    }

    @Test
    void theMixHasEveryGalleryQueryMalformedOnesAndOneHeavyQuery() {
        List<String> kinds = LoadTest.mix().stream().map(LoadTest.Item::kind).toList();
        assertEquals(1, kinds.stream().filter(LoadTest.HEAVY::equals).count());
        assertEquals(LoadTest.MALFORMED_QUERIES.size(), kinds.stream().filter(LoadTest.MALFORMED::equals).count());
        assertTrue(kinds.contains("01-programmes-initiated-by-china"), kinds::toString);
    }
}

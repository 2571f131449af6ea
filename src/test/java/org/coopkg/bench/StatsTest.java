package org.coopkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void nearestRankPercentiles() {
        List<Double> values = List.of(5.0, 1.0, 4.0, 2.0, 3.0);
        assertEquals(3.0, Stats.median(values));
        assertEquals(5.0, Stats.percentile(values, 99));
        assertEquals(1.0, Stats.percentile(values, 1));
        assertEquals(2.0, Stats.percentile(List.of(1.0, 2.0, 3.0, 4.0), 50));
    }

    @Test
    void noSamplesIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Stats.median(List.of()));
    }
}

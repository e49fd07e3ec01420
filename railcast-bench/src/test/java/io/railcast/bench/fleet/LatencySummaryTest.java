package io.railcast.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void takesPercentilesByNearestRank() {
        long[] hundred = LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray(); // 100 … 1, unsorted
        assertThat(LatencySummary.of(hundred)).isEqualTo(new LatencySummary(100, 50, 99, 100));
    }

    @Test
    void givesTheSlowestAsP99WhenThereAreFewerThanAHundred() {
        assertThat(LatencySummary.of(new long[] {300, 100, 200})).isEqualTo(new LatencySummary(3, 200, 300, 300));
        assertThat(LatencySummary.of(new long[] {7})).isEqualTo(new LatencySummary(1, 7, 7, 7));
    }

    @Test
    void leavesTheCallersValuesInTheirOrder() {
        long[] values = {5, 1, 3};
        LatencySummary.of(values);
        assertThat(values).containsExactly(5, 1, 3);
    }

    @Test
    void summarisesNothingAsZeros() {
        assertThat(LatencySummary.of(new long[0])).isEqualTo(new LatencySummary(0, 0, 0, 0));
    }
}

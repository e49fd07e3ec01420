package io.railcast.model.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.railcast.model.time.SecondRange;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SpacingTest {

    @Test
    void measuresPlaysEvenlySpacedFromTheWindowStartAsOne() {
        int[] everyFiveMinutes = IntStream.range(0, 12).map(i -> i * 300).toArray();

        assertThat(Spacing.cumulativeDeviation(everyFiveMinutes, SecondRange.WHOLE_HOUR, 12))
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void measuresPlaysCentredInTheirShareOfTheWindowAsOneHalf() {
        int[] centred = IntStream.range(0, 12).map(i -> 150 + i * 300).toArray();

        assertThat(Spacing.cumulativeDeviation(centred, SecondRange.WHOLE_HOUR, 12))
                .isCloseTo(0.5, within(1e-9));
    }

    @Test
    void measuresPlaysBunchedAtTheStartByHowFarTheyRunAhead() {
        int[] bunched = IntStream.range(0, 12).map(i -> i * 5).toArray();

        assertThat(Spacing.cumulativeDeviation(bunched, SecondRange.WHOLE_HOUR, 12))
                .isCloseTo(12 - 12 * 55 / 3600.0, within(1e-9));
    }

    @Test
    void measuresPlaysMissingAtTheEndOfTheWindow() {
        assertThat(Spacing.cumulativeDeviation(new int[0], new SecondRange(1800, 3600), 2))
                .isEqualTo(2.0);
    }

    @Test
    void measuresAgainstTheWindowNotTheHour() {
        // One play owed in the second half hour, at its very start: ahead by one, as at the start of an hour.
        assertThat(Spacing.cumulativeDeviation(new int[] {1800}, new SecondRange(1800, 3600), 1))
                .isEqualTo(1.0);
    }

    @Test
    void takesTheNinetyNinthPercentileOverWeightedValues() {
        double[] values = {3.0, 0.5, 1.0};

        assertThat(Spacing.percentile(values, new long[] {1, 90, 9}, 0.99)).isEqualTo(1.0);
        assertThat(Spacing.percentile(values, new long[] {2, 90, 8}, 0.99)).isEqualTo(3.0);
        assertThat(Spacing.percentile(new double[0], new long[0], 0.99)).isZero();
    }
}

package io.railcast.model.audit;

import io.railcast.model.time.SecondRange;
import java.util.Arrays;

/** How evenly plays are spread over a window, and percentiles of that over many windows. */
final class Spacing {

    private Spacing() {}

    /**
     * The cumulative deviation of plays starting at {@code starts} (ascending, inside {@code window}) from an even
     * spread of {@code owed} plays: the largest gap between plays counted so far and plays owed so far, pro rata,
     * at any moment of the window. Plays evenly spaced from the window's start come to exactly 1.
     */
    static double cumulativeDeviation(int[] starts, SecondRange window, int owed) {
        double length = window.length();
        double worst = 0;
        for (int j = 1; j <= starts.length; j++) {
            double ideal = owed * (starts[j - 1] - window.from()) / length;
            // The count steps from j - 1 to j at the start, and between starts only the ideal moves.
            worst = Math.max(worst, Math.max(Math.abs(j - 1 - ideal), Math.abs(j - ideal)));
        }
        return Math.max(worst, Math.abs(starts.length - owed));
    }

    /**
     * The nearest-rank percentile of values that occur {@code weights} times each: the smallest value such that at
     * least {@code quantile} of all occurrences are at or below it; 0 when there are none.
     */
    static double percentile(double[] values, long[] weights, double quantile) {
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        long total = Arrays.stream(weights).sum();
        if (total == 0) {
            return 0;
        }
        // The tolerance keeps 0.99 * 100 from rounding up to rank 100.
        long rank = Math.max(1, (long) Math.ceil(quantile * total - 1e-9));
        long seen = 0;
        for (int i : order) {
            seen += weights[i];
            if (seen >= rank) {
                return values[i];
            }
        }
        return values[order[order.length - 1]];
    }
}

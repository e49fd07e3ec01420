package io.railcast.bench.fleet;

import java.util.Arrays;

/**
 * Percentiles of a set of durations in milliseconds, by the nearest-rank method: the p-th percentile is the smallest
 * value that at least p% of the values do not exceed, so it is always one of the measured values.
 */
record LatencySummary(int count, long p50, long p99, long max) {

    static LatencySummary of(long[] millis) {
        if (millis.length == 0) {
            return new LatencySummary(0, 0, 0, 0);
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new LatencySummary(sorted.length, rank(sorted, 50), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    private static long rank(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length); // 1-based
        return sorted[Math.max(rank, 1) - 1];
    }
}

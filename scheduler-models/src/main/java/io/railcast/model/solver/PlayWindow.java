package io.railcast.model.solver;

/**
 * A period window of a campaign inside one hour, already cut to the campaign's active time: {@code plays} spots
 * must start in {@code [from, to)}.
 */
public record PlayWindow(int from, int to, int plays) {

    public PlayWindow {
        if (from < 0 || to > 3600 || from >= to || plays < 0) {
            throw new IllegalArgumentException("window [" + from + ", " + to + ") with " + plays + " plays");
        }
    }

    public int length() {
        return to - from;
    }

    /** The start of the k-th share: a play starting in its own share keeps the count within 1 of the ideal rate. */
    double shareStart(int k) {
        return from + (double) k * length() / plays;
    }
}

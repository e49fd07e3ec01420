package io.railcast.model.time;

/**
 * A half-open range {@code [from, to)} of seconds inside one clock hour (0 ≤ from ≤ to ≤ 3600).
 */
public record SecondRange(int from, int to) {

    public static final int HOUR = 3600;
    public static final SecondRange WHOLE_HOUR = new SecondRange(0, HOUR);
    public static final SecondRange EMPTY = new SecondRange(0, 0);

    public SecondRange {
        if (from < 0 || to > HOUR || from > to) {
            throw new IllegalArgumentException("not a range inside an hour: [" + from + ", " + to + ")");
        }
    }

    /** The range [from, to) clipped to the hour; empty when they do not meet. */
    public static SecondRange clip(int from, int to) {
        int f = Math.max(0, from);
        int t = Math.min(HOUR, to);
        if (f >= t) {
            return EMPTY;
        }
        return f == 0 && t == HOUR ? WHOLE_HOUR : new SecondRange(f, t);
    }

    public int length() {
        return to - from;
    }

    public boolean isEmpty() {
        return from >= to;
    }

    public SecondRange intersect(SecondRange other) {
        int f = Math.max(from, other.from);
        int t = Math.min(to, other.to);
        return f < t ? new SecondRange(f, t) : EMPTY;
    }

    public boolean contains(int second) {
        return second >= from && second < to;
    }

    @Override
    public String toString() {
        return "[" + from + "," + to + ")";
    }
}

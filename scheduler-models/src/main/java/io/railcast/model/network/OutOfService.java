package io.railcast.model.network;

import java.time.Instant;
import java.util.Objects;

/**
 * A period a screen is off air, for maintenance or works ({@code until} given) or for good ({@code until} null: the
 * screen is retired). The planner plans nothing in a clock hour that the period touches.
 *
 * @param from  when the screen goes off air
 * @param until when it is back on air, or null when it is retired
 */
public record OutOfService(Instant from, Instant until) {

    public OutOfService {
        Objects.requireNonNull(from, "from");
        if (until != null && !until.isAfter(from)) {
            throw new IllegalArgumentException("until must be after from, got " + from + " to " + until);
        }
    }

    /** For good, from {@code from} on. */
    public static OutOfService retired(Instant from) {
        return new OutOfService(from, null);
    }

    public boolean isRetirement() {
        return until == null;
    }

    /** Whether the screen is off air at some instant of {@code [start, end)}. */
    public boolean overlaps(Instant start, Instant end) {
        return from.isBefore(end) && (until == null || until.isAfter(start));
    }
}

package io.railcast.agent.protocol;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One clock hour the screen is on air, starting at {@code start}, playing the plan whose id is {@code plan}. */
public record ScheduledHour(Instant start, String plan) {

    public ScheduledHour {
        requireNonNull(start, "start");
        requireNonNull(plan, "plan");
    }
}

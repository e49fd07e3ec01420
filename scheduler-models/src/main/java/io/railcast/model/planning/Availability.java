package io.railcast.model.planning;

import java.util.List;

/**
 * The answer to "can this booking fit?": every station-hour that would be short, and the tentative plan with the
 * booking in it, which can be published as it is once the booking is accepted.
 */
public record Availability(List<StationHourShortfall> shortfalls, PlanResult tentativePlan) {

    public Availability {
        shortfalls = List.copyOf(shortfalls);
    }

    public boolean fits() {
        return shortfalls.isEmpty();
    }

    public long shortSeconds() {
        return shortfalls.stream()
                .mapToLong(s -> (long) s.shortSeconds() * s.screens())
                .sum();
    }
}

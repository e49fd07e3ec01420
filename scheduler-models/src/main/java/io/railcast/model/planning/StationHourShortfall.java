package io.railcast.model.planning;

import java.time.LocalDate;
import java.util.Set;

/**
 * A station-hour where a proposed booking does not fit: on {@code screens} of the station's screens,
 * {@code shortSeconds} of contracted airtime per screen would be missing; {@code campaigns} names whose plays.
 */
public record StationHourShortfall(
        String station, LocalDate date, int hour, int screens, int shortSeconds, Set<String> campaigns) {

    public StationHourShortfall {
        campaigns = Set.copyOf(campaigns);
    }
}

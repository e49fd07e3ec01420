package io.railcast.model.campaign;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * When a campaign runs, in the local time of each station, with minute precision: "Sep 1 00:00 to Sep 9 08:00".
 * The end is exclusive.
 */
public record FlightWindow(LocalDateTime start, LocalDateTime end) {

    public FlightWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.equals(start.truncatedTo(ChronoUnit.MINUTES)) || !end.equals(end.truncatedTo(ChronoUnit.MINUTES))) {
            throw new IllegalArgumentException("flight window has minute precision: " + start + " to " + end);
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("flight window ends (" + end + ") before it starts (" + start + ")");
        }
    }

    public boolean overlaps(LocalDateTime from, LocalDateTime to) {
        return start.isBefore(to) && end.isAfter(from);
    }
}

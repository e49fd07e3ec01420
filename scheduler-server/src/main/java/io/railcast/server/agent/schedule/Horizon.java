package io.railcast.server.agent.schedule;

import io.railcast.server.agent.schedule.ScheduleBody.HourEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The clock hours a schedule answer covers, as UTC instants. A version's plans are indexed by the station's
 * local hours from its first day (index = day × 24 + local hour), so each hour from the start of the current
 * local hour is converted in the station's zone; hours where the screen is off air are left out. The horizon
 * ends early where the version's plans end: after {@code to} the agent plays its fallback, whereas a missing
 * hour before it means the screen is dark.
 *
 * @param from the start of the current clock hour
 * @param to   {@code from} + the hours asked for, or earlier where the version ends
 */
public record Horizon(Instant from, Instant to, List<HourEntry> hours) {

    static final int DEFAULT_HOURS = 72;
    static final int MAX_HOURS = 168;

    private static final Duration HOUR = Duration.ofHours(1);

    /** The start of the local clock hour in {@code zone} at {@code now} (a zone may be offset by 30 or 45 min). */
    static Instant start(ZoneId zone, Instant now) {
        return ZonedDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.HOURS).toInstant();
    }

    static Horizon of(ScreenScheduleRow row, Instant now, int hours) {
        Instant from = start(row.zone(), now);
        Instant end = from.plus(HOUR.multipliedBy(hours));
        List<HourEntry> entries = new ArrayList<>();
        Instant start = from;
        for (; start.isBefore(end); start = start.plus(HOUR)) {
            ZonedDateTime local = start.atZone(row.zone());
            long index = ChronoUnit.DAYS.between(row.firstDay(), local.toLocalDate()) * 24 + local.getHour();
            if (index >= row.planIds().size()) {
                break;
            }
            String plan = index < 0 ? null : row.planIds().get((int) index);
            if (plan != null) {
                entries.add(new HourEntry(start, plan));
            }
        }
        return new Horizon(from, start, List.copyOf(entries));
    }
}

package io.railcast.agent.playback;

import io.railcast.agent.protocol.HourPlan;
import io.railcast.agent.protocol.Schedule;
import io.railcast.agent.protocol.ScheduledHour;
import io.railcast.agent.protocol.Spot;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Plays one schedule by the clock: what is on screen is a function of the instant alone, so every screen of a station
 * plays in step and an agent restarted mid-hour resumes at the right spot.
 *
 * <p>Inside the horizon the hour entry whose {@code start <= t < start + 1 h} decides; hours absent from the schedule
 * are dark. From {@code to} on, the fallback plan loops by the clock: its spots repeat from the start of its on-air
 * window in every hour of the schedule's zone, so a plan that tiles the hour plays like any hour and a short filler
 * loop repeats.
 */
final class ClockPlayback {

    private static final Duration HOUR = Duration.ofHours(1);

    private final Schedule schedule;
    private final NavigableMap<Instant, HourPlan> hours = new TreeMap<>();

    ClockPlayback(Schedule schedule) {
        this.schedule = schedule;
        for (ScheduledHour hour : schedule.hours()) {
            hours.put(hour.start(), schedule.plans().get(hour.plan()));
        }
    }

    Schedule schedule() {
        return schedule;
    }

    OnScreen at(Instant t) {
        if (!t.isBefore(schedule.to())) {
            return fallbackAt(t);
        }
        Map.Entry<Instant, HourPlan> hour = hours.floorEntry(t);
        if (hour != null && t.isBefore(hour.getKey().plus(HOUR))) {
            return inHour(hour.getKey(), hour.getValue(), t);
        }
        Instant next = hours.higherKey(t);
        return OnScreen.dark(t, next == null ? schedule.to() : next, schedule.version());
    }

    private OnScreen inHour(Instant hourStart, HourPlan plan, Instant t) {
        long millis = Duration.between(hourStart, t).toMillis();
        Spot spot = plan.spotAt(millis);
        if (spot == null) {
            return OnScreen.dark(t, darkUntil(hourStart, plan, millis), schedule.version());
        }
        Instant start = hourStart.plusSeconds(spot.offset());
        return new OnScreen(spot, start, hourStart.plusSeconds(spot.end()), schedule.version(), false);
    }

    private static Instant darkUntil(Instant hourStart, HourPlan plan, long millis) {
        if (millis < plan.onAirFrom() * 1000L) {
            return hourStart.plusSeconds(plan.onAirFrom());
        }
        int next = plan.nextStartAfter(millis);
        return next * 1000L > millis && next < plan.onAirTo() ? hourStart.plusSeconds(next) : hourStart.plus(HOUR);
    }

    private OnScreen fallbackAt(Instant t) {
        HourPlan plan = schedule.fallbackPlan();
        Instant hourStart =
                t.atZone(schedule.zone()).truncatedTo(ChronoUnit.HOURS).toInstant();
        Instant hourEnd = hourStart.plus(HOUR);
        long millis = Duration.between(hourStart, t).toMillis();
        long loopStart = plan.onAirFrom() * 1000L;
        long loopEnd = plan.spots().isEmpty()
                ? loopStart
                : plan.spots().get(plan.spots().size() - 1).end() * 1000L;
        if (millis < loopStart || millis >= plan.onAirTo() * 1000L || loopEnd == loopStart) {
            Instant until = millis < loopStart ? hourStart.plusMillis(loopStart) : hourEnd;
            return new OnScreen(null, t, until, schedule.version(), true);
        }
        long intoLoop = (millis - loopStart) % (loopEnd - loopStart);
        long position = loopStart + intoLoop;
        Instant windowEnd = hourStart.plusSeconds(plan.onAirTo());
        Spot spot = plan.spotAt(position);
        if (spot == null) {
            Instant until = t.plusMillis(plan.nextStartAfter(position) * 1000L - position);
            return new OnScreen(null, t, min(until, windowEnd), schedule.version(), true);
        }
        // from the hour's start, not from t: a fallback spot read again later in its slot is the same slot
        Instant start = hourStart.plusMillis(millis - position + spot.offset() * 1000L);
        Instant end = min(start.plusSeconds(spot.duration()), windowEnd);
        return new OnScreen(spot, start, end, schedule.version(), true);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

package io.railcast.bench.fleet;

import io.railcast.agent.protocol.HourPlan;
import io.railcast.agent.protocol.PlayRecord;
import io.railcast.agent.protocol.ScheduledHour;
import io.railcast.agent.protocol.Spot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a virtual agent has played: the spots of its schedule that started at or after {@code from} and ended by
 * {@code until}, as proof-of-play records, each with a new play id. Nothing is shown, but the records are those a
 * real agent playing by the clock would journal.
 */
final class Airtime {

    private static final long SECONDS_AN_HOUR = 3600;

    private Airtime() {}

    static List<PlayRecord> played(String screenId, Adopted adopted, Instant from, Instant until) {
        List<PlayRecord> plays = new ArrayList<>();
        Map<String, HourPlan> plans = adopted.plans();
        for (ScheduledHour hour : adopted.hours()) {
            Instant start = hour.start();
            if (!start.plusSeconds(SECONDS_AN_HOUR).isAfter(from)) {
                continue;
            }
            if (!start.isBefore(until)) {
                break;
            }
            for (Spot spot : plans.get(hour.plan()).spots()) {
                Instant begins = start.plusSeconds(spot.offset());
                Instant ends = start.plusSeconds(spot.end());
                if (!begins.isBefore(from) && !ends.isAfter(until)) {
                    plays.add(new PlayRecord(
                            UUID.randomUUID(),
                            screenId,
                            spot.campaign(),
                            spot.creative(),
                            begins,
                            spot.duration() * 1000L,
                            adopted.version()));
                }
            }
        }
        return plays;
    }

    /** The cursor after {@code plays}: the end of the last one, or {@code from} when there was none. */
    static Instant after(List<PlayRecord> plays, Instant from) {
        Instant cursor = from;
        for (PlayRecord play : plays) {
            Instant end = play.startedAt().plusMillis(play.durationMillis());
            if (end.isAfter(cursor)) {
                cursor = end;
            }
        }
        return cursor;
    }
}

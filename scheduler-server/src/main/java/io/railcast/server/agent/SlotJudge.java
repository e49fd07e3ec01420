package io.railcast.server.agent;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Judges the plays of one screen against what the versions they name scheduled on it. A play counts when its
 * campaign and creative are those of a spot of that version's plan for the hour (or of its fallback plan, which the
 * agent plays in any hour once it is past its horizon and cannot reach us), and it started within the tolerance of
 * the spot's planned start ({@link #judge}): that start is the play's slot. Only the first play of a slot counts; this judge knows
 * the slots of its own batch, the database those of earlier ones ({@code play_slot}).
 *
 * <p>The agent picks and stamps a spot by one clock, its estimate of ours (docs/agent-protocol.md), so a play is
 * compared with the plan as it is, not corrected again by the offset its heartbeat reports, which the agent has
 * applied already; the tolerance is for the moment it takes to put a spot on screen and for an agent stamping by a
 * clock a little off the one it plays by. One judge per batch; not thread-safe.
 */
final class SlotJudge {

    static final String UNKNOWN_VERSION = "unknown-version";
    static final String NOT_SCHEDULED = "not-scheduled";
    static final String OFF_SLOT = "off-slot";
    static final String DUPLICATE_SLOT = "duplicate-slot";

    private final String screenId;
    private final Map<Long, ScreenScheduleRow> rows;
    private final Map<String, PlanSlots> plans;
    private final long toleranceMillis;
    private final Set<Instant> claimed = new HashSet<>();

    SlotJudge(String screenId, Map<Long, ScreenScheduleRow> rows, Map<String, PlanSlots> plans, Duration tolerance) {
        this.screenId = screenId;
        this.rows = rows;
        this.plans = plans;
        this.toleranceMillis = tolerance.toMillis();
    }

    /** The plans that judging {@code plays} needs, given the screen's {@code rows} by version. */
    static Set<String> plansNeeded(Map<Long, ScreenScheduleRow> rows, Collection<Play> plays, Duration tolerance) {
        Set<String> ids = new HashSet<>();
        for (Play play : plays) {
            ScreenScheduleRow row = play.scheduleVersion() == null ? null : rows.get(play.scheduleVersion());
            if (row != null) {
                for (Instant hour : hours(row, play.startedAt(), tolerance.toMillis())) {
                    ids.addAll(candidates(row, hour));
                }
            }
        }
        return ids;
    }

    /**
     * @param slot      the planned start of the spot the play matched (also of the spot it started late in)
     * @param rejection why it does not count, or null when it does
     * @param reason    the rejection said for a person, beginning with its code
     */
    record Verdict(@Nullable Instant slot, @Nullable String rejection, @Nullable String reason) {

        static Verdict rejected(@Nullable Instant slot, String rejection, String why) {
            return new Verdict(slot, rejection, rejection + ": " + why);
        }
    }

    /**
     * The spot a play is of is the one running at its {@code startedAt} by the plan: the agent chose the spot and
     * stamped the play by one clock. It counts if that spot is of its campaign and creative and it started at most
     * the tolerance late; or if the next spot is, and starts at most the tolerance later (the agent's clock a little
     * ahead of ours). A play of the running spot that started later than that (a restart resumed mid-spot, a switch
     * of versions) is off its slot; and a play near a spot of its campaign and creative that is running another is
     * never given the next slot, which a true play may still take.
     */
    Verdict judge(Play play) {
        Long version = play.scheduleVersion();
        ScreenScheduleRow row = version == null ? null : rows.get(version);
        if (row == null) {
            return Verdict.rejected(null, UNKNOWN_VERSION, version == null ? "the play names no scheduleVersion"
                    : "no published version " + version + " schedules screen " + screenId);
        }
        Instant startedAt = play.startedAt();
        String campaign = play.campaign();
        String creative = play.creative();
        Instant slot = null;
        Instant late = null;
        for (Instant hour : hours(row, startedAt, toleranceMillis)) {
            // negative in the next hour, which only a spot starting within the tolerance is looked for in
            long millis = Duration.between(hour, startedAt).toMillis();
            for (String id : candidates(row, hour)) {
                PlanSlots plan = plans.get(id);
                Long running = plan == null || millis < 0 ? null : plan.startOfRunning(millis, campaign, creative);
                Long start = running != null ? running
                        : plan == null ? null : plan.nextStartWithin(millis, toleranceMillis, campaign, creative);
                if (start == null) {
                    continue;
                }
                Instant at = hour.plusMillis(start);
                if (running != null && millis - running > toleranceMillis) {
                    late = at;
                } else if (slot == null || distance(at, startedAt) < distance(slot, startedAt)) {
                    slot = at;
                }
            }
        }
        String spot = campaign + "/" + creative;
        if (slot != null) {
            return claimed.add(slot) ? new Verdict(slot, null, null) : Verdict.rejected(slot, DUPLICATE_SLOT,
                    "the spot of " + spot + " at " + slot + " was played already");
        }
        if (late != null) {
            return Verdict.rejected(late, OFF_SLOT, "started " + distance(late, startedAt) / 1000.0 + " s into the"
                    + " spot of " + spot + " at " + late + "; a play counts from its spot's start (within "
                    + toleranceMillis + " ms)");
        }
        return Verdict.rejected(null, NOT_SCHEDULED, "version " + version + " schedules no spot of " + spot
                + " on screen " + screenId + " running at or starting within " + toleranceMillis + " ms of "
                + startedAt);
    }

    private static long distance(Instant a, Instant b) {
        return Math.abs(Duration.between(a, b).toMillis());
    }

    /** The station's clock hour at {@code at}, and the next one when it starts within the tolerance. */
    private static Set<Instant> hours(ScreenScheduleRow row, Instant at, long toleranceMillis) {
        Set<Instant> hours = new LinkedHashSet<>(2);
        hours.add(Horizon.start(row.zone(), at));
        hours.add(Horizon.start(row.zone(), at.plusMillis(toleranceMillis)));
        return hours;
    }

    /** The plan the version has for the clock hour starting at {@code hour}, if any, and its fallback plan. */
    private static Set<String> candidates(ScreenScheduleRow row, Instant hour) {
        Set<String> ids = new LinkedHashSet<>(2);
        ZonedDateTime local = hour.atZone(row.zone());
        long index = ChronoUnit.DAYS.between(row.firstDay(), local.toLocalDate()) * 24 + local.getHour();
        if (index >= 0 && index < row.planIds().size() && row.planIds().get((int) index) != null) {
            ids.add(row.planIds().get((int) index));
        }
        if (row.fallbackPlanId() != null) {
            ids.add(row.fallbackPlanId());
        }
        return ids;
    }
}

package io.railcast.server.agent.plays;

import io.railcast.server.agent.schedule.Horizon;
import io.railcast.server.agent.schedule.ScreenScheduleRow;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
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

    private static final long HOUR_MILLIS = 3_600_000;
    private static final long DAY_MILLIS = 86_400_000;
    private static final long NONE = Long.MIN_VALUE;

    private final String screenId;
    private final Map<Long, ScreenScheduleRow> rows;
    private final Map<String, PlanSlots> plans;
    private final long toleranceMillis;
    private final Set<Long> claimed = new HashSet<>();

    SlotJudge(String screenId, Map<Long, ScreenScheduleRow> rows, Map<String, PlanSlots> plans, Duration tolerance) {
        this.screenId = screenId;
        this.rows = rows;
        this.plans = plans;
        this.toleranceMillis = tolerance.toMillis();
    }

    /** The plans that judging {@code plays} needs, given the screen's {@code rows} by version. */
    static Set<String> plansNeeded(Map<Long, ScreenScheduleRow> rows, Collection<Play> plays, Duration tolerance) {
        Set<String> ids = new HashSet<>();
        long toleranceMillis = tolerance.toMillis();
        for (Play play : plays) {
            ScreenScheduleRow row = play.scheduleVersion() == null ? null : rows.get(play.scheduleVersion());
            if (row != null) {
                long hour = hourStart(row, play.startedAt().toEpochMilli());
                long next = hourStart(row, play.startedAt().toEpochMilli() + toleranceMillis);
                addPlans(ids, row, hour);
                if (next != hour) {
                    addPlans(ids, row, next);
                }
            }
        }
        return ids;
    }

    private static void addPlans(Set<String> ids, ScreenScheduleRow row, long hour) {
        String plan = hourPlan(row, hour);
        if (plan != null) {
            ids.add(plan);
        }
        if (row.fallbackPlanId() != null) {
            ids.add(row.fallbackPlanId());
        }
    }

    /**
     * @param slot      the planned start of the spot the play matched (also of the spot it started late in)
     * @param rejection why it does not count, or null when it does
     * @param reason    the rejection said for a person, beginning with its code
     */
    record Verdict(
            @Nullable Instant slot,
            @Nullable String rejection,
            @Nullable String reason) {

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
            return Verdict.rejected(
                    null,
                    UNKNOWN_VERSION,
                    version == null
                            ? "the play names no scheduleVersion"
                            : "no published version " + version + " schedules screen " + screenId);
        }
        Instant startedAt = play.startedAt();
        String campaign = play.campaign();
        String creative = play.creative();
        long startedMillis = startedAt.toEpochMilli();
        long slot = NONE;
        long late = NONE;
        long hour = hourStart(row, startedMillis);
        long next = hourStart(row, startedMillis + toleranceMillis);
        for (long each = hour; ; each = next) {
            // negative in the next hour, which only a spot starting within the tolerance is looked for in
            long millis = startedMillis - each;
            for (String id : new String[] {hourPlan(row, each), row.fallbackPlanId()}) {
                PlanSlots plan = id == null ? null : plans.get(id);
                if (plan == null) {
                    continue;
                }
                Long running = millis < 0 ? null : plan.startOfRunning(millis, campaign, creative);
                Long start =
                        running != null ? running : plan.nextStartWithin(millis, toleranceMillis, campaign, creative);
                if (start == null) {
                    continue;
                }
                long at = each + start;
                if (running != null && millis - running > toleranceMillis) {
                    late = at;
                } else if (slot == NONE || Math.abs(at - startedMillis) < Math.abs(slot - startedMillis)) {
                    slot = at;
                }
            }
            if (each == next) {
                break;
            }
        }
        String spot = campaign + "/" + creative;
        if (slot != NONE) {
            Instant at = Instant.ofEpochMilli(slot);
            return claimed.add(slot)
                    ? new Verdict(at, null, null)
                    : Verdict.rejected(at, DUPLICATE_SLOT, "the spot of " + spot + " at " + at + " was played already");
        }
        if (late != NONE) {
            Instant at = Instant.ofEpochMilli(late);
            return Verdict.rejected(
                    at,
                    OFF_SLOT,
                    "started " + (startedMillis - late) / 1000.0 + " s into the"
                            + " spot of " + spot + " at " + at + "; a play counts from its spot's start (within "
                            + toleranceMillis + " ms)");
        }
        return Verdict.rejected(
                null,
                NOT_SCHEDULED,
                "version " + version + " schedules no spot of " + spot
                        + " on screen " + screenId + " running at or starting within " + toleranceMillis + " ms of "
                        + startedAt);
    }

    /**
     * The start, in epoch milliseconds, of the station's clock hour at {@code epochMillis}, as {@link Horizon#start}
     * finds it (by the offset in force then), without making date-time objects: thousands of plays a second.
     */
    private static long hourStart(ScreenScheduleRow row, long epochMillis) {
        long offset = row.zone()
                        .getRules()
                        .getOffset(Instant.ofEpochMilli(epochMillis))
                        .getTotalSeconds()
                * 1000L;
        return Math.floorDiv(epochMillis + offset, HOUR_MILLIS) * HOUR_MILLIS - offset;
    }

    /** The plan the version has for the clock hour starting at {@code hour} (epoch milliseconds), or null. */
    private static @Nullable String hourPlan(ScreenScheduleRow row, long hour) {
        long offset =
                row.zone().getRules().getOffset(Instant.ofEpochMilli(hour)).getTotalSeconds() * 1000L;
        long local = hour + offset;
        long index = (Math.floorDiv(local, DAY_MILLIS) - row.firstDay().toEpochDay()) * 24
                + Math.floorMod(local, DAY_MILLIS) / HOUR_MILLIS;
        return index < 0 || index >= row.planIds().size() ? null : row.planIds().get((int) index);
    }
}

package io.railcast.model.audit;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.Network;
import io.railcast.model.planning.PsaPolicy;
import io.railcast.model.schedule.NetworkSchedule;
import java.util.List;
import java.util.Objects;

/**
 * Checks a materialised {@link NetworkSchedule} against the bookings, with code of its own: it shares nothing with
 * the planner but the domain types, so a planner bug cannot hide behind the same bug here.
 *
 * <p>The contract it checks, in each station's local clock time over the schedule's dates:
 * <ul>
 * <li>A screen-hour is on air when the station's operating hours meet the clock hour; an off-air screen-hour has no
 * plan, and an on-air one is covered by spots that neither overlap nor leave it. An on-air screen-hour without a
 * plan is all dead air and owes its plays like any other.</li>
 * <li>A campaign is active in a screen-hour during the on-air range, its daily hours and its flight (A). Every play
 * lies inside A, on a screen its campaign targets, with a creative of its own made for the screen's type and as long
 * as the spot. This holds for fillers and PSAs without a frequency too, though the contract only names contracted
 * campaigns: a filler outside its flight is a bug all the same.</li>
 * <li>A contracted campaign with n plays per period owes, in each clock-aligned window of the hour that meets A, n
 * plays, or pro rata rounded down for a window A cuts; a play belongs to the window it starts in. One with n plays
 * per day owes them per operating day (the 24 clock hours from the hour of opening; the calendar day for all-day
 * stations), apportioned over its hours by active seconds, rounded on the running total so the hours add up to n.
 * A misplaced play counts as a window fault and not towards what is owed.</li>
 * <li>No two spots of one exclusive category play back to back, within an hour or across the hour's end.</li>
 * <li>Measured, not required: spacing of plays within windows, PSA airtime against the province's share of
 * commercial airtime per screen-day, and how plays per creative follow the rotation weights.</li>
 * </ul>
 * Details of each figure are on {@link AuditReport}.
 *
 * <p>Every screen of the network is audited over the whole horizon, whether the schedule names it or not. Campaigns
 * that target a screen but have no creative for its type owe nothing there (the campaign validator refuses such
 * bookings). Immutable and safe to share between threads; each call works on its own state.
 */
public final class ScheduleAuditor {

    /** How many faults a report describes in words, unless told otherwise. */
    public static final int DEFAULT_FAULT_LIMIT = 50;

    private final int faultLimit;

    public ScheduleAuditor() {
        this(DEFAULT_FAULT_LIMIT);
    }

    /** @param faultLimit how many faults a report describes in words; counts are always complete */
    public ScheduleAuditor(int faultLimit) {
        if (faultLimit < 0) {
            throw new IllegalArgumentException("faultLimit must not be negative, got " + faultLimit);
        }
        this.faultLimit = faultLimit;
    }

    /**
     * Audits a schedule of the network's screens against the campaigns booked on it.
     *
     * @param campaigns every booking the schedule may play, with unique ids; plays of any other campaign are faults
     * @throws IllegalArgumentException when two campaigns share an id
     */
    public AuditReport audit(Network network, List<Campaign> campaigns, PsaPolicy psaPolicy, NetworkSchedule schedule) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(campaigns, "campaigns");
        Objects.requireNonNull(psaPolicy, "psaPolicy");
        Objects.requireNonNull(schedule, "schedule");
        return new AuditRun(network, campaigns, psaPolicy, schedule, faultLimit).run();
    }

    /**
     * How much {@code next} changes what screens play compared with {@code previous}, over the screens and dates
     * both schedules cover. Screen-hours that keep the very same plan object are unchanged without a look.
     */
    public Churn churn(NetworkSchedule previous, NetworkSchedule next) {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(next, "next");
        return previous == next ? Churn.NONE : new ChurnCount(previous, next).count();
    }
}

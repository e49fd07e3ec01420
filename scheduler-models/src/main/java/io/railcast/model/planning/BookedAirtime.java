package io.railcast.model.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.Network;
import io.railcast.model.solver.Demand;
import io.railcast.model.solver.HourProblem;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much of each station's airtime is sold, on any day however far ahead, read from the hour problems the planner
 * solves rather than from a second capacity model. A screen-hour's on-air seconds are its problem's on-air range (none
 * when the station is closed or the screens are out of service), and its contracted seconds are the airtime of its
 * problem's contracted demands: what the bookings owe that hour, placed or not. Nothing is solved, and a screen
 * group's problems are resolved once per {@link ProblemClass} and only on the days that do not repeat an earlier one
 * ({@link RepeatingDays}), so a month of the whole network is a few thousand distinct days of 24 hours.
 *
 * <p>The answer is exact for the campaigns given: it sums the very problems that
 * {@link NetworkPlanner#plan(Network, List, LocalDate, int)} would be given for those days. Sold seconds can exceed
 * on-air seconds where the book is over-sold. Not thread-safe; one per thread.
 */
public final class BookedAirtime {

    private final PsaPolicy psaPolicy;

    public BookedAirtime(PsaPolicy psaPolicy) {
        this.psaPolicy = psaPolicy;
    }

    /**
     * The airtime of every station of {@code network}, hour by hour, for {@code days} days from {@code firstDay}.
     *
     * @param campaigns the campaigns booked and held, in any order
     * @param held      the ids of those among {@code campaigns} that are only held: their contracted seconds are
     *                  counted as held, not sold
     */
    public StationAirtime of(
            Network network, List<Campaign> campaigns, Set<String> held, LocalDate firstDay, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be positive, got " + days);
        }
        StationAirtime.Builder airtime = new StationAirtime.Builder(network, firstDay, days);
        Map<ProblemClass, List<ScreenGroup>> classes =
                ProblemClass.classify(ScreenGroups.of(network, campaigns).values(), psaPolicy);
        HourProblemResolver resolver = new HourProblemResolver(psaPolicy);
        HourProblem[] hours = new HourProblem[24];
        for (List<ScreenGroup> members : classes.values()) {
            ScreenGroup first = members.get(0);
            RepeatingDays repeating = resolver.repeatingDays(first, firstDay, days);
            // per screen, each distinct day's hours: on air, sold, held
            int[] perScreen = new int[repeating.distinctDays() * 24 * 3];
            for (int slot = 0; slot < repeating.distinctDays(); slot++) {
                resolver.resolveDay(first, firstDay.plusDays(repeating.day(slot)), hours, 0);
                for (int hour = 0; hour < 24; hour++) {
                    count(hours[hour], held, perScreen, (slot * 24 + hour) * 3);
                }
            }
            for (ScreenGroup group : members) {
                airtime.add(group.station().code(), group.screens().size(), repeating::slot, perScreen);
            }
        }
        return airtime.build();
    }

    /** One screen-hour's on-air, sold and held seconds into {@code into} from {@code at}; nothing when off air. */
    static void count(HourProblem problem, Set<String> held, int[] into, int at) {
        if (problem == null) {
            return;
        }
        into[at] = problem.onAir().length();
        for (Demand demand : problem.demands()) {
            if (demand.contracted()) {
                into[at + (held.contains(demand.campaignId()) ? 2 : 1)] += demand.airtimeSeconds();
            }
        }
    }
}

package io.railcast.model.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.OutOfService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.function.ToIntFunction;

/**
 * Which days of a screen group's horizon have the same 24 hour problems as an earlier day of it, so that a flight of
 * months is resolved and solved a few days at a time instead of day by day. A day's problems depend on its date only
 * through
 * <ol>
 *   <li>the flights and out-of-service periods that cover its hours, and how per-day plays are apportioned over an
 *       operating day (which can reach into the next date), and
 *   <li>where each contracted campaign's creative rotation stands: at (epoch day × its plays that day + its plays
 *       earlier that day) mod its cycle length ({@link DailyPlays#playsBefore}).
 * </ol>
 * A day is <em>steady</em> when no flight and no out-of-service period of the group starts or ends on it, the day
 * before or the day after. On consecutive steady days (1) is the same, so only (2) can differ, and it repeats: a
 * campaign with cycle length L and P plays a day is back at the same place after L / gcd(L, P mod L) days, so the
 * group's days repeat with the least common multiple p of those periods. A steady day d therefore has the problems
 * of day d − p when that day is steady too and nothing starts or ends between them. Every other day is its own.
 * {@code RepeatingDaysTest} checks the claim against the resolver, day by day, on seeded books.
 */
final class RepeatingDays {

    /** Past this period a run of steady days is resolved day by day (rotations of many uneven weights). */
    static final int LONGEST_PERIOD = 64;

    private final int[] slots;
    private final int[] days;

    private RepeatingDays(int[] slots, int[] days) {
        this.slots = slots;
        this.days = days;
    }

    /** Every day its own, for a horizon of {@code days} days. */
    static RepeatingDays none(int days) {
        int[] identity = new int[days];
        Arrays.setAll(identity, day -> day);
        return new RepeatingDays(identity, identity);
    }

    /**
     * @param period the days after which the group's rotations are back where they were on a steady day (the least
     *               common multiple over its contracted campaigns), or more than {@link #LONGEST_PERIOD}
     */
    static RepeatingDays of(ScreenGroup group, LocalDate firstDay, int days, ToIntFunction<LocalDate> period) {
        BitSet unsteady = unsteadyDays(group, firstDay, days);
        int[] slots = new int[days];
        int[] distinct = new int[days];
        int count = 0;
        int runStart = -1;
        int runPeriod = Integer.MAX_VALUE;
        for (int day = 0; day < days; day++) {
            if (unsteady.get(day)) {
                runStart = -1;
            } else if (runStart < 0) {
                runStart = day;
                runPeriod = period.applyAsInt(firstDay.plusDays(day));
            }
            if (runStart >= 0 && runPeriod <= LONGEST_PERIOD && day - runStart >= runPeriod) {
                slots[day] = slots[day - runPeriod];
            } else {
                distinct[count] = day;
                slots[day] = count++;
            }
        }
        return new RepeatingDays(slots, Arrays.copyOf(distinct, count));
    }

    /**
     * The days after which rotations that are back in phase every {@code period} days and a rotation of {@code cycle}
     * creatives with {@code plays} plays a day are all back in phase: lcm(period, cycle / gcd(cycle, plays mod cycle)).
     */
    static long withRotation(long period, int cycle, int plays) {
        long days = cycle / gcd(cycle, plays % cycle);
        return period / gcd(period, days) * days;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** The days of the horizon on or next to a day on which a flight or an out-of-service period starts or ends. */
    private static BitSet unsteadyDays(ScreenGroup group, LocalDate firstDay, int days) {
        BitSet unsteady = new BitSet(days);
        long first = firstDay.toEpochDay();
        for (Campaign campaign : group.campaigns()) {
            mark(unsteady, campaign.flight().start().toLocalDate().toEpochDay() - first, days);
            mark(unsteady, campaign.flight().end().toLocalDate().toEpochDay() - first, days);
        }
        for (OutOfService period : group.outOfService()) {
            mark(unsteady, localDay(period.from(), group) - first, days);
            if (period.until() != null) {
                mark(unsteady, localDay(period.until(), group) - first, days);
            }
        }
        return unsteady;
    }

    private static long localDay(Instant instant, ScreenGroup group) {
        return LocalDate.ofInstant(instant, group.station().zone()).toEpochDay();
    }

    private static void mark(BitSet unsteady, long day, int days) {
        for (long d = Math.max(0, day - 1); d <= Math.min(days - 1L, day + 1); d++) {
            unsteady.set((int) d);
        }
    }

    /** How many days of the horizon must be resolved. */
    int distinctDays() {
        return days.length;
    }

    /** The index of the distinct day whose problems day {@code day} (from the first day) has. */
    int slot(int day) {
        return slots[day];
    }

    /** The day (from the first day) that distinct day {@code slot} is. */
    int day(int slot) {
        return days[slot];
    }

    int days() {
        return slots.length;
    }
}

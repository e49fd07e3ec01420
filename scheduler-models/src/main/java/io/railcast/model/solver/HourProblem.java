package io.railcast.model.solver;

import io.railcast.model.network.ScreenType;
import io.railcast.model.time.SecondRange;
import java.util.List;
import java.util.Objects;

/**
 * Everything that decides one hour's plan: the screen type, slot length and on-air time, the PSA share owed, what
 * each active campaign asks, and what may fill the rest. Two screen-hours with equal problems get the same plan, so
 * the planner solves each distinct problem once; this value is that key. A value class rather than a record only to
 * keep its hash: a problem is deep (demands, rotations, fillers) and is looked up many times in maps of solved hours,
 * where hashing it again each time was most of a long availability check.
 */
public final class HourProblem {

    private final ScreenType screenType;
    private final int slotSeconds;
    private final SecondRange onAir;
    private final boolean continuesIntoNextHour;
    private final double psaShare;
    private final List<Demand> demands;
    private final List<Filler> fillers;
    private int hash;

    /**
     * @param onAir                 the part of the hour the screen is on
     * @param continuesIntoNextHour whether the screen stays on into the next hour, so that a spot ending at 3600
     *                              touches the first spot of the next hour
     * @param psaShare              PSA airtime owed as a share of commercial airtime
     * @param fillers               what may fill the time left over, fillers first, then PSAs without a guaranteed
     *                              frequency
     */
    public HourProblem(
            ScreenType screenType,
            int slotSeconds,
            SecondRange onAir,
            boolean continuesIntoNextHour,
            double psaShare,
            List<Demand> demands,
            List<Filler> fillers) {
        this.screenType = Objects.requireNonNull(screenType, "screenType");
        this.slotSeconds = slotSeconds;
        this.onAir = Objects.requireNonNull(onAir, "onAir");
        this.continuesIntoNextHour = continuesIntoNextHour;
        this.psaShare = psaShare;
        this.demands = List.copyOf(demands);
        this.fillers = List.copyOf(fillers);
    }

    public ScreenType screenType() {
        return screenType;
    }

    public int slotSeconds() {
        return slotSeconds;
    }

    public SecondRange onAir() {
        return onAir;
    }

    public boolean continuesIntoNextHour() {
        return continuesIntoNextHour;
    }

    public double psaShare() {
        return psaShare;
    }

    public List<Demand> demands() {
        return demands;
    }

    public List<Filler> fillers() {
        return fillers;
    }

    /** The first slot boundary at or after {@code second}. */
    int alignUp(int second) {
        return (second + slotSeconds - 1) / slotSeconds * slotSeconds;
    }

    /** The latest second a spot of an exclusive category may end, so it never touches the next hour's first spot. */
    int latestCategoryEnd() {
        return onAir.to() == SecondRange.HOUR && continuesIntoNextHour ? SecondRange.HOUR - slotSeconds : onAir.to();
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof HourProblem that
                        && hashCode() == that.hashCode()
                        && slotSeconds == that.slotSeconds
                        && continuesIntoNextHour == that.continuesIntoNextHour
                        && Double.compare(psaShare, that.psaShare) == 0
                        && screenType == that.screenType
                        && onAir.equals(that.onAir)
                        && demands.equals(that.demands)
                        && fillers.equals(that.fillers);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(screenType, slotSeconds, onAir, continuesIntoNextHour, psaShare, demands, fillers);
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return "HourProblem[screenType=" + screenType + ", slotSeconds=" + slotSeconds + ", onAir=" + onAir
                + ", continuesIntoNextHour=" + continuesIntoNextHour + ", psaShare=" + psaShare + ", demands="
                + demands + ", fillers=" + fillers + "]";
    }
}

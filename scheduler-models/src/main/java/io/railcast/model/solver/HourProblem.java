package io.railcast.model.solver;

import io.railcast.model.network.ScreenType;
import io.railcast.model.time.SecondRange;
import java.util.List;
import java.util.Objects;

/**
 * Everything that decides one hour's plan: the screen type, slot length and on-air time, the PSA share owed, what
 * each active campaign asks, and what may fill the rest. Two screen-hours with equal problems get the same plan, so the planner solves
 * each distinct problem once; this record is that key.
 *
 * @param onAir          the part of the hour the screen is on
 * @param continuesIntoNextHour whether the screen stays on into the next hour, so that a spot ending at 3600
 *                       touches the first spot of the next hour
 * @param psaShare       PSA airtime owed as a share of commercial airtime
 * @param fillers        what may fill the time left over, fillers first, then PSAs without a guaranteed frequency
 */
public record HourProblem(
        ScreenType screenType,
        int slotSeconds,
        SecondRange onAir,
        boolean continuesIntoNextHour,
        double psaShare,
        List<Demand> demands,
        List<Filler> fillers) {

    public HourProblem {
        Objects.requireNonNull(screenType, "screenType");
        Objects.requireNonNull(onAir, "onAir");
        demands = List.copyOf(demands);
        fillers = List.copyOf(fillers);
    }

    /** The first slot boundary at or after {@code second}. */
    int alignUp(int second) {
        return (second + slotSeconds - 1) / slotSeconds * slotSeconds;
    }

    /** The latest second a spot of an exclusive category may end, so it never touches the next hour's first spot. */
    int latestCategoryEnd() {
        return onAir.to() == SecondRange.HOUR && continuesIntoNextHour ? SecondRange.HOUR - slotSeconds : onAir.to();
    }
}

package io.railcast.model.schedule;

import io.railcast.model.time.SecondRange;
import java.util.List;
import java.util.Objects;

/**
 * What a screen plays in one clock hour: spots in time order inside the part of the hour the screen is on air.
 * Many screen-hours share one plan: every screen whose hour has the same loop policy, screen type, on-air time and
 * active campaigns plays the same plan.
 *
 * <p>A plan made by the planner tiles {@code onAir} exactly; the auditor checks that rather than trusting it.
 *
 * <p>{@code spots} is an immutable list that keeps its spots in compact form (one array per field) and makes each
 * {@link Spot} when it is read: compare spots with {@code equals}, never by identity.
 */
public record HourPlan(SecondRange onAir, List<Spot> spots) {

    public HourPlan {
        Objects.requireNonNull(onAir, "onAir");
        spots = SpotList.copyOf(spots);
    }

    public int airtimeSeconds() {
        return spots.stream().mapToInt(Spot::durationSeconds).sum();
    }
}

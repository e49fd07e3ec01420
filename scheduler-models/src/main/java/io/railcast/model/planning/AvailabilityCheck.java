package io.railcast.model.planning;

import io.railcast.model.campaign.Campaign;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Answers before a booking is accepted whether it fits, by planning the hours it touches with it included: the
 * answer is exactly what the planner would do, capacity and category separation alike. A booking that takes plays
 * from another contract is short as well, so overbooking is found wherever it lands.
 */
public final class AvailabilityCheck {

    private final NetworkPlanner planner;

    public AvailabilityCheck(NetworkPlanner planner) {
        this.planner = planner;
    }

    /** Checks {@code proposed}, a new campaign or a new version of one already in {@code current}. */
    public Availability check(PlanResult current, Campaign proposed) {
        List<Campaign> campaigns = new ArrayList<>();
        current.campaigns().stream().filter(c -> !c.id().equals(proposed.id())).forEach(campaigns::add);
        campaigns.add(proposed);
        PlanResult tentative = planner.replan(current, campaigns, Set.of(proposed.id()));
        return new Availability(
                CausedShortfalls.byStationHour(tentative.schedule().shortfalls()), tentative);
    }
}

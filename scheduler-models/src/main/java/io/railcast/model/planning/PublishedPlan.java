package io.railcast.model.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.Network;
import io.railcast.model.schedule.NetworkSchedule;
import java.util.List;
import java.util.Map;

/**
 * A plan that was published and is known only by its screens' hour plans, as a published version stores it (read
 * back by a server that did not make it, e.g. after a restart). It is good only as the {@code published} starting
 * point of {@link NetworkPlanner#plan(Network, List, java.time.LocalDate, int, PlanProgress, PlanResult)}: without
 * the problems its hours were made for, no hour is kept as it is, and every hour is solved from the published plan
 * of its screens ({@link StartingPoint}), where the stability rule prices each published play it moves. It cannot
 * be re-planned from ({@link NetworkPlanner#replan}), which keeps the problems of untouched groups.
 */
public final class PublishedPlan {

    private PublishedPlan() {}

    /** The published {@code schedule}, as a starting point for a plan of {@code network} and {@code campaigns}. */
    public static PlanResult of(Network network, List<Campaign> campaigns, NetworkSchedule schedule) {
        return new PlanResult(network, campaigns, schedule, 0, 0, 0, 0, new PlanResult.GroupHours(Map.of(), Map.of()));
    }
}

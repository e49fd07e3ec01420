package io.railcast.model.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.Network;
import io.railcast.model.schedule.NetworkSchedule;
import io.railcast.model.solver.HourProblem;
import io.railcast.model.solver.SolvedHour;
import java.util.List;
import java.util.Map;

/**
 * A plan of the network and what it was made from, so the next re-plan can keep every hour whose inputs did not
 * change.
 *
 * @param distinctHours  distinct hour problems solved or kept
 * @param solvedHours    hours this run actually planned (the rest were kept from the previous plan)
 * @param searchedHours  hours that needed OptaPlanner's local search after the construction
 * @param millis         wall-clock time of this run
 */
public record PlanResult(Network network, List<Campaign> campaigns, NetworkSchedule schedule, int distinctHours,
        int solvedHours, int searchedHours, long millis, GroupHours groupHours) {

    /** Each screen group's hour problems and the plan chosen for each, by hour of the horizon. */
    public record GroupHours(Map<ScreenGroup.Key, HourProblem[]> problems, Map<ScreenGroup.Key, SolvedHour[]> plans) {
    }
}

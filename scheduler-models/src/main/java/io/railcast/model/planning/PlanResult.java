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
 * change. Immutable.
 */
public final class PlanResult {

    private final Network network;
    private final List<Campaign> campaigns;
    private final NetworkSchedule schedule;
    private final int distinctHours;
    private final int solvedHours;
    private final int searchedHours;
    private final long millis;
    private final GroupHours groupHours;

    /** Each screen group's hour problems and the plan chosen for each, by hour of the horizon. */
    record GroupHours(Map<ScreenGroup.Key, HourProblem[]> problems, Map<ScreenGroup.Key, SolvedHour[]> plans) {}

    PlanResult(
            Network network,
            List<Campaign> campaigns,
            NetworkSchedule schedule,
            int distinctHours,
            int solvedHours,
            int searchedHours,
            long millis,
            GroupHours groupHours) {
        this.network = network;
        this.campaigns = List.copyOf(campaigns);
        this.schedule = schedule;
        this.distinctHours = distinctHours;
        this.solvedHours = solvedHours;
        this.searchedHours = searchedHours;
        this.millis = millis;
        this.groupHours = groupHours;
    }

    public Network network() {
        return network;
    }

    /** The bookings this plan was made from. */
    public List<Campaign> campaigns() {
        return campaigns;
    }

    public NetworkSchedule schedule() {
        return schedule;
    }

    /** Distinct hour problems in the horizon, each planned once. */
    public int distinctHours() {
        return distinctHours;
    }

    /** Hours this run actually planned; a re-plan keeps the rest from the previous plan. */
    public int solvedHours() {
        return solvedHours;
    }

    /** Hours that needed OptaPlanner's local search after the construction. */
    public int searchedHours() {
        return searchedHours;
    }

    /** Wall-clock time of this run. */
    public long millis() {
        return millis;
    }

    GroupHours groupHours() {
        return groupHours;
    }
}

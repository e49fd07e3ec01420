package io.railcast.server.planning;

import io.railcast.model.network.Network;
import io.railcast.model.planning.LostPlays;
import io.railcast.model.planning.NetworkPlanner;
import io.railcast.model.planning.PlanProgress;
import io.railcast.model.planning.PlanResult;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decides what a change of the network does to the plan: the network with the change is planned in full for the
 * plan's days, starting from the current plan (so only the hours the change reaches move), and the contracted plays that the current plan places on the screens concerned and the new one does
 * not are the plays the change makes impossible ({@link LostPlays}). Changes nothing itself; the planning desk
 * ({@link PlanningService}) publishes the plan, unless the change is a dry run.
 */
final class NetworkChangeDecision {

    private final NetworkPlanner planner;

    NetworkChangeDecision(NetworkPlanner planner) {
        this.planner = planner;
    }

    /** The plan with the change, and the plays it makes impossible. */
    record Decision(PlanResult plan, List<LostPlays.ForCampaign> lost) {

        NetworkChangeAnswer answer(@Nullable Long version) {
            return NetworkChangeAnswer.of(
                    lost, version, plan.schedule().firstDay(), plan.schedule().days());
        }
    }

    Decision decide(PlanResult current, NetworkChange change) {
        Network changed = current.network().withOutOfService(change.screenIds(), change.period());
        PlanResult next = planner.plan(
                changed,
                current.campaigns(),
                current.schedule().firstDay(),
                current.schedule().days(),
                PlanProgress.NONE,
                current);
        return new Decision(next, LostPlays.between(current, next, change.screenIds()));
    }
}

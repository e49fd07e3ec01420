package io.railcast.server.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignValidator;
import io.railcast.model.campaign.ValidationProblem;
import io.railcast.model.network.Network;
import io.railcast.model.planning.Availability;
import io.railcast.model.planning.AvailabilityCheck;
import io.railcast.model.planning.NetworkPlanner;
import io.railcast.model.planning.PlanResult;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a booking does to the plan: the plan that carries it, or a {@link PlanningRefusal} when the campaign
 * is not valid on the network, or is contracted and does not fit. Changes nothing itself; the planning desk
 * ({@link PlanningService}) calls it on its thread and publishes what it decides.
 *
 * <p>The check runs first with a small local-search budget: a booking that does not fit makes the solver search
 * every hour it touches, which at the full budget took minutes at a busy hub, while the small budget gave the same
 * shortfalls in seconds in every case tried. When no hour needed search, the quick plan is exactly the full
 * planner's and is the decision; otherwise the full check is run for the plan to publish.
 */
final class BookingDecision {

    private static final Logger log = LoggerFactory.getLogger(BookingDecision.class);

    private final NetworkPlanner planner;
    private final AvailabilityCheck availabilityCheck;
    private final AvailabilityCheck quickCheck;

    BookingDecision(PlanningConfiguration.Planners planners) {
        this.planner = planners.full();
        this.availabilityCheck = new AvailabilityCheck(planners.full());
        this.quickCheck = new AvailabilityCheck(planners.check());
    }

    /** Whether {@code campaign} would fit into {@code current}, by the quick check; refused when it is invalid. */
    AvailabilityAnswer check(PlanResult current, Campaign campaign) {
        validate(campaign, current.network());
        return AvailabilityAnswer.caused(current, quickCheck.check(current, campaign));
    }

    /** The plan after {@code change}: the campaign placed (or refused), or planned out when it is removed. */
    PlanResult next(PlanResult current, BookingChange change) {
        Campaign campaign = change.campaign();
        if (campaign == null) {
            List<Campaign> remaining = current.campaigns().stream()
                    .filter(c -> !c.id().equals(change.campaignId()))
                    .toList();
            return planner.replan(current, remaining, Set.of(change.campaignId()));
        }
        validate(campaign, current.network());
        Availability quick = quickCheck.check(current, campaign);
        AvailabilityAnswer answer = AvailabilityAnswer.caused(current, quick);
        if (!answer.fits() && campaign.isContracted()) {
            throw new PlanningRefusal.Overbooked(campaign.id(), answer);
        }
        // the full budget can only do better than the quick one; it matters only where hours were searched
        PlanResult next = quick.tentativePlan().searchedHours() == 0
                ? quick.tentativePlan()
                : availabilityCheck.check(current, campaign).tentativePlan();
        log.info(
                "Checked {} in {} ms ({} hours planned, {} searched){}",
                campaign.id(),
                quick.tentativePlan().millis(),
                quick.tentativePlan().solvedHours(),
                quick.tentativePlan().searchedHours(),
                next == quick.tentativePlan() ? "" : "; planned again at the full budget in " + next.millis() + " ms");
        return next;
    }

    /** Refused ({@link PlanningRefusal.InvalidCampaign}) unless {@code campaign} is valid on {@code network}. */
    static void validate(Campaign campaign, Network network) {
        List<ValidationProblem> problems = new CampaignValidator(network).problems(campaign);
        if (!problems.isEmpty()) {
            throw new PlanningRefusal.InvalidCampaign(problems);
        }
    }
}

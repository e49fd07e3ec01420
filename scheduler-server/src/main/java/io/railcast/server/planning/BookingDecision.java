package io.railcast.server.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignValidator;
import io.railcast.model.campaign.ValidationProblem;
import io.railcast.model.network.Network;
import io.railcast.model.planning.Availability;
import io.railcast.model.planning.AvailabilityCheck;
import io.railcast.model.planning.CausedShortfalls;
import io.railcast.model.planning.FlightCheck;
import io.railcast.model.planning.NetworkPlanner;
import io.railcast.model.planning.PlanResult;
import io.railcast.model.planning.StationHourShortfall;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
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
 *
 * <p>A contracted campaign is a promise for its whole flight: it must end within the booking horizon
 * ({@code railcast.booking.horizon}), and the days of its flight after the plan's are planned too, by the same
 * quick planner, before it is accepted.
 */
final class BookingDecision {

    private static final Logger log = LoggerFactory.getLogger(BookingDecision.class);

    private final NetworkPlanner planner;
    private final AvailabilityCheck availabilityCheck;
    private final AvailabilityCheck quickCheck;
    private final FlightCheck flightCheck;
    private final Period horizon;
    private final Supplier<LocalDate> today;

    /**
     * @param horizon how far past {@code today} a contracted campaign's flight may reach
     * @param today   the planning day (today in the planning zone)
     */
    BookingDecision(PlanningConfiguration.Planners planners, Period horizon, Supplier<LocalDate> today) {
        this.planner = planners.full();
        this.availabilityCheck = new AvailabilityCheck(planners.full());
        this.quickCheck = new AvailabilityCheck(planners.check());
        this.flightCheck = new FlightCheck(planners.check(), planners.decided());
        this.horizon = horizon;
        this.today = today;
    }

    /** Whether {@code campaign} would fit into {@code current}, by the quick check; refused when it is invalid. */
    AvailabilityAnswer check(PlanResult current, Campaign campaign) {
        validate(campaign, current.network());
        return answer(current, quickCheck.check(current, campaign), campaign);
    }

    /** The plan after {@code change}: the campaign placed (or refused), or planned out when it is removed. */
    PlanResult next(PlanResult current, BookingChange change) {
        return next(current, change, current);
    }

    /**
     * The plan after {@code change}, made from {@code current}; a contracted campaign is refused unless it fits into
     * {@code checkedOn} ({@code current}, or {@code current} with the holds in force counted as booked; null when
     * its inventory was counted already, for a hold confirmed).
     */
    PlanResult next(PlanResult current, BookingChange change, @Nullable PlanResult checkedOn) {
        Campaign campaign = change.campaign();
        if (campaign == null) {
            List<Campaign> remaining = current.campaigns().stream()
                    .filter(c -> !c.id().equals(change.campaignId()))
                    .toList();
            return planner.replan(current, remaining, Set.of(change.campaignId()));
        }
        validate(campaign, current.network());
        Availability quick = quickCheck.check(current, campaign);
        if (checkedOn != null && campaign.isContracted()) {
            AvailabilityAnswer answer = checkedOn == current
                    ? answer(current, quick, campaign)
                    : answer(checkedOn, quickCheck.check(checkedOn, campaign), campaign);
            if (!answer.fits()) {
                throw new PlanningRefusal.Overbooked(campaign.id(), answer);
            }
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

    /**
     * The shortfalls {@code campaign} would cause: in the plan's days, by the tentative plan {@code horizon}, and for
     * a contracted campaign on every later day of its flight too ({@link FlightCheck}), since a booking is a promise
     * for its whole flight. A campaign that is not contracted is never refused, so its later days are not planned.
     */
    private AvailabilityAnswer answer(PlanResult current, Availability horizon, Campaign campaign) {
        List<StationHourShortfall> caused =
                new ArrayList<>(CausedShortfalls.caused(current.schedule().shortfalls(), horizon.shortfalls()));
        LocalDate firstDay = current.schedule().firstDay();
        int days = current.schedule().days();
        if (campaign.isContracted()) {
            LocalDate afterPlan = firstDay.plusDays(days);
            caused.addAll(flightCheck.check(current.network(), current.campaigns(), campaign, afterPlan));
            days = Math.max(days, (int) ChronoUnit.DAYS.between(firstDay, FlightCheck.lastDay(campaign)) + 1);
        }
        return AvailabilityAnswer.of(caused, firstDay, days);
    }

    /**
     * Refused ({@link PlanningRefusal.InvalidCampaign}) unless {@code campaign} is valid on {@code network} and, when
     * it is contracted, its flight ends within the booking horizon.
     */
    void validate(Campaign campaign, Network network) {
        List<ValidationProblem> problems = new ArrayList<>(new CampaignValidator(network).problems(campaign));
        LocalDateTime latestEnd = today.get().plus(horizon).plusDays(1).atStartOfDay();
        if (campaign.isContracted() && campaign.flight().end().isAfter(latestEnd)) {
            problems.add(new ValidationProblem(
                    "flight.end",
                    "a contracted campaign is sold at most " + horizon + " ahead (railcast.booking.horizon): its"
                            + " flight must end by " + latestEnd + ", got "
                            + campaign.flight().end()));
        }
        if (!problems.isEmpty()) {
            throw new PlanningRefusal.InvalidCampaign(problems);
        }
    }
}

package io.railcast.server.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.planning.NetworkPlanner;
import io.railcast.model.planning.PlanResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Bookings, checks and holds decided with the holds in force counted as booked. The plan in memory is the published
 * one, without holds; the plan a booking is checked on is that plan re-planned with the holds added to its campaign
 * list (the same planner, so the holds take exactly the airtime they will take once confirmed), and the whole-flight
 * check receives that list too. The published plan is then made from the plan in memory, so a hold never airs.
 *
 * <p>What was decided on holds of one revision is stored only if no hold was taken since: the store step checks
 * the revision under the publication lock, as {@link ScheduleStore} checks the version, and refuses with
 * {@link PlanningRefusal.PublishedElsewhere} otherwise. Confined to the planning thread.
 */
final class ReservedPlans {

    private final NetworkPlanner planner;
    private final BookingDecision decision;
    private final HeldInventory holds;
    private final Clock clock;
    private final Duration timeout;
    private @Nullable Reserved last;

    /** The plan {@code base} with {@code held} added, and the holds' revision they were read at. */
    record Reserved(PlanResult base, List<Campaign> held, long revision, PlanResult plan) {}

    /** What a booking publishes: the plan without holds, and the store step guarded by the holds' revision. */
    record Decided(PlanResult plan, LongFunction<Mono<Void>> store) {}

    ReservedPlans(
            NetworkPlanner planner, BookingDecision decision, HeldInventory holds, Clock clock, Duration timeout) {
        this.planner = planner;
        this.decision = decision;
        this.holds = holds;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Whether {@code campaign} fits with every booking and every other hold in force. */
    AvailabilityAnswer check(PlanResult current, Campaign campaign) {
        return decision.check(reserved(current, campaign.id()).plan(), campaign);
    }

    /**
     * The plan to publish for {@code change}, refused as overbooked when the campaign does not fit with the holds
     * in force; a promised change (a hold confirmed) is not checked again, its inventory was counted since it was
     * held.
     */
    Decided next(PlanResult current, BookingChange change) {
        Reserved reserved = reserved(current, change.campaignId());
        PlanResult checkedOn = change.promised() ? null : reserved.plan();
        PlanResult next = decision.next(current, change, checkedOn);
        return new Decided(
                next, number -> unchanged(reserved).then(change.store().apply(number)));
    }

    /**
     * Checks {@code campaign} like a booking (refused as overbooked when it does not fit) and answers the store
     * step that keeps it as a hold: to run under the publication lock.
     */
    Mono<Void> hold(PlanResult current, Campaign campaign, Supplier<Mono<Void>> store) {
        Reserved reserved = reserved(current, campaign.id());
        decision.validate(campaign, current.network());
        AvailabilityAnswer answer = decision.check(reserved.plan(), campaign);
        if (!answer.fits() && campaign.isContracted()) {
            throw new PlanningRefusal.Overbooked(campaign.id(), answer);
        }
        return unchanged(reserved).then(Mono.defer(store));
    }

    /** Refused as published elsewhere when a hold was taken since {@code reserved} was read. */
    private Mono<Void> unchanged(Reserved reserved) {
        return holds.revision()
                .flatMap(revision -> revision == reserved.revision()
                        ? Mono.<Void>empty()
                        : Mono.error(PlanningRefusal.PublishedElsewhere.held(revision)));
    }

    /** The plan in memory with the holds in force other than {@code except}'s counted as booked. */
    private Reserved reserved(PlanResult current, String except) {
        HeldInventory.Holds read = holds.inForce(clock.instant()).block(timeout);
        List<Campaign> held =
                read.campaigns().stream().filter(c -> !c.id().equals(except)).toList();
        Reserved cached = last;
        if (cached != null && cached.base() == current && cached.held().equals(held)) {
            return new Reserved(current, held, read.revision(), cached.plan());
        }
        PlanResult plan = current;
        if (!held.isEmpty()) {
            List<Campaign> campaigns = new ArrayList<>(current.campaigns());
            campaigns.addAll(held);
            Set<String> ids = held.stream().map(Campaign::id).collect(Collectors.toSet());
            plan = planner.replan(current, campaigns, ids);
        }
        Reserved reserved = new Reserved(current, held, read.revision(), plan);
        last = reserved;
        return reserved;
    }
}

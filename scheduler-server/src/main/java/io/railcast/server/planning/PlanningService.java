package io.railcast.server.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignValidator;
import io.railcast.model.campaign.ValidationProblem;
import io.railcast.model.network.Network;
import io.railcast.model.planning.Availability;
import io.railcast.model.planning.AvailabilityCheck;
import io.railcast.model.planning.NetworkPlanner;
import io.railcast.model.planning.PlanResult;
import io.railcast.model.schedule.Shortfall;
import io.railcast.server.network.NetworkCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Holds the current plan of the network in memory and changes it one booking at a time.
 *
 * <p>Every run (the plan at start, a booking, an availability check, the nightly re-plan) happens on the
 * {@link PlanningThread}, in the order asked, so bookings never race each other for the same airtime, and is told by
 * {@link PlanRuns}' events. What the planner will not do it refuses with a {@link PlanningRefusal}. A booking is checked with
 * {@link AvailabilityCheck}; when it fits, the tentative plan of that check is published as it is, as a new
 * version, in the same transaction that stores the booking.
 *
 * <p>The check runs first with a small local-search budget: a booking that does not fit makes the solver search
 * every hour it touches, which at the full budget took minutes at a busy hub, while the small budget gave the same
 * shortfalls in seconds in every case tried. When no hour needed search, the quick plan is exactly the full planner's and is
 * published; otherwise the full check is run for the plan to publish.
 *
 * <p>Before each run the plan is checked against the database: when the day has turned, stations or screens were
 * added, or another instance published a version, it is first rebuilt by a full plan from what is stored. A full
 * plan that equals the current version is adopted without publishing anything.
 */
@Service
public class PlanningService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PlanningService.class);
    private static final Duration DATABASE_TIMEOUT = Duration.ofMinutes(2);

    private final NetworkPlanner planner;
    private final AvailabilityCheck availabilityCheck;
    private final AvailabilityCheck quickCheck;
    private final NetworkCatalog network;
    private final CampaignBook campaigns;
    private final ScheduleStore store;
    private final PlanningProperties properties;
    private final Clock clock;
    private final PlanningThread thread = new PlanningThread();
    private final PlanRuns runs = new PlanRuns();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    // confined to the planning thread
    private final VersionContents contents = new VersionContents();
    private Set<String> storedPlanIds = new HashSet<>();
    // written by the planning thread, read by reports
    private volatile @Nullable State state;

    /** The plan in memory, the version it equals, and the network it was made for. */
    private record State(PlanResult plan, long version, NetworkCatalog.Stamp stamp) {
    }

    PlanningService(PlanningConfiguration.Planners planners, NetworkCatalog network, CampaignBook campaigns,
            ScheduleStore store, PlanningProperties properties, Clock clock) {
        this.planner = planners.full();
        this.availabilityCheck = new AvailabilityCheck(planners.full());
        this.quickCheck = new AvailabilityCheck(planners.check());
        this.network = network;
        this.campaigns = campaigns;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** Plans (and publishes the first version, if there is none) once the server is up. */
    @EventListener(ApplicationReadyEvent.class)
    void planAtStart() {
        thread.run(() -> {
            try {
                return ensureCurrent();
            } finally {
                ready.complete(null);
            }
        }).subscribe(started -> log.info("Planning ready: version {}, {} to {}", started.version(),
                        started.plan().schedule().firstDay(),
                        started.plan().schedule().firstDay().plusDays(started.plan().schedule().days() - 1)),
                error -> log.error("Planning at start failed; the next booking tries again", error));
    }

    /** Completes once the plan at start has been made (or has failed; the next run tries again). */
    public Mono<Void> ready() {
        return Mono.fromFuture(ready, true);
    }

    /** plan-started, plan-progress (full plans) and plan-finished of every run from now on. */
    public Flux<PlanEvent> events() {
        return runs.events();
    }

    /** Whether {@code campaign} (new, or a new version of a stored one) would fit; changes nothing. */
    public Mono<AvailabilityAnswer> check(Campaign campaign) {
        return thread.run(() -> {
            State current = ensureCurrent();
            return runs.run("availability check of " + campaign.id(), campaign.id(), current.version(), () -> {
                validate(campaign, current.plan().network());
                AvailabilityAnswer answer = AvailabilityAnswer.caused(current.plan(), quickCheck.check(current.plan(), campaign));
                return new PlanRuns.Outcome<>(answer, "CHECKED", current.version());
            });
        });
    }

    /**
     * Plans the change and publishes it as a new version together with the booking. Refused
     * ({@link PlanningRefusal}) when the campaign is not valid on the network, or is contracted and does not fit.
     */
    public Mono<PublishedVersion> book(BookingChange change) {
        return thread.run(() -> {
            State current = ensureCurrent();
            return runs.run(change.reason(), change.campaignId(), current.version(), () -> {
                PlanResult next;
                Campaign campaign = change.campaign();
                if (campaign != null) {
                    validate(campaign, current.plan().network());
                    Availability quick = quickCheck.check(current.plan(), campaign);
                    AvailabilityAnswer answer = AvailabilityAnswer.caused(current.plan(), quick);
                    if (!answer.fits() && campaign.isContracted()) {
                        throw new PlanningRefusal.Overbooked(campaign.id(), answer);
                    }
                    // the full budget can only do better than the quick one; it matters only where hours were searched
                    next = quick.tentativePlan().searchedHours() == 0 ? quick.tentativePlan()
                            : availabilityCheck.check(current.plan(), campaign).tentativePlan();
                    log.info("Checked {} in {} ms ({} hours planned, {} searched){}", campaign.id(),
                            quick.tentativePlan().millis(), quick.tentativePlan().solvedHours(),
                            quick.tentativePlan().searchedHours(), next == quick.tentativePlan() ? ""
                                    : "; planned again at the full budget in " + next.millis() + " ms");
                } else {
                    List<Campaign> remaining = current.plan().campaigns().stream()
                            .filter(c -> !c.id().equals(change.campaignId())).toList();
                    next = planner.replan(current.plan(), remaining, Set.of(change.campaignId()));
                }
                ScheduleStore.Meta meta = new ScheduleStore.Meta(change.effectiveAt(), change.urgent(),
                        change.reason());
                PublishedVersion published = publish(next, meta, current.version(), current.stamp(),
                        change.store());
                return new PlanRuns.Outcome<>(published, "PUBLISHED", published.version());
            });
        });
    }

    /** Refused unless {@code campaign} is valid on the network (for a campaign that is stored but not planned). */
    public Mono<Void> validate(Campaign campaign) {
        return thread.run(() -> {
            validate(campaign, ensureCurrent().plan().network());
            return Boolean.TRUE;
        }).then();
    }

    /** A full plan from what is stored, published unless it equals the current version; answers that version. */
    public Mono<Long> replan(String reason) {
        return thread.run(() -> rebuild(reason).version());
    }

    /**
     * Contracted plays the plan of {@code version} could not place for a campaign, when the plan in memory is that
     * version's; empty when it is not (then nothing is known here).
     */
    public Optional<List<Shortfall>> shortfalls(String campaignId, long version) {
        State current = state;
        if (current == null || current.version() != version) {
            return Optional.empty();
        }
        return Optional.of(current.plan().schedule().shortfalls().stream()
                .filter(s -> s.campaignId().equals(campaignId)).toList());
    }

    @Override
    public void destroy() {
        thread.close();
    }

    /** The planning day: today in the planning zone, by the server's clock. */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), properties.zone());
    }

    private State ensureCurrent() {
        State current = state;
        LocalDate today = today();
        NetworkCatalog.Stamp stamp = network.stamp().block(DATABASE_TIMEOUT);
        long latest = store.latestNumber().block(DATABASE_TIMEOUT);
        if (current != null && current.plan().schedule().firstDay().equals(today) && current.stamp().equals(stamp)
                && current.version() == latest) {
            return current;
        }
        String reason;
        if (current == null) {
            reason = "plan at start";
        } else if (!current.plan().schedule().firstDay().equals(today)) {
            reason = "new day " + today;
        } else if (!current.stamp().equals(stamp)) {
            reason = "network changed";
        } else {
            reason = "version " + latest + " published by another server";
        }
        return rebuild(reason);
    }

    /**
     * Plans the stored network and campaigns from scratch. The result is adopted without publishing when it
     * equals the latest version (plans are deterministic, so a restart with no change in between publishes
     * nothing) or when there are no screens to publish for.
     */
    private State rebuild(String reason) {
        State before = state;
        return runs.run(reason, null, before == null ? null : before.version(), () -> {
            LocalDate today = today();
            NetworkCatalog.Stamp stamp = network.stamp().block(DATABASE_TIMEOUT);
            Network stored = network.load().block(DATABASE_TIMEOUT);
            List<Campaign> active = campaigns.active().block(DATABASE_TIMEOUT);
            PlanResult plan = planner.plan(stored, active, today, properties.days(),
                    (solved, total) -> runs.progress(reason, solved, total));
            log.info("Planned {} screens and {} campaigns for {} days from {} in {} ms ({} distinct hours)",
                    stored.screens().size(), active.size(), properties.days(), today, plan.millis(),
                    plan.distinctHours());
            VersionContent content = contents.of(plan);
            PublishedVersion latest = store.latest().blockOptional(DATABASE_TIMEOUT).orElse(null);
            long base = latest == null ? 0 : latest.version();
            boolean equal = latest != null && latest.firstDay().equals(today) && latest.days() == content.days()
                    && equalsStored(latest.version(), content);
            if (equal || stored.screens().isEmpty()) {
                storedPlanIds = equal ? new HashSet<>(content.bodies().keySet()) : new HashSet<>();
                State adopted = new State(plan, base, stamp);
                state = adopted;
                return new PlanRuns.Outcome<>(adopted, "UNCHANGED", base);
            }
            ScheduleStore.Meta meta = new ScheduleStore.Meta(null, false, reason);
            PublishedVersion published = publish(plan, meta, base, stamp, version -> Mono.empty());
            return new PlanRuns.Outcome<>(state, "PUBLISHED", published.version());
        });
    }

    private PublishedVersion publish(PlanResult plan, ScheduleStore.Meta meta, long base,
            NetworkCatalog.Stamp stamp, LongFunction<Mono<Void>> alsoStore) {
        long started = System.nanoTime();
        VersionContent content = contents.of(plan);
        PublishedVersion published = store.publish(base, meta, content, storedPlanIds, alsoStore)
                .block(DATABASE_TIMEOUT);
        storedPlanIds = new HashSet<>(content.bodies().keySet());
        state = new State(plan, published.version(), stamp);
        log.info("Published version {} ({}): {} screens, {} hour plans; planned in {} ms, stored in {} ms",
                published.version(), meta.reason(), content.rows().size(), content.bodies().size(), plan.millis(),
                (System.nanoTime() - started) / 1_000_000);
        return published;
    }

    private boolean equalsStored(long version, VersionContent content) {
        Map<String, VersionContent.ScreenRow> rows = store.rows(version).block(DATABASE_TIMEOUT);
        if (rows.size() != content.rows().size()) {
            return false;
        }
        return content.rows().stream().allMatch(row -> row.equals(rows.get(row.screenId())));
    }

    private static void validate(Campaign campaign, Network network) {
        List<ValidationProblem> problems = new CampaignValidator(network).problems(campaign);
        if (!problems.isEmpty()) {
            throw new PlanningRefusal.InvalidCampaign(problems);
        }
    }
}

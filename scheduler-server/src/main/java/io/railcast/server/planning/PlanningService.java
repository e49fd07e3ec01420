package io.railcast.server.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.planning.NetworkPlanner;
import io.railcast.model.planning.PlanResult;
import io.railcast.server.network.NetworkCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import java.util.function.Supplier;
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
 * {@link PlanRuns}' events. What a booking does to the plan is the {@link BookingDecision}'s (which refuses with a
 * {@link PlanningRefusal}); the plan it decides on is published as it is, as a new version, by the
 * {@link VersionPublisher}, in the same transaction that stores the booking.
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
    private final BookingDecision decision;
    private final ReservedPlans reserved;
    private final NetworkChangeDecision networkChanges;
    private final NetworkCatalog network;
    private final PlanningBook campaigns;
    private final PlanningProperties properties;
    private final Clock clock;
    private final PlanningThread thread = new PlanningThread();
    private final PlanRuns runs;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    // confined to the planning thread
    private final VersionPublisher publisher;
    private final PublishedPlanReader published;
    // written by the planning thread, read by reports
    private volatile @Nullable State state;

    /** The plan in memory, the version it equals, and the network it was made for. */
    private record State(PlanResult plan, long version, NetworkCatalog.Stamp stamp) {}

    PlanningService(
            PlanningConfiguration.Planners planners,
            NetworkCatalog network,
            PlanningBook campaigns,
            HeldInventory holds,
            ScheduleStore store,
            PlanningProperties properties,
            BookingProperties booking,
            Clock clock) {
        this.planner = planners.full();
        this.decision = new BookingDecision(planners, booking.horizon(), this::today);
        this.reserved = new ReservedPlans(planners.full(), decision, holds, clock, DATABASE_TIMEOUT);
        this.networkChanges = new NetworkChangeDecision(planners.full());
        this.network = network;
        this.campaigns = campaigns;
        this.publisher = new VersionPublisher(store, DATABASE_TIMEOUT);
        this.published = new PublishedPlanReader(store, publisher::knownPlan, DATABASE_TIMEOUT);
        this.properties = properties;
        this.clock = clock;
        this.runs = new PlanRuns(clock);
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
                })
                .subscribe(
                        started -> log.info(
                                "Planning ready: version {}, {} days from {}",
                                started.version(),
                                started.plan().schedule().days(),
                                started.plan().schedule().firstDay()),
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

    /** Whether {@code campaign} (new, or a new version of a stored one) would fit with the holds; changes nothing. */
    public Mono<AvailabilityAnswer> check(Campaign campaign) {
        return thread.run(() -> {
            State current = ensureCurrent();
            return runs.run(
                    "availability check of " + campaign.id(),
                    campaign.id(),
                    current.version(),
                    () -> new PlanRuns.Outcome<>(
                            reserved.check(current.plan(), campaign), "CHECKED", current.version()));
        });
    }

    /**
     * Plans the change and publishes it as a new version together with the booking. Refused ({@link PlanningRefusal})
     * when the campaign is not valid on the network, or is contracted and does not fit with what is booked and held.
     */
    public Mono<PublishedVersion> book(BookingChange change) {
        return thread.run(() -> LostRace.onceMore(() -> {
            State current = ensureCurrent();
            return runs.run(change.reason(), change.campaignId(), current.version(), () -> {
                ReservedPlans.Decided next = reserved.next(current.plan(), change);
                ScheduleStore.Meta meta =
                        new ScheduleStore.Meta(change.effectiveAt(), change.urgent(), change.reason());
                PublishedVersion published =
                        publish(next.plan(), meta, current.version(), current.stamp(), next.store());
                return new PlanRuns.Outcome<>(published, "PUBLISHED", published.version());
            });
        }));
    }

    /** Holds airtime for {@code campaign}, checked like a booking: stores it with {@code store}, publishing nothing. */
    public Mono<Void> hold(Campaign campaign, Supplier<Mono<Void>> store) {
        return thread.run(() -> LostRace.onceMore(() -> {
                    State current = ensureCurrent();
                    return runs.run("hold of " + campaign.id(), campaign.id(), current.version(), () -> {
                        publisher.storeUnpublished(current.version(), reserved.hold(current.plan(), campaign, store));
                        return new PlanRuns.Outcome<>(Boolean.TRUE, "HELD", current.version());
                    });
                }))
                .then();
    }

    /**
     * Plans the network with {@code change} and, unless it is a dry run, publishes that plan as a new version
     * together with the change (agents switch at once); answers the contracted plays the change makes impossible.
     */
    public Mono<NetworkChangeAnswer> change(NetworkChange change) {
        return thread.run(() -> {
            State current = ensureCurrent();
            return runs.run(change.reason(), null, current.version(), () -> {
                NetworkChangeDecision.Decision decided = networkChanges.decide(current.plan(), change);
                if (change.dryRun()) {
                    return new PlanRuns.Outcome<>(decided.answer(null), "CHECKED", current.version());
                }
                ScheduleStore.Meta meta = new ScheduleStore.Meta(null, true, change.reason());
                PublishedVersion published =
                        publish(decided.plan(), meta, current.version(), current.stamp(), change.store());
                // the stored change moves the stamp: the plan just published is the plan of the network as stored
                state = new State(
                        decided.plan(), published.version(), network.stamp().block(DATABASE_TIMEOUT));
                return new PlanRuns.Outcome<>(decided.answer(published.version()), "PUBLISHED", published.version());
            });
        });
    }

    /** Refused unless {@code campaign} is valid on the network (for a campaign that is stored but not planned). */
    public Mono<Void> validate(Campaign campaign) {
        return thread.run(() -> {
                    decision.validate(campaign, ensureCurrent().plan().network());
                    return Boolean.TRUE;
                })
                .then();
    }

    /** Plans the network as edited and publishes it, unless the plan does not change (e.g. a name was edited). */
    @EventListener
    void networkEdited(NetworkCatalog.Edited edited) {
        replan(edited.reason())
                .subscribe(
                        version -> log.info("{}: planned, version {}", edited.reason(), version),
                        error -> log.warn("{}: planning failed; the next run tries again", edited.reason(), error));
    }

    /** A full plan from what is stored, published unless it equals the current version; answers that version. */
    public Mono<Long> replan(String reason) {
        return thread.run(() -> rebuild(reason, false).version());
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
        long latest = publisher.latestNumber();
        if (current != null
                && current.plan().schedule().firstDay().equals(today)
                && current.stamp().equals(stamp)
                && current.version() == latest) {
            return current;
        }
        String reason = current == null
                ? "plan at start"
                : !current.plan().schedule().firstDay().equals(today)
                        ? "new day " + today
                        : !current.stamp().equals(stamp)
                                ? "network changed"
                                : "version " + latest + " published by another server";
        return rebuild(reason, true);
    }

    /**
     * Plans the stored network and campaigns in full, starting from the published plan ({@link PublishedPlanReader}):
     * the plan in memory when it is the latest version's, else that version as stored (at start, or when another
     * instance has published since; before a run, {@link CatchUp} is tried first: CAUGHT_UP). The result is adopted without publishing when it
     * equals the latest version (a re-plan with nothing changed moves no spot) or when there are no screens to
     * publish for.
     */
    private State rebuild(String reason, boolean mayCatchUp) {
        State before = state;
        return runs.run(reason, null, before == null ? null : before.version(), () -> {
            LocalDate today = today();
            for (int attempt = 1; ; attempt++) {
                StoredBook book = StoredBook.read(network, campaigns, publisher, DATABASE_TIMEOUT);
                PlanResult caughtUp =
                        !mayCatchUp || before == null || !before.stamp().equals(book.stamp())
                                ? null
                                : CatchUp.adopted(planner, publisher, before.plan(), before.version(), book, today);
                if (caughtUp != null) {
                    state = new State(caughtUp, book.version(), book.stamp());
                    return new PlanRuns.Outcome<>(state, "CAUGHT_UP", book.version());
                }
                PlanResult plan = book.plan(
                        planner,
                        today,
                        properties.days(),
                        (solved, total) -> runs.progress(reason, solved, total),
                        published.startingPoint(
                                before == null ? null : before.plan(), before == null ? 0 : before.version(), book));
                VersionPublisher.Latest latest = publisher.compare(plan, today);
                long base = book.version();
                if (latest.version() != base && attempt < 3) {
                    continue; // published while planning: it may hold a campaign this plan lacks; plan it too
                }
                if (latest.version() == base
                        && (latest.equal() || book.network().screens().isEmpty())) {
                    publisher.adopt(latest);
                    state = new State(plan, base, book.stamp());
                    return new PlanRuns.Outcome<>(state, "UNCHANGED", base);
                }
                // on the version read: refused (PublishedElsewhere) when another server has published since
                ScheduleStore.Meta meta = new ScheduleStore.Meta(null, false, reason);
                PublishedVersion published = publish(plan, meta, base, book.stamp(), version -> Mono.empty());
                return new PlanRuns.Outcome<>(state, "PUBLISHED", published.version());
            }
        });
    }

    private PublishedVersion publish(
            PlanResult plan,
            ScheduleStore.Meta meta,
            long base,
            NetworkCatalog.Stamp stamp,
            LongFunction<Mono<Void>> alsoStore) {
        PublishedVersion published = publisher.publish(plan, meta, base, alsoStore);
        state = new State(plan, published.version(), stamp);
        return published;
    }
}

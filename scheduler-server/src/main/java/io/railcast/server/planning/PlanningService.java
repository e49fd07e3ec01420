package io.railcast.server.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignValidator;
import io.railcast.model.network.Network;
import io.railcast.model.planning.Availability;
import io.railcast.model.planning.AvailabilityCheck;
import io.railcast.model.planning.NetworkPlanner;
import io.railcast.model.planning.PlanResult;
import io.railcast.model.planning.StationHourShortfall;
import io.railcast.model.schedule.Shortfall;
import io.railcast.server.network.NetworkCatalog;
import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Holds the current plan of the network in memory and changes it one booking at a time.
 *
 * <p>Every run (the plan at start, a booking, an availability check, the nightly re-plan) happens on one planning
 * thread, in the order asked, so bookings never race each other for the same airtime. A booking is checked with
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
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread planning = new Thread(runnable, "planning");
        planning.setDaemon(true);
        return planning;
    });
    private final Sinks.Many<PlanEvent> events = Sinks.many().multicast().directBestEffort();
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
        serially(() -> {
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
        return events.asFlux();
    }

    /** Whether {@code campaign} (new, or a new version of a stored one) would fit; changes nothing. */
    public Mono<AvailabilityAnswer> check(Campaign campaign) {
        return serially(() -> {
            State current = ensureCurrent();
            return run("availability check of " + campaign.id(), campaign.id(), current, () -> {
                validate(campaign, current.plan().network());
                AvailabilityAnswer answer = answer(current.plan(), quickCheck.check(current.plan(), campaign));
                return new Outcome<>(answer, "CHECKED", current.version());
            });
        });
    }

    /**
     * Plans the change and publishes it as a new version together with the booking. Refused with 400 when the
     * campaign is not valid on the network, with 409 and the shortfalls when it is contracted and does not fit.
     */
    public Mono<PublishedVersion> book(BookingChange change) {
        return serially(() -> {
            State current = ensureCurrent();
            return run(change.reason(), change.campaignId(), current, () -> {
                PlanResult next;
                Campaign campaign = change.campaign();
                if (campaign != null) {
                    validate(campaign, current.plan().network());
                    Availability quick = quickCheck.check(current.plan(), campaign);
                    AvailabilityAnswer answer = answer(current.plan(), quick);
                    if (!answer.fits() && campaign.isContracted()) {
                        throw overbooked(campaign, answer);
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
                return new Outcome<>(published, "PUBLISHED", published.version());
            });
        });
    }

    /** 400 unless {@code campaign} is valid on the network (for a campaign that is stored but not planned). */
    public Mono<Void> validate(Campaign campaign) {
        return serially(() -> {
            validate(campaign, ensureCurrent().plan().network());
            return Boolean.TRUE;
        }).then();
    }

    /** A full plan from what is stored, published unless it equals the current version; answers that version. */
    public Mono<Long> replan(String reason) {
        return serially(() -> rebuild(reason).version());
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
        thread.shutdownNow();
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
        return run(reason, null, state, () -> {
            LocalDate today = today();
            NetworkCatalog.Stamp stamp = network.stamp().block(DATABASE_TIMEOUT);
            Network stored = network.load().block(DATABASE_TIMEOUT);
            List<Campaign> active = campaigns.active().block(DATABASE_TIMEOUT);
            PlanResult plan = planner.plan(stored, active, today, properties.days(),
                    (solved, total) -> events.tryEmitNext(PlanEvent.progress(reason, solved, total)));
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
                return new Outcome<>(adopted, "UNCHANGED", base);
            }
            ScheduleStore.Meta meta = new ScheduleStore.Meta(null, false, reason);
            PublishedVersion published = publish(plan, meta, base, stamp, version -> Mono.empty());
            return new Outcome<>(state, "PUBLISHED", published.version());
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

    /** What a planning step gives, how it ended, and the version current after it. */
    private record Outcome<T>(T result, String outcome, @Nullable Long version) {
    }

    /** Runs one planning step between its plan-started and plan-finished events. */
    private <T> T run(String reason, @Nullable String campaign, @Nullable State before,
            Callable<Outcome<T>> step) {
        long started = System.nanoTime();
        events.tryEmitNext(PlanEvent.started(reason, campaign));
        Long versionBefore = before == null ? null : before.version();
        try {
            Outcome<T> outcome = step.call();
            events.tryEmitNext(PlanEvent.finished(reason, campaign, outcome.outcome(), outcome.version(),
                    millisSince(started)));
            return outcome.result();
        } catch (ApiProblem problem) {
            events.tryEmitNext(PlanEvent.finished(reason, campaign, "REFUSED", versionBefore, millisSince(started)));
            throw problem;
        } catch (Exception e) {
            events.tryEmitNext(PlanEvent.finished(reason, campaign, "FAILED", versionBefore, millisSince(started)));
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private <T> Mono<T> serially(Callable<T> task) {
        return Mono.defer(() -> {
            CompletableFuture<T> result = new CompletableFuture<>();
            thread.execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
            // a client that goes away does not stop a booking half-way: it is planned and published or not at all
            return Mono.fromFuture(result, true);
        });
    }

    private static void validate(Campaign campaign, Network network) {
        List<FieldProblem> problems = new CampaignValidator(network).problems(campaign).stream()
                .map(p -> FieldProblem.of(p.field(), p.field() + ": " + p.message()))
                .toList();
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid("invalid-campaign", "Invalid campaign", problems);
        }
    }

    /**
     * The shortfalls the booking would cause: station-hours short in the tentative plan that are not short, or
     * less short, or short of other campaigns, in the current one. A shortfall that is there already (a full
     * re-plan may leave one) is not this booking's doing and does not refuse it.
     */
    private AvailabilityAnswer answer(PlanResult current, Availability availability) {
        record StationHour(String station, LocalDate date, int hour) {
        }
        Map<StationHour, List<Shortfall>> before = new HashMap<>();
        for (Shortfall s : current.schedule().shortfalls()) {
            before.computeIfAbsent(new StationHour(s.station(), s.date(), s.hour()), k -> new ArrayList<>())
                    .add(s);
        }
        List<StationHourShortfall> caused = availability.shortfalls().stream().filter(s -> {
            List<Shortfall> old = before.get(new StationHour(s.station(), s.date(), s.hour()));
            if (old == null) {
                return true;
            }
            int oldSeconds = old.stream().mapToInt(Shortfall::missingSeconds).max().orElse(0);
            Set<String> oldCampaigns = new HashSet<>();
            old.forEach(o -> oldCampaigns.add(o.campaignId()));
            return s.shortSeconds() > oldSeconds || !oldCampaigns.containsAll(s.campaigns());
        }).toList();
        return AvailabilityAnswer.of(caused, current.schedule().firstDay(), current.schedule().days());
    }

    private static ApiProblem overbooked(Campaign campaign, AvailabilityAnswer answer) {
        return ApiProblem.of(HttpStatus.CONFLICT, "overbooked", "Booking does not fit",
                "Campaign " + campaign.id() + " does not fit: " + answer.stationHours() + " station-hours would"
                        + " be short of " + answer.shortSeconds() + " s of contracted airtime. Nothing was stored.",
                answer.asProblemMembers());
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}

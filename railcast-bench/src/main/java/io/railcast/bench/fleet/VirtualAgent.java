package io.railcast.bench.fleet;

import io.railcast.agent.protocol.Backoff;
import io.railcast.agent.protocol.Schedule;
import io.railcast.agent.protocol.Takeover;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One simulated screen: its own token, its own event stream, schedule fetches with {@code If-None-Match}, media
 * checked before a version is adopted, proof of play uploaded in batches and heartbeats, all as
 * docs/agent-protocol.md says, but asynchronous on the fleet's shared threads and without showing anything.
 *
 * <p>A version counts as adopted when its schedule is fetched and every media file it names is verified, and its
 * {@code effectiveAt} has come: the moment a real agent would switch. The agent remembers when it heard of each
 * version and when it adopted it, in this JVM's wall clock.
 */
final class VirtualAgent {

    /**
     * The longest a schedule fetch's exchange (answer and body, its turn at the gate aside) may take, and again what
     * follows it (reading the answer, its plans and media). Past it the attempt counts as failed and is retried, so
     * no agent waits on one lost exchange for good. The server answers a schedule in well under a second when it is
     * healthy, and a full pool in 5 s with a 503.
     */
    static final Duration FETCH_DEADLINE = Duration.ofSeconds(15);
    /** The longest a play upload or a heartbeat may take; a batch not answered is sent again next round. */
    static final Duration UPLOAD_DEADLINE = Duration.ofSeconds(30);

    private final String screenId;
    private final String token;
    private final FleetContext fleet;
    private final AtomicBoolean fetching = new AtomicBoolean();
    private final AtomicBoolean fetchAgain = new AtomicBoolean();
    private final SwitchMoments moments = new SwitchMoments();
    private final ProofOfPlay plays;
    private final PlanFetches planFetches;
    private final AtomicBoolean askWhole = new AtomicBoolean();
    private final Backoff fetchBackoff = new Backoff();
    private final EventStream events;
    private final AgentTakeovers takeovers = new AgentTakeovers();
    private volatile boolean running;
    private volatile Adopted adopted;
    private volatile String etag;

    VirtualAgent(String screenId, String token, FleetContext fleet) {
        this.screenId = screenId;
        this.token = token;
        this.fleet = fleet;
        this.plays = new ProofOfPlay(screenId, fleet, this::request);
        this.planFetches = new PlanFetches(fleet, token);
        this.events = new EventStream(fleet, this::request, moments::heard, this::heardSchedule, this::takeover);
    }

    String screenId() {
        return screenId;
    }

    /** Opens the event stream, fetches the schedule, and starts the periodic uploads at a random phase. */
    void start() {
        running = true;
        events.open();
        fetch();
        repeat(this::uploadPlays, fleet.playsEvery());
        repeat(() -> plays.report(version()), fleet.statusEvery());
    }

    /** The newest version adopted, 0 before the first. */
    long version() {
        Adopted current = adopted;
        return current == null ? 0 : current.version();
    }

    /** The schedule it plays, null before the first. */
    Adopted adopted() {
        return adopted;
    }

    /** When (epoch millis) it reached each step of taking up a version. */
    SwitchMoments moments() {
        return moments;
    }

    /** When (epoch millis) a version at least {@code version} was first adopted, or -1. */
    long adoptedAt(long version) {
        return moments.adoptedAt(version);
    }

    /** When (epoch millis) a {@code schedule} event naming at least {@code version} arrived, or -1. */
    long heardAt(long version) {
        return moments.heardAt(version);
    }

    /** Whether a schedule fetch is under way: waiting for its turn, its answer or its media. */
    boolean fetching() {
        return fetching.get();
    }

    int pendingPlays() {
        return plays.pending();
    }

    /** Uploads what has played since the last call; completes when the server answered. */
    CompletableFuture<Void> uploadPlays() {
        return plays.upload(adopted, running);
    }

    /** Stops listening and fetching; the plays still pending can then be sent with {@link #uploadPlays}. */
    void stop() {
        running = false;
        events.close();
    }

    // ---- schedule

    /** A {@code schedule} event: the plans it names that the agent lacks are fetched while it asks for the answer. */
    private void heardSchedule(List<String> plans) {
        Adopted current = adopted;
        if (current != null && !askWhole.get()) {
            askWhole.set(!planFetches.prefetch(plans, current.plans().keySet()));
        }
        fetch();
    }

    /** Fetches the schedule unless a fetch is under way, in which case that one is followed by another. */
    void fetch() {
        if (!running) {
            return;
        }
        if (!fetching.compareAndSet(false, true)) {
            fetchAgain.set(true);
            return;
        }
        fetchAgain.set(false);
        // as the player agent: a first fetch, or one after a change of many plans, takes every plan in the answer
        boolean holdsPlans = adopted != null && !askWhole.getAndSet(false);
        HttpRequest.Builder request = request(
                        "/agent/v1/schedule?" + (holdsPlans ? "plans=ids&" : "") + "hours=" + fleet.hours())
                .header("Accept-Encoding", "gzip")
                .timeout(FETCH_DEADLINE);
        String known = etag;
        if (known != null) {
            request.header("If-None-Match", known);
        }
        // The gate holds a place for the exchange only: reading the answer, its plans and its media are this agent's
        // own work, which no other agent's request waits behind (in a fleet, each does it on its own CPU).
        fleet.fetches()
                .submit(() -> {
                    moments.sent();
                    return fleet.http().sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                })
                .whenComplete((answer, failure) -> moments.answered())
                .thenComposeAsync(
                        answer -> received(answer).orTimeout(FETCH_DEADLINE.toMillis(), TimeUnit.MILLISECONDS),
                        fleet.work())
                .whenComplete((done, failure) -> {
                    fetching.set(false);
                    if (failure != null) {
                        fleet.counters().fetchFailures.increment();
                        fleet.counters().failed(failure);
                        later(this::fetch, fetchBackoff.next());
                    } else {
                        fetchBackoff.reset();
                        if (fetchAgain.getAndSet(false)) {
                            fetch();
                        }
                    }
                });
    }

    private CompletableFuture<Void> received(HttpResponse<byte[]> response) {
        if (response.statusCode() == 304) {
            fleet.counters().notModified.increment();
            return CompletableFuture.completedFuture(null);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("schedule of " + screenId + ": HTTP " + response.statusCode());
        }
        fleet.counters().schedules.increment();
        Adopted current = adopted;
        return planFetches
                .schedule(response, current == null ? Set.of() : current.plans().keySet())
                .thenCompose(schedule -> {
                    moments.fetched(schedule.version());
                    schedule.takeovers().forEach(this::takeover);
                    String tag = response.headers().firstValue("ETag").orElse(null);
                    return fleet.media()
                            .ensure(schedule.media().values(), fleet.http(), fleet.base(), token)
                            .thenRun(() -> adoptAt(schedule, tag));
                });
    }

    /** All media present: switch now if the version is due (or the first), else at its {@code effectiveAt}. */
    private void adoptAt(Schedule schedule, String tag) {
        long wait = schedule.effectiveAt().toEpochMilli() - System.currentTimeMillis();
        if (adopted == null || wait <= 0) {
            adopt(schedule, tag);
        } else {
            later(() -> adopt(schedule, tag), Duration.ofMillis(wait));
        }
    }

    private synchronized void adopt(Schedule schedule, String tag) {
        Adopted current = adopted;
        if (current != null && schedule.version() <= current.version()) {
            etag = tag;
            return;
        }
        adopted = fleet.plans().adopt(schedule);
        moments.adopted(schedule.version());
        etag = tag;
        plays.startPlaying();
    }

    // ---- takeovers

    /** When (epoch millis) the takeover {@code id} was first ready to show, or -1. */
    long takeoverHeldAt(String id) {
        return takeovers.heldAt(id);
    }

    /** When (epoch millis) the agent was back on its schedule after the takeover {@code id}, or -1 if not yet. */
    long backOnScheduleAt(String id) {
        return takeovers.backOnScheduleAt(id, System.currentTimeMillis());
    }

    /** A takeover told by an event or a schedule answer: held at once if it is a notice or its file is here. */
    private void takeover(Takeover told) {
        if (!takeovers.told(told, System.currentTimeMillis())) {
            return;
        }
        if (told.media() == null) {
            takeovers.held(told.id(), System.currentTimeMillis());
            return;
        }
        fleet.media()
                .ensure(List.of(told.media()), fleet.http(), fleet.base(), token)
                .whenComplete((done, failure) -> {
                    if (failure == null) {
                        takeovers.held(told.id(), System.currentTimeMillis());
                    } else {
                        fleet.counters().failed(failure);
                        later(() -> takeover(told), Backoff.INITIAL);
                    }
                });
    }

    // ---- plumbing

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(fleet.base().resolve(path)).header("Authorization", "Bearer " + token);
    }

    private void repeat(Runnable task, Duration every) {
        long period = every.toMillis();
        fleet.timers()
                .scheduleAtFixedRate(
                        () -> {
                            if (running) {
                                try {
                                    task.run();
                                } catch (RuntimeException e) {
                                    // a failed round must not end the repetition; the accounts record what failed
                                }
                            }
                        },
                        ThreadLocalRandom.current().nextLong(period),
                        period,
                        TimeUnit.MILLISECONDS);
    }

    private void later(Runnable task, Duration delay) {
        fleet.timers().schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}

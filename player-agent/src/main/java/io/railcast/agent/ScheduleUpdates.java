package io.railcast.agent;

import io.railcast.agent.cache.MediaCache;
import io.railcast.agent.cache.ScheduleStore;
import io.railcast.agent.net.EventStream;
import io.railcast.agent.net.RetryGate;
import io.railcast.agent.net.ServerClient;
import io.railcast.agent.net.ServerRefusal;
import io.railcast.agent.playback.Programme;
import io.railcast.agent.protocol.Backoff;
import io.railcast.agent.protocol.HourPlan;
import io.railcast.agent.protocol.Schedule;
import io.railcast.agent.protocol.Takeover;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the programme supplied with the newest schedule: fetches it at start, on every {@code schedule} event, every
 * minute while the event stream is down, and once an hour to move the horizon on; prefetches its media on the media
 * thread; and offers it to the programme only once every file is cached and verified.
 *
 * <p>Fetching runs on the sync thread, downloading on the media thread, events arrive on the stream's thread.
 */
final class ScheduleUpdates implements EventStream.Listener {

    private static final System.Logger LOG = System.getLogger(ScheduleUpdates.class.getName());

    private final ServerClient client;
    private final int hours;
    private final Programme programme;
    private final MediaCache cache;
    private final ScheduleStore store;
    private final Clock clock;
    private final ScheduledExecutorService syncThread;
    private final ExecutorService mediaThread;
    private final Duration rollOffset;
    private final TakeoverUpdates takeovers;
    private final RetryGate gate = new RetryGate(new Backoff());
    private final RetryGate mediaGate = new RetryGate(new Backoff());
    private final AtomicBoolean askWhole = new AtomicBoolean();
    private volatile ServerClient.FetchedSchedule latest;
    private volatile ServerClient.FetchedSchedule offered;
    private volatile boolean streamUp;
    private String etag;
    private Instant nextRoll;

    ScheduleUpdates(
            ServerClient client,
            String etag,
            int hours,
            Programme programme,
            MediaCache cache,
            ScheduleStore store,
            Clock clock,
            ScheduledExecutorService syncThread,
            ExecutorService mediaThread,
            Duration rollSpread,
            TakeoverUpdates takeovers) {
        this.client = client;
        this.etag = etag;
        this.hours = hours;
        this.programme = programme;
        this.cache = cache;
        this.store = store;
        this.clock = clock;
        this.syncThread = syncThread;
        this.mediaThread = mediaThread;
        this.takeovers = takeovers;
        this.rollOffset = Duration.ofMillis(ThreadLocalRandom.current().nextLong(Math.max(1, rollSpread.toMillis())));
        this.nextRoll = nextHour(clock.instant());
    }

    /**
     * Offers the stored versions whose media is all here, so a restarted agent plays before it reaches the server;
     * returns the ETag of the newest one offered, to send with the first fetch.
     */
    static String restore(List<ScheduleStore.Stored> stored, MediaCache cache, Programme programme) {
        Set<String> needed = new HashSet<>();
        stored.forEach(s -> needed.addAll(s.schedule().digests()));
        cache.keep(needed);
        String etag = null;
        for (ScheduleStore.Stored version : stored) {
            int missing = cache.missing(version.schedule());
            if (missing == 0) {
                programme.offer(version.schedule());
                etag = version.etag();
            } else {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "stored version " + version.schedule().version() + " lacks " + missing
                                + " media files; it waits for the server instead of playing half loaded");
            }
        }
        return etag;
    }

    /** Media files the newest known version still lacks, for the heartbeat. */
    long missingMedia() {
        ServerClient.FetchedSchedule newest = latest;
        Schedule schedule = newest != null ? newest.schedule() : programme.active();
        return schedule == null ? 0 : cache.missing(schedule);
    }

    /** The minutely task: poll while the stream is down, move the horizon hourly, retry unfinished downloads. */
    void poll() {
        Instant now = clock.instant();
        if (!streamUp || !now.isBefore(nextRoll)) {
            nextRoll = nextHour(now);
            refresh();
        } else {
            prefetch(); // retries downloads that failed, if any
        }
        if (programme.next() == null && store.hasNext()) {
            try {
                store.settle();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot settle the stored schedule: " + ServerRefusal.describe(e));
            }
        }
    }

    /** A new token: the waits earned by the old one's refusals do not apply, so fetch at once. */
    void retryNow() {
        gate.succeeded();
        mediaGate.succeeded();
        refresh();
    }

    void refresh() {
        if (!gate.open() || client.tokenRejected()) {
            return;
        }
        try {
            Instant askedAt = clock.instant();
            // holding no plan, the agent asks for them all in the answer (ServerClient), as after a large change
            var fetched = client.schedule(hours, etag, askWhole.getAndSet(false) ? Map.of() : heldPlans());
            gate.succeeded();
            if (fetched.isPresent()) {
                latest = fetched.get();
                etag = fetched.get().etag();
                Schedule schedule = latest.schedule();
                takeovers.listed(schedule.takeovers(), askedAt); // shown at once, not when the version is
                LOG.log(
                        System.Logger.Level.INFO,
                        "fetched version " + schedule.version() + " effective at " + schedule.effectiveAt() + " with "
                                + schedule.media().size() + " media files");
            }
            prefetch();
        } catch (IOException e) {
            Duration wait = gate.failed(e);
            LOG.log(
                    System.Logger.Level.WARNING,
                    "cannot fetch the schedule (" + ServerRefusal.describe(e) + "); trying" + " again in "
                            + wait.toMillis() + " ms, playing from the cache meanwhile");
            if (!client.tokenRejected()) {
                syncThread.schedule(this::refresh, wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The plans of the versions this agent holds (fetched, playing, next): a new version mostly repeats them. */
    private Map<String, HourPlan> heldPlans() {
        Map<String, HourPlan> held = new HashMap<>();
        ServerClient.FetchedSchedule fetched = latest;
        for (Schedule schedule :
                new Schedule[] {fetched == null ? null : fetched.schedule(), programme.active(), programme.next()}) {
            if (schedule != null) {
                held.putAll(schedule.plans());
            }
        }
        return held;
    }

    /** Queues a download of the newest version's media; a queued task finding nothing left to do returns at once. */
    private void prefetch() {
        if (latest != offered) {
            mediaThread.execute(this::downloadLatest);
        }
    }

    private void downloadLatest() {
        ServerClient.FetchedSchedule fetched = latest;
        if (fetched == offered || !mediaGate.open() || client.tokenRejected()) {
            return; // nothing to do, or the server asked for a pause: the next poll tries again
        }
        Schedule schedule = fetched.schedule();
        Set<String> needed = new HashSet<>(schedule.digests());
        for (Schedule held : new Schedule[] {programme.active(), programme.next()}) {
            if (held != null) {
                needed.addAll(held.digests());
            }
        }
        cache.keep(needed);
        try {
            cache.prefetch(schedule, client);
            mediaGate.succeeded();
            if (fetched != latest) {
                return; // a newer version arrived meanwhile; its own task is queued behind this one
            }
            keep(fetched, schedule);
            offered = fetched;
            if (programme.offer(schedule)) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "version " + schedule.version() + " has all its media; it plays from " + schedule.effectiveAt()
                                + " or at once if that has passed");
            }
        } catch (IOException e) {
            Duration wait = mediaGate.failed(e);
            LOG.log(
                    System.Logger.Level.WARNING,
                    "version " + schedule.version() + " waits for its media (" + ServerRefusal.describe(e)
                            + "); next try in " + wait.toSeconds() + " s or more");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stores the version for a restart. A cache directory that refuses it (full, read-only) does not stop it from
     * playing: it plays from memory, and a restart begins with the version stored before.
     */
    private void keep(ServerClient.FetchedSchedule fetched, Schedule schedule) {
        try {
            store.saveNext(fetched.body(), fetched.etag());
        } catch (IOException e) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    "cannot store version " + schedule.version() + " in the cache directory (" + e
                            + "); it plays from memory");
        }
    }

    @Override
    public void scheduleEvent(EventStream.ScheduleEvent event) {
        LOG.log(
                System.Logger.Level.INFO,
                "version " + event.version() + " published" + (event.urgent() ? " (urgent)" : "") + ", effective at "
                        + event.effectiveAt());
        Map<String, HourPlan> held = heldPlans();
        List<String> lacking =
                event.plans().stream().filter(id -> !held.containsKey(id)).toList();
        // a change of many plans (or of plans not listed) comes whole in one answer: one request rather than one a
        // plan (bench-fleet: 32 plans a screen after a regional booking took 14 s to switch by id, 5.9 s whole)
        if (event.plans().isEmpty() || lacking.size() > ServerClient.PLAN_FETCHES) {
            askWhole.set(true);
        } else if (!client.tokenRejected()) {
            client.prefetchPlans(lacking);
        }
        syncThread.execute(this::refresh);
    }

    @Override
    public void takeover(Takeover takeover) {
        takeovers.heard(takeover);
    }

    @Override
    public void streamUp() {
        streamUp = true;
        syncThread.execute(this::refresh); // whatever was published while the stream was down
    }

    @Override
    public void streamDown() {
        streamUp = false;
    }

    private Instant nextHour(Instant now) {
        return now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)).plus(rollOffset);
    }
}

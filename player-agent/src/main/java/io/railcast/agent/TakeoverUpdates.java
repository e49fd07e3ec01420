package io.railcast.agent;

import io.railcast.agent.cache.MediaCache;
import io.railcast.agent.cache.ScheduleStore;
import io.railcast.agent.net.MediaSource;
import io.railcast.agent.net.ServerRefusal;
import io.railcast.agent.playback.Programme;
import io.railcast.agent.protocol.Takeover;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Hands the programme the emergency takeovers the server tells of, in a {@code takeover} event or in a schedule
 * answer: a notice at once, a creative once its file is cached and verified (fetched on the media thread, at once,
 * without waiting for any schedule). A takeover held and no longer listed by a schedule answer is over (cancelled
 * while the agent was away), unless it was heard of only just before that answer was asked for, which the answer
 * may simply not know of yet. A restarted agent shows again the takeovers of the newest schedule answer it stored,
 * server or not, until an answer no longer lists them.
 */
final class TakeoverUpdates {

    private static final System.Logger LOG = System.getLogger(TakeoverUpdates.class.getName());
    /** Longer than a notification takes between instances, shorter than anyone would mind a cancelled notice. */
    static final Duration JUST_HEARD = Duration.ofSeconds(30);

    private static final Duration RETRY = Duration.ofSeconds(2);

    private final Programme programme;
    private final MediaCache cache;
    private final MediaSource source;
    private final ScheduledExecutorService mediaThread;
    private final Clock clock;
    private final Map<String, Heard> known = new ConcurrentHashMap<>();

    private record Heard(Takeover takeover, Instant at) {}

    TakeoverUpdates(
            Programme programme,
            MediaCache cache,
            MediaSource source,
            ScheduledExecutorService mediaThread,
            Clock clock) {
        this.programme = programme;
        this.cache = cache;
        this.source = source;
        this.mediaThread = mediaThread;
        this.clock = clock;
    }

    /**
     * Before playing starts: the takeovers the newest stored schedule answer lists, not over at {@code now}; those
     * ready to show (a notice, or a creative cached) are handed to the programme at once. Pass the list returned to
     * {@link #restored} once the agent talks to the server.
     */
    static List<Takeover> restore(
            List<ScheduleStore.Stored> stored, MediaCache cache, Programme programme, Instant now) {
        if (stored.isEmpty()) {
            return List.of();
        }
        List<Takeover> restored = stored.get(stored.size() - 1).schedule().takeovers().stream()
                .filter(takeover -> !takeover.overAt(now))
                .toList();
        for (Takeover takeover : restored) {
            if (takeover.media() == null || cache.has(takeover.media())) {
                programme.takeover(takeover);
            }
        }
        return restored;
    }

    /**
     * The takeovers {@link #restore} found: held as if told before any answer to come, so the first answer that no
     * longer lists one ends it (it may have been cancelled while the agent was down); media not cached is fetched.
     */
    void restored(List<Takeover> takeovers) {
        for (Takeover takeover : takeovers) {
            known.putIfAbsent(takeover.id(), new Heard(takeover, Instant.EPOCH));
            take(takeover);
        }
    }

    /** A takeover told by an event. */
    void heard(Takeover takeover) {
        LOG.log(
                System.Logger.Level.INFO,
                "takeover " + takeover.id() + " from " + takeover.from() + " until "
                        + (takeover.until() == null ? "cancelled" : takeover.until())
                        + (takeover.cancelled() ? " (cancelled)" : ""));
        take(takeover);
    }

    /** The takeovers of a schedule answer asked for at {@code askedAt}: the server's whole list for the screen. */
    void listed(List<Takeover> takeovers, Instant askedAt) {
        Set<String> listed = new HashSet<>();
        for (Takeover takeover : takeovers) {
            listed.add(takeover.id());
            take(takeover);
        }
        known.values().removeIf(heard -> {
            if (listed.contains(heard.takeover().id()) || heard.at().isAfter(askedAt.minus(JUST_HEARD))) {
                return false;
            }
            LOG.log(System.Logger.Level.INFO, "takeover " + heard.takeover().id() + " is over: no longer listed");
            programme.forgetTakeover(heard.takeover().id());
            return true;
        });
        keepMedia();
    }

    private void take(Takeover told) {
        Instant now = clock.instant();
        Heard before = known.get(told.id());
        Takeover takeover = before == null ? told : before.takeover().merge(told);
        known.put(told.id(), new Heard(takeover, before == null ? now : before.at()));
        known.values().removeIf(heard -> heard.takeover().overAt(now));
        keepMedia();
        if (takeover.overAt(now)) {
            programme.forgetTakeover(takeover.id());
        } else if (takeover.media() == null || cache.has(takeover.media())) {
            programme.takeover(takeover);
        } else {
            mediaThread.execute(() -> fetch(takeover.id()));
        }
    }

    private void fetch(String id) {
        Heard heard = known.get(id);
        if (heard == null || heard.takeover().overAt(clock.instant())) {
            return;
        }
        Takeover takeover = heard.takeover();
        try {
            cache.prefetch(takeover.media(), source);
            programme.takeover(known.getOrDefault(id, heard).takeover());
        } catch (IOException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "media of takeover " + id + " not cached yet (" + ServerRefusal.describe(e) + "); trying again");
            mediaThread.schedule(() -> fetch(id), RETRY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void keepMedia() {
        Set<String> digests = new HashSet<>();
        known.values().forEach(heard -> {
            if (heard.takeover().media() != null) {
                digests.add(heard.takeover().media().sha256());
            }
        });
        cache.keepForTakeovers(digests);
    }
}

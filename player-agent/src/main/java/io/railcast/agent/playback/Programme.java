package io.railcast.agent.playback;

import io.railcast.agent.protocol.Schedule;
import io.railcast.agent.protocol.Takeover;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Which schedule version is on screen: the active one, and at most one next version waiting for its
 * {@code effectiveAt}. Only versions whose media is all present and verified are offered here, so a switch never
 * shows a half-loaded schedule.
 *
 * <p>A next version takes over at its exact instant: the spot on screen then is cut at {@code effectiveAt}, and one
 * whose instant has passed (an urgent change) takes over at once. The first version an agent gets is played at once
 * whatever its {@code effectiveAt}, since there is no previous one to keep playing. Older versions are ignored.
 *
 * <p>Emergency takeovers held here are shown instead of the version's spots while they are active
 * ({@link TakeoverBoard} decides).
 *
 * <p>Thread-safe: the sync thread offers, the player reads and waits for a change.
 */
public final class Programme {

    private static final Duration IDLE_RECHECK = Duration.ofSeconds(5);

    /**
     * The longest the player waits without reading its clock again: the clock it plays by can step (a heartbeat
     * measures a new offset from the server's clock), and a long wait (a dark night, a takeover of hours) measured by
     * the old reading would end late by the whole step.
     */
    static final Duration CLOCK_RECHECK = Duration.ofSeconds(1);

    private final TakeoverBoard takeovers = new TakeoverBoard();
    private ClockPlayback active;
    private ClockPlayback next;

    /** Takes a version whose media is all cached; returns false if it is older than what the agent already has. */
    public synchronized boolean offer(Schedule schedule) {
        if (active == null) {
            active = new ClockPlayback(schedule);
        } else if (schedule.version() < newest().version()) {
            return false;
        } else {
            next = new ClockPlayback(schedule);
        }
        notifyAll();
        return true;
    }

    /** What is on screen at {@code t}, taking over the next version if its instant has come. */
    public synchronized OnScreen at(Instant t) {
        if (next != null && !next.schedule().effectiveAt().isAfter(t)) {
            active = next;
            next = null;
        }
        if (active == null) {
            // version 0: no schedule yet, rather than a dark hour
            return takeovers.decide(OnScreen.dark(t, t.plus(IDLE_RECHECK), 0), t);
        }
        OnScreen onScreen = active.at(t);
        return takeovers.decide(
                next == null ? onScreen : onScreen.endingAt(next.schedule().effectiveAt()), t);
    }

    /**
     * Takes a takeover ready to show (its media verified, or a notice), or news of one held (cancelled: its end moved
     * earlier); wakes the player when that changes anything.
     */
    public synchronized void takeover(Takeover takeover) {
        if (takeovers.put(takeover)) {
            notifyAll();
        }
    }

    /** Forgets a takeover the server says is over; wakes the player if it was held. */
    public synchronized void forgetTakeover(String id) {
        if (takeovers.remove(id)) {
            notifyAll();
        }
    }

    /** The takeovers held, ready to show. */
    public synchronized java.util.List<Takeover> takeovers() {
        return takeovers.held();
    }

    /**
     * What will be on screen at {@code t} and the schedule it comes from, without taking anything over: the kiosk page
     * looks ahead with this while the player alone moves the programme on.
     */
    public synchronized Upcoming peek(Instant t) {
        ClockPlayback playback = next != null && !next.schedule().effectiveAt().isAfter(t) ? next : active;
        if (playback == null) {
            return new Upcoming(OnScreen.dark(t, t.plus(IDLE_RECHECK), 0), null);
        }
        OnScreen onScreen = playback.at(t);
        return new Upcoming(
                takeovers.decide(
                        playback == active && next != null
                                ? onScreen.endingAt(next.schedule().effectiveAt())
                                : onScreen,
                        t),
                playback.schedule());
    }

    /** A spot by the clock and the schedule whose media it plays; {@code schedule} is null before the first one. */
    public record Upcoming(OnScreen onScreen, Schedule schedule) {}

    public synchronized Schedule active() {
        return active == null ? null : active.schedule();
    }

    public synchronized Schedule next() {
        return next == null ? null : next.schedule();
    }

    /**
     * Waits until {@code until} by {@code clock}, until a version is offered, or for {@link #CLOCK_RECHECK},
     * whichever comes first: the caller reads the clock again and waits on.
     */
    public synchronized void awaitChange(Instant until, Clock clock) throws InterruptedException {
        long millis = Duration.between(clock.instant(), until).toMillis();
        if (millis > 0) {
            wait(Math.min(millis, CLOCK_RECHECK.toMillis()));
        }
    }

    /** Wakes a waiting player, e.g. to stop it. */
    public synchronized void wake() {
        notifyAll();
    }

    private Schedule newest() {
        return next != null ? next.schedule() : active.schedule();
    }
}

package io.railcast.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock shifted by an offset that a test moves forward: time goes on as usual, and a test can make hours
 * pass at once. Only forward, since the server has published versions and stored plays by the time it read before.
 */
public final class ShiftedClock extends Clock {

    private final Clock system;
    private final AtomicReference<Duration> offset;

    private ShiftedClock(Clock system, AtomicReference<Duration> offset) {
        this.system = system;
        this.offset = offset;
    }

    /** A UTC clock that reads {@code start} now and goes on from there. */
    public static ShiftedClock startingAt(Instant start) {
        Clock system = Clock.systemUTC();
        return new ShiftedClock(system, new AtomicReference<>(Duration.between(system.instant(), start)));
    }

    /** Moves the clock forward so that it reads {@code at} now. */
    public void advanceTo(Instant at) {
        offset.updateAndGet(before -> {
            Duration wanted = Duration.between(system.instant(), at);
            if (wanted.compareTo(before) < 0) {
                throw new IllegalArgumentException("the clock reads " + instant() + " already, after " + at);
            }
            return wanted;
        });
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ShiftedClock(system.withZone(zone), offset);
    }

    @Override
    public String toString() {
        return "ShiftedClock[" + offset.get() + " from " + system + "]";
    }
}

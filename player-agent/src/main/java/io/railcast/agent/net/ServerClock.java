package io.railcast.agent.net;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The agent's estimate of the server's clock: the local clock plus the offset last measured NTP-style from a status
 * heartbeat. Playing by this clock keeps the screens of a station in step even when a box's own clock drifts.
 *
 * <p>A sample is taken only from a round trip shorter than {@link #MAX_ROUND_TRIP}: the estimate's error is at most
 * half the round trip, and a slow one would move every screen by its own error.
 */
public final class ServerClock extends Clock {

    static final Duration MAX_ROUND_TRIP = Duration.ofSeconds(2);

    private final Clock local;
    private volatile long offsetMillis;
    private volatile boolean measured;

    public ServerClock(Clock local) {
        this.local = local;
    }

    public Clock local() {
        return local;
    }

    /** The server's clock minus the local one, from a request sent at {@code sent} and answered at {@code received}. */
    static Duration estimate(Instant sent, Instant serverTime, Instant received) {
        Instant midpoint = sent.plus(Duration.between(sent, received).dividedBy(2));
        return Duration.between(midpoint, serverTime);
    }

    /** Takes a measurement; returns whether it was precise enough to use. */
    public boolean sample(Instant sent, Instant serverTime, Instant received) {
        if (Duration.between(sent, received).compareTo(MAX_ROUND_TRIP) > 0 || received.isBefore(sent)) {
            return false;
        }
        offsetMillis = estimate(sent, serverTime, received).toMillis();
        measured = true;
        return true;
    }

    public long offsetMillis() {
        return offsetMillis;
    }

    /** Whether an offset has been measured yet; until then the agent plays by its own clock. */
    public boolean measured() {
        return measured;
    }

    @Override
    public Instant instant() {
        return local.instant().plusMillis(offsetMillis);
    }

    @Override
    public long millis() {
        return local.millis() + offsetMillis;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the agent's clock is always UTC");
    }
}

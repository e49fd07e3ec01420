package io.railcast.agent.net;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/**
 * The agent's estimate of the server's clock: the server's time measured NTP-style from a status heartbeat, carried
 * forward by the monotonic clock ({@link System#nanoTime}) until the next. Playing by this clock keeps the screens of a
 * station in step even when a box's own clock drifts, and a box whose clock is set (a jump of an hour, say, by hand or
 * by a bad time source) plays on as before: only the offset it reports moves, at once. Until the first measurement the
 * agent plays by its own clock.
 *
 * <p>A sample is taken only from a round trip shorter than {@link #MAX_ROUND_TRIP}: the estimate's error is at most
 * half the round trip, and a slow one would move every screen by its own error.
 */
public final class ServerClock extends Clock {

    static final Duration MAX_ROUND_TRIP = Duration.ofSeconds(2);

    private final Clock local;
    private final LongSupplier nanos;
    /** The server's time at a reading of the monotonic clock, from the last sample; null before the first. */
    private volatile Anchor anchor;

    /** {@code offsetMillis}: the server's clock minus the local one, as last measured or as the local clock was set. */
    private record Anchor(Instant serverTime, long nanos, long offsetMillis) {}

    /** A local clock further than this from the monotonic one was set, rather than drifted, since the last sample. */
    private static final long JUMP_MILLIS = 1_000;

    public ServerClock(Clock local) {
        this(local, System::nanoTime);
    }

    ServerClock(Clock local, LongSupplier nanos) {
        this.local = local;
        this.nanos = nanos;
    }

    public Clock local() {
        return local;
    }

    /** The server's clock minus the local one, from a request sent at {@code sent} and answered at {@code received}. */
    static Duration estimate(Instant sent, Instant serverTime, Instant received) {
        Instant midpoint = sent.plus(Duration.between(sent, received).dividedBy(2));
        return Duration.between(midpoint, serverTime);
    }

    /** Takes a measurement, {@code received} being the local clock now; returns whether it was precise enough. */
    public synchronized boolean sample(Instant sent, Instant serverTime, Instant received) {
        if (Duration.between(sent, received).compareTo(MAX_ROUND_TRIP) > 0 || received.isBefore(sent)) {
            return false;
        }
        Duration offset = estimate(sent, serverTime, received);
        anchor = new Anchor(received.plus(offset), nanos.getAsLong(), offset.toMillis());
        return true;
    }

    /**
     * The server's clock minus the local one (0 before a measurement): as measured, and as it stands at once after the
     * local clock was set. Steady between the two, so a change means a correction.
     */
    public synchronized long offsetMillis() {
        Anchor measured = anchor;
        if (measured == null) {
            return 0;
        }
        long now = Duration.between(local.instant(), instant()).toMillis();
        if (Math.abs(now - measured.offsetMillis()) <= JUMP_MILLIS) {
            return measured.offsetMillis();
        }
        anchor = new Anchor(measured.serverTime(), measured.nanos(), now);
        return now;
    }

    /** Whether an offset has been measured yet; until then the agent plays by its own clock. */
    public boolean measured() {
        return anchor != null;
    }

    @Override
    public Instant instant() {
        Anchor measured = anchor;
        return measured == null
                ? local.instant()
                : measured.serverTime().plusNanos(nanos.getAsLong() - measured.nanos());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
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

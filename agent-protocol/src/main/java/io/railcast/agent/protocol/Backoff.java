package io.railcast.agent.protocol;

import java.time.Duration;
import java.util.Random;

/**
 * Jittered exponential backoff as the protocol asks (docs/agent-protocol.md): 1 s doubling to 15 s, each wait drawn
 * within ±50% so thousands of screens that lost the server together do not come back together, and back to 1 s after
 * a success. The cap bounds how long a screen stays away after the server is back: at most 22.5 s, so a short outage
 * is over for every screen within half a minute (with a 60 s cap, bench-chaos saw agents adopt a version 24–54 s
 * after a 15 s network cut); a network of 5,600 screens then knocks about 370 times a second on a server that is
 * away, which a refused connection or a balancer's 503 costs nothing. The one retry schedule of the agent and of the fleet simulator. Thread-safe, though usually one per
 * retrying loop.
 */
public final class Backoff {

    /** The first wait after a failure, before jitter. */
    public static final Duration INITIAL = Duration.ofSeconds(1);
    /** The longest wait, before jitter. */
    public static final Duration MAX = Duration.ofSeconds(15);

    private final Duration initial;
    private final Duration max;
    private final Random random;
    private int failures;

    /** The protocol's schedule, with a randomly seeded generator of its own. */
    public Backoff() {
        this(INITIAL, MAX, new Random());
    }

    /** From {@code initial} doubling to {@code max}, jittered by {@code random} (tests pass a seeded one). */
    public Backoff(Duration initial, Duration max, Random random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The wait before the next attempt after one more failure. */
    public synchronized Duration next() {
        long base = Math.min(max.toMillis(), initial.toMillis() << Math.min(failures, 30));
        failures++;
        return Duration.ofMillis((long) (base * (0.5 + random.nextDouble())));
    }

    /** The wait after a failure that came with the server's own {@code Retry-After}: never shorter than asked. */
    public Duration nextAtLeast(Duration asked) {
        Duration jittered = next();
        return asked.compareTo(jittered) > 0 ? asked : jittered;
    }

    /** After a success: the next failure waits {@link #INITIAL} again. */
    public synchronized void reset() {
        failures = 0;
    }
}

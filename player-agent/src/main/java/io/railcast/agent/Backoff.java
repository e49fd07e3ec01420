package io.railcast.agent;

import java.time.Duration;
import java.util.Random;

/**
 * Jittered exponential backoff as the protocol asks: 1 s doubling to 60 s, each wait drawn within ±50% so thousands of
 * screens that lost the server together do not come back together. Not thread-safe: one per retrying loop.
 */
final class Backoff {

    static final Duration INITIAL = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(60);

    private final Duration initial;
    private final Duration max;
    private final Random random;
    private int failures;

    Backoff() {
        this(INITIAL, MAX, new Random());
    }

    Backoff(Duration initial, Duration max, Random random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The wait before the next attempt after one more failure. */
    Duration next() {
        long base = Math.min(max.toMillis(), initial.toMillis() << Math.min(failures, 30));
        failures++;
        return Duration.ofMillis((long) (base * (0.5 + random.nextDouble())));
    }

    /** The wait after a failure that came with the server's own {@code Retry-After}: never shorter than asked. */
    Duration next(ServerRefusal refusal) {
        Duration jittered = next();
        return refusal.retryAfter().filter(asked -> asked.compareTo(jittered) > 0).orElse(jittered);
    }

    void reset() {
        failures = 0;
    }
}

package io.railcast.bench.fleet;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The agent's retry schedule (docs/agent-protocol.md): 1 s after a failure, doubling to 60 s, each ±50%, and back to
 * 1 s after a success. Without it a fleet retries a slow server into the ground. Thread-safe.
 */
final class RetryDelay {

    private static final long FIRST_MILLIS = 1000;
    private static final long MOST_MILLIS = 60_000;

    private long next = FIRST_MILLIS;

    /** After an attempt: the wait before the next one ({@code ok}: the attempt succeeded). */
    synchronized Duration next(boolean ok) {
        if (ok) {
            next = FIRST_MILLIS;
            return Duration.ofMillis(FIRST_MILLIS);
        }
        long base = next;
        next = Math.min(MOST_MILLIS, next * 2);
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base + 1));
    }
}

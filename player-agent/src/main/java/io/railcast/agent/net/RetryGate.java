package io.railcast.agent.net;

import io.railcast.agent.protocol.Backoff;
import java.io.IOException;
import java.time.Duration;

/**
 * Spaces out the attempts of one kind of call after failures: closed until the backoff (or the server's
 * {@code Retry-After}) has passed, open again at once after a success. One per kind of call, so a failing upload does
 * not hold back the schedule. Thread-safe, so a new token can reopen a gate another thread uses.
 */
public final class RetryGate {

    private final Backoff backoff;
    private long notBeforeNanos = System.nanoTime();

    public RetryGate(Backoff backoff) {
        this.backoff = backoff;
    }

    public synchronized boolean open() {
        return System.nanoTime() - notBeforeNanos >= 0;
    }

    public synchronized void succeeded() {
        backoff.reset();
        notBeforeNanos = System.nanoTime();
    }

    /** Closes the gate for the next backoff wait, or longer when the server asked for it; returns the wait. */
    public synchronized Duration failed(IOException failure) {
        Duration wait = failure instanceof ServerRefusal refusal
                ? refusal.retryAfter().map(backoff::nextAtLeast).orElseGet(backoff::next)
                : backoff.next();
        notBeforeNanos = System.nanoTime() + wait.toNanos();
        return wait;
    }
}

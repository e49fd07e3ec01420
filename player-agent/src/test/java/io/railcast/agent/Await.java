package io.railcast.agent;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits in tests for something another thread does: polls every 10 ms, fails once the timeout has passed. */
public final class Await {

    private Await() {}

    public static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}

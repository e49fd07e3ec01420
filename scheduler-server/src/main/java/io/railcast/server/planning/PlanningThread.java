package io.railcast.server.planning;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import reactor.core.publisher.Mono;

/**
 * The one thread an instance plans on: every run (the plan at start, a booking, an availability check, a re-plan)
 * is queued here and runs alone, in the order asked, so that bookings never race each other for the same airtime
 * and the plan in memory needs no lock.
 */
final class PlanningThread implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread planning = new Thread(runnable, "planning");
        planning.setDaemon(true);
        return planning;
    });

    /**
     * Queues {@code task} when subscribed; its result or failure completes the answer. A subscriber that goes away
     * does not stop a task half-way: a booking is planned and published or not at all.
     */
    <T> Mono<T> run(Callable<T> task) {
        return Mono.defer(() -> {
            CompletableFuture<T> result = new CompletableFuture<>();
            thread.execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
            return Mono.fromFuture(result, true);
        });
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}

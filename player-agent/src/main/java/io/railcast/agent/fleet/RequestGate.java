package io.railcast.agent.fleet;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most {@code limit} of the fleet's requests in flight at once; the others wait their turn, in order. Thousands
 * of agents in one JVM share one client and two cores: let loose at once, their requests time out in the client's
 * own queues, are retried, and swamp a server that is still warming up. The time a request waits here is part of
 * what the benchmark measures, so it is kept short by a limit well above what the server can answer at once.
 */
final class RequestGate {

    private final Semaphore permits;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    RequestGate(int limit) {
        this.permits = new Semaphore(limit);
    }

    /** Starts {@code call} when a permit is free; the answer completes as the call's future does. */
    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> call) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        waiting.add(() -> {
            CompletableFuture<T> started;
            try {
                started = call.get();
            } catch (RuntimeException e) {
                started = CompletableFuture.failedFuture(e);
            }
            started.whenComplete((value, failure) -> {
                permits.release();
                drain();
                if (failure != null) {
                    answer.completeExceptionally(failure);
                } else {
                    answer.complete(value);
                }
            });
        });
        drain();
        return answer;
    }

    int waiting() {
        return waiting.size();
    }

    private void drain() {
        while (!waiting.isEmpty() && permits.tryAcquire()) {
            Runnable next = waiting.poll();
            if (next == null) {
                permits.release();
                return;
            }
            next.run();
        }
    }
}

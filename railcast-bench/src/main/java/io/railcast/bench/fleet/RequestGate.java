package io.railcast.bench.fleet;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most {@code limit} of the fleet's requests in flight at once; the others wait their turn, in order. Thousands
 * of agents in one JVM share one client and two cores: let loose at once, their requests time out in the client's
 * own queues, are retried, and swamp a server that is still warming up. The time a request waits here is part of
 * what the benchmark measures, so it is kept short by a limit well above what the server can answer at once.
 *
 * <p>Every call has a deadline of its own, past which it counts as failed and gives its permit back: the JDK client's
 * request timeout stops at the response's headers, and a body that never ends would otherwise hold a permit for good
 * (in one 5,600-agent run, all 64 were held so).
 */
final class RequestGate {

    private final Semaphore permits;
    private final Duration deadline;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    RequestGate(int limit, Duration deadline) {
        this.permits = new Semaphore(limit);
        this.deadline = deadline;
    }

    /** Starts {@code call} when a permit is free; the answer completes as the call's future does. */
    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> call) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        waiting.add(() -> {
            CompletableFuture<T> started;
            try {
                started = call.get().orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS);
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

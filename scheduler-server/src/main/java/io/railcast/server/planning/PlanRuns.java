package io.railcast.server.planning;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The planner's event stream: every run between its plan-started and plan-finished events, with plan-progress in
 * between for full plans. Emitted from the planning thread only (a sink takes one emitter at a time); a subscriber
 * that is not ready misses events rather than holding the planner up. Events are stamped by the server's clock.
 */
final class PlanRuns {

    /** What a run gives, how it ended (PUBLISHED, UNCHANGED, CHECKED), and the version current after it. */
    record Outcome<T>(T result, String outcome, @Nullable Long version) {}

    private final Sinks.Many<PlanEvent> events = Sinks.many().multicast().directBestEffort();
    private final Clock clock;

    PlanRuns(Clock clock) {
        this.clock = clock;
    }

    Flux<PlanEvent> events() {
        return events.asFlux();
    }

    void progress(String reason, int solved, int total) {
        events.tryEmitNext(PlanEvent.progress(reason, solved, total, clock.instant()));
    }

    /**
     * Runs {@code step} between its started and finished events; a {@link PlanningRefusal} finishes it REFUSED, any
     * other failure FAILED, both with {@code versionBefore}.
     */
    <T> T run(String reason, @Nullable String campaign, @Nullable Long versionBefore, Callable<Outcome<T>> step) {
        long started = System.nanoTime();
        events.tryEmitNext(PlanEvent.started(reason, campaign, clock.instant()));
        try {
            Outcome<T> outcome = step.call();
            events.tryEmitNext(PlanEvent.finished(
                    reason, campaign, outcome.outcome(), outcome.version(), millisSince(started), clock.instant()));
            return outcome.result();
        } catch (PlanningRefusal refusal) {
            events.tryEmitNext(PlanEvent.finished(
                    reason, campaign, "REFUSED", versionBefore, millisSince(started), clock.instant()));
            throw refusal;
        } catch (Exception e) {
            events.tryEmitNext(PlanEvent.finished(
                    reason, campaign, "FAILED", versionBefore, millisSince(started), clock.instant()));
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}

package io.railcast.server.planning;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Full re-plans asked for by a person (the console's "re-plan now"): one at a time per instance, run on the planning
 * thread behind whatever is queued there, and followed through the planner's events, so that its state can be
 * asked for again later (a page left and opened again) while it runs and after it ended. Kept in memory: a
 * restarted instance knows none.
 */
@Component
class Replans implements AutoCloseable {

    private final PlanningService planning;
    private final Clock clock;
    private final AtomicReference<@Nullable ReplanRun> latest = new AtomicReference<>();
    private final Disposable listening;

    Replans(PlanningService planning, Clock clock) {
        this.planning = planning;
        this.clock = clock;
        this.listening = planning.events()
                .subscribe(event -> latest.updateAndGet(run ->
                        run != null && run.underWay() && run.reason().equals(event.reason()) ? run.after(event) : run));
    }

    /** Queues a re-plan; refused while one asked for earlier has not ended. */
    ReplanRun start(String askedBy) {
        ReplanRun before = latest.get();
        long id = before == null ? 1 : before.id() + 1;
        ReplanRun run = new ReplanRun(
                id,
                "re-plan #" + id + " asked by " + askedBy,
                askedBy,
                clock.instant(),
                ReplanRun.QUEUED,
                null,
                null,
                null,
                null,
                null);
        if (before != null && before.underWay() || !latest.compareAndSet(before, run)) {
            ReplanRun running = latest.get();
            throw new PlanningRefusal.ReplanUnderWay(running == null ? 0 : running.id());
        }
        // not tied to the request: the client may go away, the re-plan runs to its end
        planning.replan(run.reason()).onErrorResume(e -> Mono.empty()).subscribe();
        return run;
    }

    @Nullable
    ReplanRun latest() {
        return latest.get();
    }

    @Override
    public void close() {
        listening.dispose();
    }
}

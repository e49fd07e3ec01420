package io.railcast.server.planning;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/**
 * What operations watch of planning on this instance, taken from the planning service's own events:
 * {@code railcast.plan.duration{outcome}} (a Timer of every run, publication included; outcome PUBLISHED,
 * UNCHANGED, CAUGHT_UP, CHECKED, REFUSED or FAILED) and {@code railcast.versions.published} (versions this instance
 * published). Keeps the last finished run for {@link PlanningHealth}. Listens from construction, before the plan
 * at start begins.
 */
@Component
class PlanningMetrics implements AutoCloseable {

    private final MeterRegistry registry;
    private final Counter published;
    private final AtomicReference<@Nullable PlanEvent> lastRun = new AtomicReference<>();
    private final Disposable listening;

    PlanningMetrics(MeterRegistry registry, PlanningService planning) {
        this.registry = registry;
        this.published = Counter.builder("railcast.versions.published")
                .description("Schedule versions published by this instance")
                .register(registry);
        for (String outcome : new String[] {"PUBLISHED", "UNCHANGED", "CAUGHT_UP", "CHECKED", "REFUSED", "FAILED"}) {
            timer(outcome); // present at zero, so that a rate of failures reads 0 rather than no data
        }
        this.listening = planning.events()
                .filter(event -> PlanEvent.FINISHED.equals(event.type()))
                .subscribe(this::finished);
    }

    /** The last run that finished on this instance since it started, if any. */
    @Nullable
    PlanEvent lastRun() {
        return lastRun.get();
    }

    private void finished(PlanEvent event) {
        String outcome = event.outcome() == null ? "FAILED" : event.outcome();
        timer(outcome).record(Duration.ofMillis(event.millis() == null ? 0 : event.millis()));
        if ("PUBLISHED".equals(outcome)) {
            published.increment();
        }
        lastRun.set(event);
    }

    private Timer timer(String outcome) {
        return Timer.builder("railcast.plan.duration")
                .description("Planning runs (plan at start, bookings, availability checks, re-plans), publication"
                        + " included")
                .tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public void close() {
        listening.dispose();
    }
}

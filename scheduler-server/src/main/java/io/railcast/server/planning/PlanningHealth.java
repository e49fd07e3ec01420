package io.railcast.server.planning;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The {@code planning} component of {@code /actuator/health}: OUT_OF_SERVICE while no schedule version is published
 * (screens have nothing to play yet, e.g. during the first start's plan), DOWN when the last planning run of this
 * instance failed (until one succeeds), UP otherwise. Details: the latest version and the last run. Not part of the
 * liveness or readiness groups: an instance whose planner failed still serves published versions to agents.
 */
@Component("planningHealthIndicator")
class PlanningHealth implements ReactiveHealthIndicator {

    private final ScheduleStore store;
    private final PlanningMetrics runs;

    PlanningHealth(ScheduleStore store, PlanningMetrics runs) {
        this.store = store;
        this.runs = runs;
    }

    @Override
    public Mono<Health> health() {
        return store.latest()
                .map(latest -> health(latest, runs.lastRun()))
                .defaultIfEmpty(health(null, runs.lastRun()));
    }

    static Health health(@Nullable PublishedVersion latest, @Nullable PlanEvent lastRun) {
        Health.Builder health;
        if (latest == null) {
            health = Health.status(Status.OUT_OF_SERVICE).withDetail("version", "none published yet");
        } else {
            health = lastRun != null && "FAILED".equals(lastRun.outcome()) ? Health.down() : Health.up();
            health.withDetail("version", latest.version())
                    .withDetail("publishedAt", latest.publishedAt().toString())
                    .withDetail("effectiveAt", latest.effectiveAt().toString())
                    .withDetail("firstDay", latest.firstDay().toString())
                    .withDetail("days", latest.days());
        }
        if (lastRun != null) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("reason", lastRun.reason());
            run.put("outcome", String.valueOf(lastRun.outcome()));
            run.put("at", lastRun.at().toString());
            if (lastRun.millis() != null) {
                run.put("millis", lastRun.millis());
            }
            health.withDetail("lastRun", run);
        }
        return health.build();
    }
}

package io.railcast.server.planning;

import io.railcast.model.planning.PlanResult;
import io.railcast.model.schedule.HourPlan;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Turns plans into published versions: the content of a plan, stored as the next version together with whatever
 * else the change stores, and the plans already stored, so that a version inserts only the plans it adds. Confined
 * to the planning thread, like the plan it publishes.
 */
final class VersionPublisher {

    private static final Logger log = LoggerFactory.getLogger(VersionPublisher.class);

    private final ScheduleStore store;
    private final Duration timeout;
    private final VersionContents contents = new VersionContents();
    private Set<String> storedPlanIds = new HashSet<>();

    /**
     * What the latest stored version is to a plan just made.
     *
     * @param version the latest version, 0 when there is none
     * @param equal   whether it holds exactly the plan's content
     * @param content the plan's content
     */
    record Latest(long version, boolean equal, VersionContent content) {}

    VersionPublisher(ScheduleStore store, Duration timeout) {
        this.store = store;
        this.timeout = timeout;
    }

    /** The highest version number, 0 when none is published. */
    long latestNumber() {
        return store.latestNumber().block(timeout);
    }

    /**
     * The latest version (0 when there is none) and whether it holds exactly {@code plan} from {@code today}: plans
     * are deterministic, so a restart with no change in between finds it equal.
     */
    Latest compare(PlanResult plan, LocalDate today) {
        VersionContent content = contents.of(plan);
        PublishedVersion latest = store.latest().blockOptional(timeout).orElse(null);
        long base = latest == null ? 0 : latest.version();
        boolean equal = latest != null
                && latest.firstDay().equals(today)
                && latest.days() == content.days()
                && equalsStored(latest.version(), content);
        return new Latest(base, equal, content);
    }

    /** Takes a plan as current without publishing it; its plans are stored when it equals the latest version. */
    void adopt(Latest latest) {
        storedPlanIds = latest.equal() ? new HashSet<>(latest.content().bodies().keySet()) : new HashSet<>();
    }

    /** Publishes {@code plan} as the version after {@code base}, storing {@code alsoStore} in the same transaction. */
    PublishedVersion publish(PlanResult plan, ScheduleStore.Meta meta, long base, LongFunction<Mono<Void>> alsoStore) {
        long started = System.nanoTime();
        VersionContent content = contents.of(plan);
        String missing = PlannedDelivery.missing(plan.schedule().shortfalls());
        PublishedVersion published = store.publish(base, meta, content, storedPlanIds, missing, alsoStore)
                .block(timeout);
        storedPlanIds = new HashSet<>(content.bodies().keySet());
        log.info(
                "Published version {} ({}): {} screens, {} hour plans; planned in {} ms, stored in {} ms",
                published.version(),
                meta.reason(),
                content.rows().size(),
                content.bodies().size(),
                plan.millis(),
                (System.nanoTime() - started) / 1_000_000);
        return published;
    }

    /** The hour plan with content id {@code id} of the plan last published, compared or adopted; null if none. */
    @Nullable
    HourPlan knownPlan(String id) {
        return contents.plan(id);
    }

    /** Stores {@code store} under the publication lock if {@code base} is still the latest version; publishes nothing. */
    void storeUnpublished(long base, Mono<Void> store) {
        this.store.storeUnpublished(base, store).block(timeout);
    }

    private boolean equalsStored(long version, VersionContent content) {
        Map<String, VersionContent.ScreenRow> rows = store.rows(version).block(timeout);
        if (rows.size() != content.rows().size()) {
            return false;
        }
        return content.rows().stream().allMatch(row -> row.equals(rows.get(row.screenId())));
    }
}

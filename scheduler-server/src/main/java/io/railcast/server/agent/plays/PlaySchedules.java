package io.railcast.server.agent.plays;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.railcast.server.agent.AgentProperties;
import io.railcast.server.agent.schedule.PlanView;
import io.railcast.server.agent.schedule.ScheduleRepository;
import io.railcast.server.agent.schedule.ScreenScheduleRow;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a batch of plays is judged against ({@link SlotJudge}), kept in memory so that ingestion stays one statement a
 * batch: a screen's row of a version, and the spots of a plan by id. Both are immutable once published (the schedule
 * tables refuse updates; a plan id is its content's digest), so they are kept until memory is wanted for others. A
 * batch usually names one or two versions and a few hours of one screen: two cache look-ups, and a read only for
 * what no batch of the screen (for plans: of any screen) needed before.
 */
@Component
class PlaySchedules {

    /** Rows of a screen and version kept: two versions of every screen of the demo, with room to spare. */
    private static final int ROWS = 20_000;

    private final ScheduleRepository schedules;
    private final DatabaseClient db;
    private final JsonMapper jsonMapper;
    private final Duration tolerance;
    private final AsyncCache<RowKey, ScreenScheduleRow> rows;
    private final AsyncCache<String, PlanSlots> plans;

    PlaySchedules(ScheduleRepository schedules, DatabaseClient db, JsonMapper jsonMapper, AgentProperties properties) {
        this.schedules = schedules;
        this.db = db;
        this.jsonMapper = jsonMapper;
        this.tolerance = properties.plays().slotTolerance();
        this.rows = Caffeine.newBuilder().maximumSize(ROWS).buildAsync();
        this.plans = Caffeine.newBuilder()
                .maximumWeight(properties.plays().slotCache().toBytes())
                .weigher((String id, PlanSlots plan) -> plan.weightBytes())
                .buildAsync();
    }

    /** A judge of {@code plays}, all of {@code screenId}, with every row and plan they may need. */
    Mono<SlotJudge> judge(String screenId, Collection<Play> plays) {
        Set<RowKey> keys = plays.stream()
                .map(Play::scheduleVersion)
                .filter(Objects::nonNull)
                .map(version -> new RowKey(screenId, version))
                .collect(Collectors.toSet());
        // other batches may be waiting for the same reads: a cancelled request must not cancel them
        return Mono.fromFuture(rows.getAll(keys, (missing, executor) -> readRows(screenId, missing)), true)
                .flatMap(found -> {
                    Map<Long, ScreenScheduleRow> byVersion = new HashMap<>();
                    found.forEach((key, row) -> byVersion.put(key.version(), row));
                    Set<String> ids = SlotJudge.plansNeeded(byVersion, plays, tolerance);
                    return Mono.fromFuture(plans.getAll(ids, (missing, executor) -> readPlans(missing)), true)
                            .map(slots -> new SlotJudge(screenId, byVersion, slots, tolerance));
                });
    }

    /** Versions the screen has no row in are left out, and asked again by the next batch naming them. */
    private CompletableFuture<Map<RowKey, ScreenScheduleRow>> readRows(String screenId, Set<? extends RowKey> keys) {
        return schedules
                .versions(screenId, keys.stream().map(RowKey::version).toList())
                .collect(Collectors.toMap(row -> new RowKey(screenId, row.version()), row -> row))
                .toFuture();
    }

    private CompletableFuture<Map<String, PlanSlots>> readPlans(Set<? extends String> ids) {
        return db.sql("select id, body::text as body from hour_plan where id = any($1)")
                .bind(0, ids.toArray(String[]::new))
                .map(row -> Map.entry(row.get("id", String.class), row.get("body", String.class)))
                .all()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, stored -> PlanSlots.of(PlanView.of(jsonMapper.readTree(stored.getValue())))))
                .toFuture();
    }

    private record RowKey(String screenId, long version) {}
}

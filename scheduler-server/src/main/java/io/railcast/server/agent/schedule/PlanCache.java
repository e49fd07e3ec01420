package io.railcast.server.agent.schedule;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.railcast.server.agent.AgentProperties;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hour plans by id ({@code hour_plan}). A plan id is the digest of its content, so a plan never changes and
 * thousands of screens share it: each is read and parsed once — screens asking at the same moment for a plan not
 * yet read wait for the one read under way — and kept as it is sent ({@link SentPlan}: its JSON deflated, some
 * 1 KB a plan), up to {@link AgentProperties.Schedule#planCache()} bytes, the least used dropped first.
 */
@Component
class PlanCache {

    private final DatabaseClient db;
    private final JsonMapper jsonMapper;
    private final AsyncCache<String, SentPlan> plans;

    PlanCache(DatabaseClient db, JsonMapper jsonMapper, AgentProperties properties) {
        this.db = db;
        this.jsonMapper = jsonMapper;
        this.plans = Caffeine.newBuilder()
                .maximumWeight(properties.schedule().planCache().toBytes())
                .weigher((String id, SentPlan plan) -> plan.weightBytes())
                .buildAsync();
    }

    /** The plans of {@code ids}; fails if one is not stored, since a published version names only stored plans. */
    Mono<Map<String, SentPlan>> get(Collection<String> ids) {
        CompletableFuture<Map<String, SentPlan>> plansRead = plans.getAll(ids, (missing, executor) -> read(missing));
        // other screens may be waiting for the same reads: a cancelled request must not cancel them
        return Mono.fromFuture(plansRead, true).map(found -> {
            if (found.size() < Set.copyOf(ids).size()) {
                List<String> absent =
                        ids.stream().filter(id -> !found.containsKey(id)).toList();
                throw new IllegalStateException("hour plans " + absent + " are named but not stored");
            }
            return found;
        });
    }

    /** The plan of {@code id}, or empty when none is stored (read once and kept like those of {@link #get}). */
    Mono<SentPlan> find(String id) {
        return Mono.fromFuture(plans.getAll(List.of(id), (missing, executor) -> read(missing)), true)
                .mapNotNull(found -> found.get(id));
    }

    private CompletableFuture<Map<String, SentPlan>> read(Set<? extends String> ids) {
        return db.sql("select id, body::text as body from hour_plan where id = any($1)")
                .bind(0, ids.toArray(String[]::new))
                .map(row -> Map.entry(row.get("id", String.class), row.get("body", String.class)))
                .all()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        stored -> SentPlan.of(PlanView.of(jsonMapper.readTree(stored.getValue())), jsonMapper)))
                .toFuture();
    }
}

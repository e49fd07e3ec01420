package io.railcast.server.agent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hour plans by id ({@code hour_plan}). A plan id is the digest of its content, so a plan never changes and
 * thousands of screens share it: each is read and parsed once, and kept in compact form ({@link CompactPlan}, some
 * 4 KB for a plan of 240 spots), up to {@link AgentProperties.Schedule#planCache()} plans (then the memory starts
 * over).
 */
@Component
class PlanCache {

    private final DatabaseClient db;
    private final JsonMapper jsonMapper;
    private final int capacity;
    private final Map<String, CompactPlan> plans = new ConcurrentHashMap<>();

    PlanCache(DatabaseClient db, JsonMapper jsonMapper, AgentProperties properties) {
        this.db = db;
        this.jsonMapper = jsonMapper;
        this.capacity = properties.schedule().planCache();
    }

    /** The plans of {@code ids}; fails if one is not stored, since a published version names only stored plans. */
    Mono<Map<String, CompactPlan>> get(Collection<String> ids) {
        Map<String, CompactPlan> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            CompactPlan plan = plans.get(id);
            if (plan == null) {
                missing.add(id);
            } else {
                found.put(id, plan);
            }
        }
        if (missing.isEmpty()) {
            return Mono.just(found);
        }
        return db.sql("select id, body::text as body from hour_plan where id = any($1)")
                .bind(0, missing.toArray(String[]::new))
                .map(row -> Map.entry(row.get("id", String.class), row.get("body", String.class)))
                .all()
                .doOnNext(stored -> {
                    CompactPlan plan = CompactPlan.of(PlanView.of(jsonMapper.readTree(stored.getValue())));
                    remember(stored.getKey(), plan);
                    found.put(stored.getKey(), plan);
                })
                .then(Mono.fromCallable(() -> {
                    List<String> absent = missing.stream().filter(id -> !found.containsKey(id)).toList();
                    if (!absent.isEmpty()) {
                        throw new IllegalStateException("hour plans " + absent + " are named but not stored");
                    }
                    return found;
                }));
    }

    private void remember(String id, CompactPlan plan) {
        if (plans.size() >= capacity) {
            plans.clear();
        }
        plans.put(id, plan);
    }
}

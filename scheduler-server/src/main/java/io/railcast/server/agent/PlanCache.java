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
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.util.RawValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hour plans by id ({@code hour_plan}). A plan id is the digest of its content, so a plan never changes and
 * thousands of screens share it: each is read, parsed and written as the protocol's JSON once, and kept, up to
 * {@link AgentProperties.Schedule#planCache()} plans (then the memory starts over). Plans are most of a schedule
 * answer's bytes, so answers copy their JSON rather than write it again.
 */
@Component
class PlanCache {

    private final DatabaseClient db;
    private final JsonMapper jsonMapper;
    private final int capacity;
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();

    PlanCache(DatabaseClient db, JsonMapper jsonMapper, AgentProperties properties) {
        this.db = db;
        this.jsonMapper = jsonMapper;
        this.capacity = properties.schedule().planCache();
    }

    /** The plans of {@code ids}; fails if one is not stored, since a published version names only stored plans. */
    Mono<Map<String, Plan>> get(Collection<String> ids) {
        Map<String, Plan> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Plan plan = plans.get(id);
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
                    PlanView view = PlanView.of(jsonMapper.readTree(stored.getValue()));
                    Plan plan = new Plan(view, new RawValue(new SerializedString(jsonMapper.writeValueAsString(view))));
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

    private void remember(String id, Plan plan) {
        if (plans.size() >= capacity) {
            plans.clear();
        }
        plans.put(id, plan);
    }

    /** A plan, and the same as the protocol's JSON. */
    record Plan(PlanView view, RawValue json) {
    }
}

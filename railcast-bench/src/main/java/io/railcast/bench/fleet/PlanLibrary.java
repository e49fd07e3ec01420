package io.railcast.bench.fleet;

import io.railcast.agent.protocol.HourPlan;
import io.railcast.agent.protocol.Schedule;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every hour plan the fleet has seen, by id. Plan ids are digests of their content (docs/agent-protocol.md), so two
 * screens naming the same id play the same plan and can share one instance: without this, 5,600 parsed schedules
 * would hold about 60,000 copies of a few thousand plans. Parsing takes them from here too
 * ({@link io.railcast.agent.protocol.ScheduleJson#parse(byte[], Map)}), so a plan's JSON is read once for the whole fleet.
 */
final class PlanLibrary {

    private final Map<String, HourPlan> plans = new ConcurrentHashMap<>();

    Adopted adopt(Schedule schedule) {
        Map<String, HourPlan> shared = new HashMap<>();
        for (Map.Entry<String, HourPlan> plan : schedule.plans().entrySet()) {
            shared.put(plan.getKey(), plans.computeIfAbsent(plan.getKey(), id -> plan.getValue()));
        }
        return new Adopted(schedule.version(), schedule.hours(), Map.copyOf(shared));
    }

    /** A plan fetched by id: the fleet keeps the first instance of each. */
    void offer(String id, HourPlan plan) {
        plans.putIfAbsent(id, plan);
    }

    /** The plans seen so far, by id (a live, read-only view). */
    Map<String, HourPlan> known() {
        return Collections.unmodifiableMap(plans);
    }

    int size() {
        return plans.size();
    }
}

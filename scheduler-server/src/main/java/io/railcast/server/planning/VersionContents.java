package io.railcast.server.planning;

import io.railcast.model.network.Network;
import io.railcast.model.network.Screen;
import io.railcast.model.planning.PlanResult;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.NetworkSchedule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns plans into {@link VersionContent}. A re-plan keeps most hour plans by reference, so their ids are remembered
 * by identity from one version to the next and only new plans are digested, and a version read back takes the plans
 * it shares with the last one from here rather than parsing them again. Only the ids are remembered: the
 * bodies' text (some 200 MB for the demo network's 20,000 plans) is needed only to store new plans. Not
 * thread-safe: used by the planning thread only.
 */
final class VersionContents {

    private Map<HourPlan, String> known = new IdentityHashMap<>();
    private Map<String, HourPlan> knownById = new HashMap<>();

    VersionContent of(PlanResult plan) {
        NetworkSchedule schedule = plan.schedule();
        Network network = plan.network();
        Map<HourPlan, PlanBodies.Body> bodies = new IdentityHashMap<>();
        for (HourPlan hourPlan : schedule.distinctPlans()) {
            bodies.put(hourPlan, body(hourPlan));
        }
        FallbackPlans fallbacks = new FallbackPlans(network, plan.campaigns(), schedule.firstDay(), schedule.days());
        List<LocalDate> dates = schedule.dates();
        List<VersionContent.ScreenRow> rows = new ArrayList<>();
        StringBuilder ids = new StringBuilder();
        for (String screenId : schedule.screenIds()) {
            ids.setLength(0);
            for (int day = 0; day < dates.size(); day++) {
                for (int hour = 0; hour < 24; hour++) {
                    if (day + hour > 0) {
                        ids.append(',');
                    }
                    schedule.planFor(screenId, dates.get(day), hour)
                            .ifPresent(p -> ids.append(bodies.get(p).id()));
                }
            }
            Screen screen = network.screen(screenId).orElseThrow();
            HourPlan fallback = fallbacks.forScreen(screen);
            String fallbackId = null;
            if (fallback != null) {
                fallbackId = bodies.computeIfAbsent(fallback, this::body).id();
            }
            rows.add(new VersionContent.ScreenRow(screenId, ids.toString(), fallbackId));
        }
        Map<String, PlanBodies.Body> byId = new HashMap<>();
        Map<HourPlan, String> idsByPlan = new IdentityHashMap<>();
        bodies.forEach((hourPlan, body) -> {
            byId.put(body.id(), body);
            idsByPlan.put(hourPlan, body.id());
        });
        known = idsByPlan;
        knownById = new HashMap<>();
        byId.forEach((id, body) -> knownById.put(id, body.plan()));
        return new VersionContent(schedule.firstDay(), schedule.days(), byId, rows);
    }

    /** The plan of the last content made that has {@code id}, null when it had none. */
    @Nullable
    HourPlan plan(String id) {
        return knownById.get(id);
    }

    private PlanBodies.Body body(HourPlan plan) {
        String id = known.get(plan);
        return id != null ? new PlanBodies.Body(id, plan, null) : PlanBodies.of(plan);
    }
}

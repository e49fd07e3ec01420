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

/**
 * Turns plans into {@link VersionContent}. A re-plan keeps most hour plans by reference, so their bodies and ids are
 * remembered by identity from one version to the next and only new plans are digested. Not thread-safe: used by
 * the planning thread only.
 */
final class VersionContents {

    private Map<HourPlan, PlanBodies.Body> known = new IdentityHashMap<>();

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
                    schedule.planFor(screenId, dates.get(day), hour).ifPresent(p -> ids.append(bodies.get(p).id()));
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
        Map<String, String> byId = new HashMap<>();
        bodies.values().forEach(body -> byId.put(body.id(), body.json()));
        known = bodies;
        return new VersionContent(schedule.firstDay(), schedule.days(), byId, rows);
    }

    private PlanBodies.Body body(HourPlan plan) {
        PlanBodies.Body body = known.get(plan);
        return body != null ? body : PlanBodies.of(plan);
    }
}

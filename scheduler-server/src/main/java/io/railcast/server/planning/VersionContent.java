package io.railcast.server.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one schedule version stores: the body of every hour plan it refers to, and one row per screen.
 *
 * @param bodies hour plan id to the plan and its canonical body, fallback plans included
 * @param rows   one per screen of the plan, in network order
 */
record VersionContent(LocalDate firstDay, int days, Map<String, PlanBodies.Body> bodies, List<ScreenRow> rows) {

    /**
     * A screen's row of {@code screen_schedule}.
     *
     * @param planIds    the plan ids by hour of the horizon, comma-separated, empty for an hour off air (the
     *                   text form {@code array_to_string(plan_ids, ',', '')} of the stored array)
     * @param fallbackId its fallback plan, if it has one
     */
    record ScreenRow(
            String screenId, String planIds, @Nullable String fallbackId) {}
}

package io.railcast.server.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one screen plays in one local clock hour of the current version.
 *
 * @param planId the shared hour plan, null when the screen is off air that hour (its station is closed)
 * @param onAir  the part of the hour it is on, in seconds from the start of the hour; null when off air
 * @param spots  in time order
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ScreenPlanView(
        String screen,
        long version,
        LocalDate date,
        int hour,
        @Nullable String planId,
        @Nullable OnAir onAir,
        List<SpotView> spots) {

    record OnAir(int from, int to) {}

    /**
     * One spot: offset and duration in seconds, kind COMMERCIAL, PUBLIC_SERVICE, FILLER or MAKE_GOOD (a play of
     * {@code campaign} placed to make good plays it was owed, as agents see it).
     */
    record SpotView(int offset, int duration, String campaign, String campaignName, String creative, String kind) {}
}

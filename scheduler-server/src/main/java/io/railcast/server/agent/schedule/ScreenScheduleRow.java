package io.railcast.server.agent.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A screen's row of one published version ({@code screen_schedule} with its {@code schedule_version} and the
 * zone of the screen's station).
 *
 * @param planIds the plan of each local clock hour from the start of {@code firstDay}: index = day × 24 + hour;
 *                null where the screen is off air
 */
public record ScreenScheduleRow(
        long version,
        Instant effectiveAt,
        boolean urgent,
        LocalDate firstDay,
        List<@Nullable String> planIds,
        @Nullable String fallbackPlanId,
        ZoneId zone) {}

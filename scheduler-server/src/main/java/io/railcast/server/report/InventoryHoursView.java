package io.railcast.server.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How full one province's stations are in each local hour of one day of the current version: the inventory's
 * drill-down from province × day to station × hour.
 *
 * @param stations by station code, those with screens
 */
record InventoryHoursView(long version, LocalDate date, String province, List<StationHours> stations) {

    /**
     * One station's day hour by hour, summed over its screens.
     *
     * @param hours 24 entries, local clock hours 0-23
     * @param day   the whole day, as {@code GET /api/v1/inventory} gives it
     */
    record StationHours(
            String station, String name, long screens, List<HourFill> hours, InventoryView.StationFill day) {}

    /**
     * @param onAirSeconds      screen-seconds on air in the hour, 0 when the station is closed
     * @param contractedSeconds commercial plus guaranteed public-service airtime
     * @param fillPercent       contracted as a percentage of on air, to 0.1; null when the station is closed
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record HourFill(
            int hour,
            long onAirSeconds,
            long contractedSeconds,
            @Nullable Double fillPercent) {}
}

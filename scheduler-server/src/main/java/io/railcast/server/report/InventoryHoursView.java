package io.railcast.server.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How full one province's stations (or one station) are in each local hour of one day of the booking horizon: the
 * inventory's drill-down from province × day to station × hour.
 *
 * @param version  the book's version: the schedule version published last
 * @param source   {@code plan} for a day of the published plan (on air and contracted as planned), {@code book} for
 *                 a later day (contracted as the bookings owe it, from the model the planner solves)
 * @param stations by station code, those with screens
 */
record InventoryHoursView(long version, LocalDate date, String province, String source, List<StationHours> stations) {

    /**
     * One station's day hour by hour, summed over its screens.
     *
     * @param hours       24 entries, local clock hours 0-23
     * @param day         the whole day, as {@code GET /api/v1/inventory} gives it (on a {@code book} day only its
     *                    contracted seconds are known: commercial, public-service and filler seconds are 0)
     * @param heldSeconds the whole day's held seconds
     */
    record StationHours(
            String station,
            String name,
            long screens,
            List<HourFill> hours,
            InventoryView.StationFill day,
            long heldSeconds) {}

    /**
     * @param onAirSeconds      screen-seconds on air in the hour, 0 when the station is closed
     * @param contractedSeconds commercial plus guaranteed public-service airtime: sold
     * @param heldSeconds       what the holds in force would take (they never reach the plan)
     * @param freeSeconds       on air less contracted and held; negative where the book is over-sold
     * @param fillPercent       contracted as a percentage of on air, to 0.1; null when the station is closed
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record HourFill(
            int hour,
            long onAirSeconds,
            long contractedSeconds,
            long heldSeconds,
            long freeSeconds,
            @Nullable Double fillPercent) {

        static HourFill of(int hour, long onAir, long contracted, long held, @Nullable Double fillPercent) {
            return new HourFill(hour, onAir, contracted, held, onAir - contracted - held, fillPercent);
        }
    }
}

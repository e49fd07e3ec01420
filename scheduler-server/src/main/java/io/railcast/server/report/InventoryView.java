package io.railcast.server.report;

import java.time.LocalDate;
import java.util.List;

/**
 * How full the stations are on one day of the current version.
 *
 * @param stations by station code
 * @param total    the whole network
 */
record InventoryView(long version, LocalDate date, List<StationFill> stations, StationFill total) {

    /**
     * One station's airtime that day, summed over its screens.
     *
     * @param onAirSeconds      screen-seconds on air
     * @param contractedSeconds commercial plus guaranteed public-service airtime
     * @param fillPercent       contracted seconds as a percentage of on-air seconds, to 0.1
     */
    record StationFill(
            String station,
            String name,
            long screens,
            long onAirSeconds,
            long contractedSeconds,
            long commercialSeconds,
            long publicServiceSeconds,
            long fillerSeconds,
            double fillPercent) {}
}

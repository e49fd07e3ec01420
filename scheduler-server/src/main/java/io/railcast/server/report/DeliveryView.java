package io.railcast.server.report;

import java.time.LocalDate;
import java.util.List;

/**
 * A campaign's delivery in the current version, by station and day.
 *
 * @param note   what the figures mean and what is not known yet
 * @param rows   by date, then station; only station-days where the campaign plays or owes plays
 */
record DeliveryView(String campaign, String name, long version, LocalDate firstDay, int days, String note,
        List<Row> rows, Totals totals) {

    /**
     * @param contractedPlays  plays owed: scheduled plus those the planner could not place
     * @param scheduledPlays   plays in the current version
     * @param scheduledSeconds their airtime
     * @param playedPlays      plays the screens reported; 0 until proof of play is stored
     */
    record Row(String station, LocalDate date, long contractedPlays, long scheduledPlays, long scheduledSeconds,
            long playedPlays) {
    }

    record Totals(long contractedPlays, long scheduledPlays, long scheduledSeconds, long playedPlays) {
    }
}

package io.railcast.server.report;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's delivery by station and day: what the current version schedules, and what the screens played.
 *
 * @param note   what the figures mean and what is not known
 * @param rows   by date, then station; station-days of the version's horizon where the campaign plays or owes plays,
 *               and earlier station-days where screens reported plays of it
 */
record DeliveryView(
        String campaign,
        String name,
        long version,
        LocalDate firstDay,
        int days,
        String note,
        List<Row> rows,
        Totals totals) {

    /**
     * @param contractedPlays  plays owed: scheduled plus those the planner could not place; null before the
     *                         version's first day (past days are not in the current version)
     * @param scheduledPlays   plays in the current version; null before its first day
     * @param scheduledSeconds their airtime; null before the version's first day
     * @param playedPlays      plays the screens reported that ran their full length (within 0.5 s)
     * @param reportedPlays    every play the screens reported, cut short ones included
     */
    record Row(
            String station,
            LocalDate date,
            @Nullable Long contractedPlays,
            @Nullable Long scheduledPlays,
            @Nullable Long scheduledSeconds,
            long playedPlays,
            long reportedPlays) {}

    /** Contracted and scheduled over the version's horizon; played and reported over every row. */
    record Totals(
            long contractedPlays, long scheduledPlays, long scheduledSeconds, long playedPlays, long reportedPlays) {}
}

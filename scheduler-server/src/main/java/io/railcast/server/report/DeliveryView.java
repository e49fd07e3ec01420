package io.railcast.server.report;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's delivery by station and day, as stored in {@code campaign_delivery}: what the version that last
 * planned each day contracted and scheduled, what the screens played, and what takeovers displaced.
 *
 * @param version the latest version when the report was read; {@code firstDay} and {@code days} are its horizon
 * @param note    what the figures mean and what is not known
 * @param rows    by date, then station; every station-day the campaign was contracted, played or lost plays
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
     * @param contractedPlays  plays owed: scheduled plus those the planner could not place, as stored by the last
     *                         version that planned the day; null for a day no version planned since stored figures
     *                         began
     * @param scheduledPlays   plays in that version; null like contracted
     * @param scheduledSeconds their airtime; null like contracted
     * @param playedPlays      plays the screens reported that ran their full length (within 0.5 s)
     * @param reportedPlays    every play the screens reported of a scheduled spot, cut short ones included
     * @param lostPlays        contracted plays emergency takeovers displaced
     * @param makeGoodPlays    make-good plays scheduled there that day, for plays owed elsewhere or earlier
     * @param owed             what the day owes, as last counted by the make-good job (contracted less played, by
     *                         cause); null for today, later days and past days not counted yet
     */
    record Row(
            String station,
            LocalDate date,
            @Nullable Long contractedPlays,
            @Nullable Long scheduledPlays,
            @Nullable Long scheduledSeconds,
            long playedPlays,
            long reportedPlays,
            long lostPlays,
            long makeGoodPlays,
            @Nullable Owed owed) {

        @Nullable
        Long owedPlays() {
            return owed == null ? null : owed.plays();
        }
    }

    /**
     * Plays a past station-day owes, put down to their causes in this order: the planner could not place them
     * (shortfall), an emergency takeover displaced them, the screens did not play them in full.
     */
    record Owed(long plays, long shortfallPlays, long takeoverPlays, long notPlayedPlays) {}

    /** Sums over every row (a null figure counts nothing). */
    record Totals(
            long contractedPlays,
            long scheduledPlays,
            long scheduledSeconds,
            long playedPlays,
            long reportedPlays,
            long lostPlays,
            long makeGoodPlays,
            long owedPlays,
            long owedShortfallPlays,
            long owedTakeoverPlays,
            long owedNotPlayedPlays) {}
}

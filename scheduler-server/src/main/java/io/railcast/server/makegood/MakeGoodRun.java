package io.railcast.server.makegood;

import java.time.Instant;

/**
 * What a make-good run did, as {@code POST /api/v1/make-goods/run} answers it.
 *
 * @param countedAt          the instant the owed plays were counted at: days before each station's date then
 * @param countedStationDays past station-days counted (those that may owe plays, or owed them when last counted)
 * @param changedStationDays of those, the ones whose stored owed plays changed
 * @param owed               every owed play stored after the run, by cause
 * @param note               what the run does and does not do yet
 */
record MakeGoodRun(Instant countedAt, long countedStationDays, long changedStationDays, Totals owed, String note) {

    static final String NOTE = "Owed plays are counted by cause from the stored delivery figures of past days."
            + " Placing them back into the campaigns' remaining flights is not done yet: they stay owed.";

    /**
     * @param stationDays        station-days that owe plays
     * @param shortfallPlays     plays the planner could not place
     * @param takeoverPlays      plays emergency takeovers displaced
     * @param notPlayedPlays     plays scheduled that the screens did not play in full
     * @param awaitingStationDays station-days where some screen's agent has not reported since the day ended
     * @param toMakeGoodPlays    of all owed plays, those of campaigns whose make-good policy is not OFF
     */
    record Totals(
            long stationDays,
            long shortfallPlays,
            long takeoverPlays,
            long notPlayedPlays,
            long awaitingStationDays,
            long toMakeGoodPlays) {}
}

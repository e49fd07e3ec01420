package io.railcast.server.makegood;

import java.time.Instant;

/**
 * What a make-good run did, as {@code POST /api/v1/make-goods/run} answers it.
 *
 * @param countedAt          the instant the owed plays were counted at: days before each station's date then
 * @param countedStationDays past station-days counted (those that may owe plays, or owed them when last counted)
 * @param changedStationDays of those, the ones whose stored owed plays changed
 * @param placed             what the run placed back into campaigns' remaining flights
 * @param owed               every owed play stored after the run, by cause, and how much of it is made good
 * @param note               what the run does
 */
record MakeGoodRun(
        Instant countedAt, long countedStationDays, long changedStationDays, Placed placed, Totals owed, String note) {

    static final String NOTE = "Owed plays are counted by cause from the stored delivery figures of past days, then"
            + " placed back into the remaining flights of campaigns whose policy is ON or EXTEND, on the same screens,"
            + " wherever the whole-flight check finds room; what finds none stays owed.";

    /**
     * @param makeGoods make-goods placed (a campaign at a station on a day; one placed again counts again)
     * @param plays     plays they placed
     */
    record Placed(long makeGoods, long plays) {

        static final Placed NONE = new Placed(0, 0);
    }

    /**
     * @param stationDays        station-days that owe plays
     * @param shortfallPlays     plays the planner could not place
     * @param takeoverPlays      plays emergency takeovers displaced
     * @param notPlayedPlays     plays scheduled that the screens did not play in full
     * @param awaitingStationDays station-days where some screen's agent has not reported since the day ended
     * @param toMakeGoodPlays    of all owed plays, those of campaigns whose make-good policy is not OFF
     * @param placedPlays        plays placed to make good that stand (not those of past days whose plan did not ask
     *                           for them: their airtime was lost, and they are owed again)
     * @param stillOwedPlays     owed plays not made good (per campaign and station: owed less placed, at least 0)
     */
    record Totals(
            long stationDays,
            long shortfallPlays,
            long takeoverPlays,
            long notPlayedPlays,
            long awaitingStationDays,
            long toMakeGoodPlays,
            long placedPlays,
            long stillOwedPlays) {}
}

package io.railcast.server.makegood;

/**
 * The plays a campaign is owed at one station on one past day, by cause. What is owed is contracted less played
 * (full-length plays, V7's 0.5 s rule), never less than nothing; it is put down to its causes in this order:
 *
 * <ol>
 *   <li>{@code shortfall}: plays the planner could not place (contracted less scheduled);
 *   <li>{@code takeover}: of the rest, plays an emergency takeover displaced (lost);
 *   <li>{@code notPlayed}: the rest, plays scheduled that the screens did not play in full.
 * </ol>
 *
 * <p>So the three always add up to what is owed, and plays played beyond the schedule never make a cause negative.
 *
 * @param awaitingScreens screens of the station whose agent had reported before but not since the day ended: their
 *                        journals may still hold plays of the day, so {@code notPlayed} is not final while above 0
 */
record OwedPlays(long shortfall, long takeover, long notPlayed, int awaitingScreens) {

    static final OwedPlays NONE = new OwedPlays(0, 0, 0, 0);

    OwedPlays {
        if (shortfall < 0 || takeover < 0 || notPlayed < 0 || awaitingScreens < 0) {
            throw new IllegalArgumentException("owed plays are never negative: " + shortfall + ", " + takeover + ", "
                    + notPlayed + ", " + awaitingScreens);
        }
    }

    /** What {@code campaign_delivery}'s figures of a past station-day owe. */
    static OwedPlays of(long contracted, long scheduled, long played, long lost, int awaitingScreens) {
        long owed = Math.max(contracted - played, 0);
        long shortfall = Math.min(Math.max(contracted - scheduled, 0), owed);
        long takeover = Math.min(Math.max(lost, 0), owed - shortfall);
        return new OwedPlays(shortfall, takeover, owed - shortfall - takeover, awaitingScreens);
    }

    long total() {
        return shortfall + takeover + notPlayed;
    }
}
